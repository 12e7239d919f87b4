package dev.faultline.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every /api/v1 route (read from the OpenAPI document, so a new route cannot be forgotten) and every page:
 * unauthenticated → 401 (API) or a redirect to sign-in (pages); wrong role → 403; a key without the scope → 403;
 * a revoked key → 401; and the right role or scope gets past security (any status but 401/403).
 */
@QuarkusTest
class AccessSweepTest {

    /** Who may call a route: the lowest user role, and the key scopes that may (none: no key may). */
    record Rule(String role, List<String> scopes) {}

    static Rule rule(String method, String path) {
        if (path.startsWith("/api/v1/admin") || path.startsWith("/api/v1/sites") || path.startsWith("/api/v1/webhooks")
                || path.startsWith("/api/v1/integrations")) {
            return new Rule(Roles.ADMIN, List.of());
        }
        if (path.startsWith("/api/v1/imports")) {
            return new Rule(Roles.ENGINEER, List.of(Roles.RECORDS_WRITE));
        }
        if (path.startsWith("/api/v1/search") || path.endsWith("/similar") || path.equals("/api/v1/enrich")) {
            return new Rule(Roles.TECHNICIAN, List.of(Roles.SEARCH));
        }
        if (path.startsWith("/api/v1/index/status")) {
            return new Rule(Roles.TECHNICIAN, List.of(Roles.SEARCH, Roles.RECORDS_READ));
        }
        if (path.endsWith("/fault-class") || path.equals("/api/v1/classifier/training")) {
            return new Rule(Roles.ENGINEER, List.of()); // corrections and retraining are people's decisions
        }
        if (path.startsWith("/api/v1/ask") || path.startsWith("/api/v1/summaries")) {
            return new Rule(Roles.TECHNICIAN, List.of(Roles.ASK));
        }
        if (path.startsWith("/api/v1/classif")) {
            return new Rule(Roles.TECHNICIAN, List.of(Roles.CLASSIFY));
        }
        if (path.startsWith("/api/v1/fault-classes") || path.startsWith("/api/v1/defect-classes")) {
            return new Rule(Roles.TECHNICIAN, List.of(Roles.CLASSIFY, Roles.RECORDS_READ));
        }
        if (path.equals("/api/v1/sensor-readings") || path.startsWith("/api/v1/assets") && path.contains("/sensors/")) {
            return new Rule(Roles.ENGINEER, List.of(Roles.SENSORS_WRITE));
        }
        if (path.startsWith("/api/v1/predictors") || path.startsWith("/api/v1/risk-thresholds")) {
            // reading models and thresholds is everyone's; defining, training and thresholds are engineers' (or a
            // sensor bridge's key)
            return method.equals("get") ? new Rule(Roles.TECHNICIAN, List.of(Roles.RECORDS_READ))
                    : new Rule(Roles.ENGINEER, List.of(Roles.SENSORS_WRITE));
        }
        if (path.startsWith("/api/v1/feedback")) {
            return method.equals("post") ? new Rule(Roles.TECHNICIAN, List.of(Roles.SEARCH, Roles.ASK))
                    : new Rule(Roles.ADMIN, List.of()); // the figures and the export: who judged what
        }
        if (path.startsWith("/api/v1/tickets")) {
            return new Rule(Roles.TECHNICIAN, List.of()); // raised by a person, named in the ticket system's audit
        }
        if (path.startsWith("/api/v1/digests/deliveries")) {
            return new Rule(Roles.ADMIN, List.of()); // the outbox holds everyone's mail
        }
        if (path.startsWith("/api/v1/digests") || path.startsWith("/api/v1/trends")) {
            return new Rule(Roles.TECHNICIAN, List.of(Roles.RECORDS_READ));
        }
        if (path.equals("/api/v1/at-risk")) {
            return new Rule(Roles.TECHNICIAN, List.of(Roles.RECORDS_READ));
        }
        if (method.equals("put") && path.matches("/api/v1/assets/[^/]+")) {
            return new Rule(Roles.ENGINEER, List.of(Roles.RECORDS_WRITE)); // the asset register
        }
        if (path.startsWith("/api/v1/records") || path.startsWith("/api/v1/assets")) {
            return new Rule(Roles.TECHNICIAN, List.of(method.equals("get") ? Roles.RECORDS_READ : Roles.RECORDS_WRITE));
        }
        throw new AssertionError("no access rule for " + method + " " + path + ": add it to this sweep");
    }

    static final List<String> PAGES = List.of("/", "/search?q=leak", "/ask", "/ask?question=leak", "/records/1", "/records/new", "/assets", "/assets/X", "/imports", "/trends", "/digests",
            "/admin/users", "/admin/api-keys", "/admin/integrations", "/admin/quality", "/admin/audit");

    static String pageRole(String page) {
        return page.startsWith("/admin") ? Roles.ADMIN : page.startsWith("/imports") ? Roles.ENGINEER : Roles.TECHNICIAN;
    }

    Map<String, Api.Session> sessions;
    Map<String, String> scopeKeys;
    String revokedKey;

    @BeforeEach
    void actors() {
        sessions = Map.of(Roles.TECHNICIAN, Api.user("sweep-tech", Roles.TECHNICIAN),
                Roles.ENGINEER, Api.user("sweep-eng", Roles.ENGINEER),
                Roles.ADMIN, Api.login("admin", Api.ADMIN_PASSWORD));
        scopeKeys = new java.util.HashMap<>();
        for (String scope : Roles.SCOPES) {
            scopeKeys.put(scope, key("sweep " + scope, List.of(scope)));
        }
        revokedKey = key("sweep revoked", Roles.SCOPES);
        revoke(revokedKey);
        // even a key with every scope cannot manage keys
        assertEquals(403, Api.given().get("/api/v1/admin/api-keys").statusCode());
    }

    private String key(String name, List<String> scopes) {
        Api.Session admin = sessions.get(Roles.ADMIN);
        return admin.given().header("X-CSRF-Token", admin.csrf()).contentType("application/json")
                .body(Map.of("name", name, "scopes", scopes)).post("/api/v1/admin/api-keys")
                .then().statusCode(201).extract().path("key");
    }

    private void revoke(String key) {
        Api.Session admin = sessions.get(Roles.ADMIN);
        JsonPath keys = admin.given().get("/api/v1/admin/api-keys").then().statusCode(200).extract().jsonPath();
        int id = keys.getInt("find { it.prefix == '" + key.substring(0, 8) + "' && it.revokedAt == null }.id");
        admin.given().header("X-CSRF-Token", admin.csrf()).delete("/api/v1/admin/api-keys/" + id)
                .then().statusCode(204);
    }

    record Route(String method, String path) {}

    static List<Route> apiRoutes() {
        Map<String, Map<String, Object>> paths = RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Route> routes = new ArrayList<>();
        paths.forEach((path, ops) -> {
            if (path.startsWith("/api/v1")) {
                ops.keySet().stream().filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                        .forEach(m -> routes.add(new Route(m, path.replace("{site}", "SWEEP-SITE")
                                .replace("{name}", "sweep-sensor").replace("{table}", "series").replace("{deliveryId}", "999999").replace("{id}",
                                // ids that do not exist: nothing real is touched (e.g. no key gets revoked)
                                path.startsWith("/api/v1/imports") ? "00000000-0000-0000-0000-000000000001" : "999999"))));
            }
        });
        assertTrue(routes.size() >= 12, "expected the whole API in the OpenAPI document, got " + routes);
        return routes;
    }

    static int call(RequestSpecification request, Route route) {
        RequestSpecification r = request.redirects().follow(false);
        if (route.path().startsWith("/api/v1/imports") && route.method().equals("post")) {
            r = r.multiPart("source", "sweep");
        } else if (!route.method().equals("get") && !route.method().equals("delete")) {
            r = r.contentType("application/json").body("{}");
        }
        return r.request(route.method().toUpperCase(), route.path()).statusCode();
    }

    @Test
    void apiRoutesRefuseWhoeverMayNotUseThem() {
        List<String> failures = new ArrayList<>();
        for (Route route : apiRoutes()) {
            if (route.path().matches("/api/v1/integrations/[^/]+/events")) {
                continue; // signed by the integration's secret, not a session or key: TicketEventTest
            }
            Rule rule = rule(route.method(), route.path());
            expect(failures, route, "anonymous", () -> RestAssured.given(), 401);
            expect(failures, route, "revoked key",
                    () -> RestAssured.given().header("Authorization", "Bearer " + revokedKey), 401);
            expect(failures, route, "unknown key",
                    () -> RestAssured.given().header("Authorization", "Bearer flk_nope"), 401);
            for (String role : Roles.USER_ROLES) {
                Api.Session s = sessions.get(role);
                boolean allowed = Roles.implied(role).contains(rule.role());
                expect(failures, route, role, () -> s.given().header("X-CSRF-Token", s.csrf()), allowed ? 0 : 403);
            }
            for (String scope : Roles.SCOPES) {
                boolean allowed = rule.scopes().contains(scope);
                expect(failures, route, "key " + scope,
                        () -> RestAssured.given().header("Authorization", "Bearer " + scopeKeys.get(scope)),
                        allowed ? 0 : 403);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void pagesSendStrangersToSignInAndRefuseTheWrongRole() {
        List<String> failures = new ArrayList<>();
        for (String page : PAGES) {
            var anonymous = RestAssured.given().redirects().follow(false).get(page);
            if (anonymous.statusCode() != 302 || !anonymous.header("Location").startsWith("/login?next=")) {
                failures.add(page + " anonymous: " + anonymous.statusCode() + " " + anonymous.header("Location"));
            }
            for (String role : Roles.USER_ROLES) {
                int status = sessions.get(role).given().get(page).statusCode();
                boolean allowed = Roles.implied(role).contains(pageRole(page));
                if (allowed ? (status == 401 || status == 403 || status == 302) : status != 403) {
                    failures.add(page + " as " + role + ": " + status);
                }
            }
            int withKey = Api.given().redirects().follow(false).get(page).statusCode();
            if (withKey != 403) {
                failures.add(page + " with an API key: " + withKey + " (pages are for people)");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void healthIsOpenAndMetricsNeedAnIdentity() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().get("/q/metrics").then().statusCode(401);
        Api.given().get("/q/metrics").then().statusCode(200);
        RestAssured.given().get("/q/openapi").then().statusCode(200);
    }

    private static void expect(List<String> failures, Route route, String who, Supplier<RequestSpecification> request,
            int expected) {
        int status = call(request.get(), route);
        boolean ok = expected == 0 ? status != 401 && status != 403 : status == expected;
        if (!ok) {
            failures.add(route.method() + " " + route.path() + " as " + who + ": " + status
                    + (expected == 0 ? " (should pass security)" : " (expected " + expected + ")"));
        }
    }
}
