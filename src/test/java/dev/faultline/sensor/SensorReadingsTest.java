package dev.faultline.sensor;

import static dev.faultline.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Readings in (idempotent, all or nothing, every bad item named) and out (down-sampled, exact extremes). */
@QuarkusTest
class SensorReadingsTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    TestDatabase db;

    @Inject
    SensorService service;

    @BeforeEach
    void empty() {
        db.clear();
    }

    static Map<String, Object> reading(String asset, String sensor, Instant time, Object value) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("asset", asset);
        r.put("sensor", sensor);
        r.put("time", time.toString());
        r.put("value", value);
        return r;
    }

    static JsonPath post(List<Map<String, Object>> readings) {
        return given().contentType(ContentType.JSON).body(Map.of("readings", readings)).post("/api/v1/sensor-readings")
                .then().statusCode(200).extract().jsonPath();
    }

    /** In requests of at most 1,000 (%test.faultline.sensors.max-batch). */
    static void postAll(List<Map<String, Object>> readings) {
        for (int i = 0; i < readings.size(); i += 1000) {
            post(readings.subList(i, Math.min(readings.size(), i + 1000)));
        }
    }

    @Test
    void ingestIsIdempotentOnAssetSensorAndTime() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(reading("P-101", "vibration_rms", T0.plusSeconds(60L * i), 4.0 + i / 100.0));
            batch.add(reading("P-101", "bearing_temp", T0.plusSeconds(60L * i), 60.0));
        }
        JsonPath first = post(batch);
        assertEquals(List.of(200, 0, 0), List.of(first.getInt("inserted"), first.getInt("updated"), first.getInt("unchanged")));
        JsonPath again = post(batch);
        assertEquals(List.of(0, 0, 200), List.of(again.getInt("inserted"), again.getInt("updated"), again.getInt("unchanged")));
        batch.set(0, reading("P-101", "vibration_rms", T0, 9.9));
        batch.add(reading("P-101", "vibration_rms", T0.plusSeconds(60L * 100), 4.5));
        JsonPath changed = post(batch);
        assertEquals(List.of(1, 1, 199), List.of(changed.getInt("inserted"), changed.getInt("updated"),
                changed.getInt("unchanged")));
        assertEquals(201, db.count("SELECT count(*) FROM sensor_readings"));
        // the asset and its sensors exist now
        given().get("/api/v1/assets/P-101/sensors").then().statusCode(200)
                .body("name", equalTo(List.of("bearing_temp", "vibration_rms")));
    }

    static Stream<Arguments> badItems() {
        Map<String, Object> unknownField = reading("P-1", "s", T0, 1.0);
        unknownField.put("quality", "good");
        Map<String, Object> noValue = reading("P-1", "s", T0, 1.0);
        noValue.remove("value");
        return Stream.of(
                Arguments.of("unknown field", body(unknownField), 400, "readings[1].quality"),
                Arguments.of("missing value", body(noValue), 422, "readings[1].value"),
                Arguments.of("value null", body(reading("P-1", "s", T0, null)), 422, "readings[1].value"),
                Arguments.of("NaN", raw("NaN"), 422, "readings[1].value"),
                Arguments.of("Infinity", raw("Infinity"), 422, "readings[1].value"),
                Arguments.of("-Infinity", raw("-Infinity"), 422, "readings[1].value"),
                Arguments.of("a number as text", body(reading("P-1", "s", T0, "4.2")), 422, "readings[1].value"),
                Arguments.of("not a number", body(reading("P-1", "s", T0, Map.of("v", 1))), 422, "readings[1].value"),
                Arguments.of("time unreadable", body(reading("P-1", "s", T0, 1.0), "time", "yesterday"), 422, "readings[1].time"),
                Arguments.of("time before 1970", body(reading("P-1", "s", T0, 1.0), "time", "1960-01-01T00:00:00Z"), 422,
                        "readings[1].time"),
                Arguments.of("time years ahead", body(reading("P-1", "s", T0, 1.0), "time", "2099-01-01T00:00:00Z"), 422,
                        "readings[1].time"),
                Arguments.of("missing sensor", body(reading("P-1", null, T0, 1.0)), 422, "readings[1].sensor"),
                Arguments.of("asset with a line break", body(reading("P\n1", "s", T0, 1.0)), 422, "readings[1].asset"),
                Arguments.of("the same reading twice", "{\"readings\":[" + json(reading("P-1", "s", T0, 1.0)) + ","
                        + json(reading("P-1", "s", T0, 2.0)) + "]}", 422, "readings[1].time"),
                Arguments.of("no readings", "{\"readings\":[]}", 422, "readings"),
                Arguments.of("too many", tooMany(), 422, "readings"));
    }

    /** A good first item and the bad one: nothing at all may be written. */
    static String body(Map<String, Object> bad) {
        return "{\"readings\":[" + json(reading("P-1", "ok", T0, 1.0)) + "," + json(bad) + "]}";
    }

    static String body(Map<String, Object> bad, String field, String value) {
        bad.put(field, value);
        return body(bad);
    }

    static String raw(String value) {
        return "{\"readings\":[" + json(reading("P-1", "ok", T0, 1.0)) + ",{\"asset\":\"P-1\",\"sensor\":\"s\","
                + "\"time\":\"" + T0 + "\",\"value\":" + value + "}]}";
    }

    static String tooMany() {
        StringBuilder sb = new StringBuilder("{\"readings\":[");
        for (int i = 0; i <= 1000; i++) {
            sb.append(i == 0 ? "" : ",").append(json(reading("P-1", "s", T0.plusSeconds(i), 1.0)));
        }
        return sb.append("]}").toString();
    }

    static String json(Map<String, Object> m) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badItems")
    void aBadItemIsNamedAndNothingIsWritten(String name, String body, int status, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/sensor-readings").then()
                .statusCode(status).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertEquals(0, db.count("SELECT count(*) FROM sensor_readings"), "nothing written");
        assertEquals(0, db.count("SELECT count(*) FROM sensors"), "no sensor created");
    }

    @Test
    void chartsAreDownSampledWithExactExtremes() {
        // 7,000 readings a second apart (few enough to read raw): a slow wave, and a spike an average would hide
        List<Map<String, Object>> batch = new ArrayList<>();
        double[] values = new double[7_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i == 5_555 ? 99.0 : Math.sin(i / 500.0);
            batch.add(reading("FAN-1", "vib", T0.plusSeconds(i), values[i]));
        }
        postAll(batch);
        JsonPath s = given().queryParam("sensor", "vib").queryParam("points", 100).get("/api/v1/assets/FAN-1/readings")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("raw", s.getString("series[0].resolution"));
        List<Float> max = s.getList("series[0].max", Float.class);
        List<Float> min = s.getList("series[0].min", Float.class);
        List<Integer> count = s.getList("series[0].count", Integer.class);
        assertEquals(100, max.size());
        assertEquals(7_000, count.stream().mapToInt(Integer::intValue).sum(), "every reading counted once");
        long width = s.getLong("series[0].bucketSeconds");
        for (int b = 0; b < max.size(); b++) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int i = (int) (b * width); i < Math.min(values.length, (b + 1) * width); i++) {
                hi = Math.max(hi, values[i]);
                lo = Math.min(lo, values[i]);
            }
            assertEquals(hi, max.get(b), 1e-5, "bucket " + b);
            assertEquals(lo, min.get(b), 1e-5, "bucket " + b);
        }
        assertTrue(max.contains(99.0f), "the spike survives down-sampling");
        // a short range is every reading as it was
        JsonPath few = given().queryParam("from", T0.plusSeconds(100).toString()).queryParam("to", T0.plusSeconds(110).toString())
                .get("/api/v1/assets/FAN-1/readings").then().statusCode(200).extract().jsonPath();
        assertEquals(10, few.getList("series[0].t").size());
        assertEquals(0, few.getInt("series[0].bucketSeconds"));
    }

    @Test
    void longRangesAreReadFromRollupsThatStayExactWhenAValueChanges() {
        // 30 days, a reading every 10 minutes: too many minutes to read, so the hourly rollups answer
        List<Map<String, Object>> batch = new ArrayList<>();
        int n = 30 * 144;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (i % 144) / 10.0;
            batch.add(reading("KILN-1", "temp", T0.plusSeconds(600L * i), values[i]));
        }
        postAll(batch);
        JsonPath s = given().queryParam("points", 60).get("/api/v1/assets/KILN-1/readings").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("1h", s.getString("series[0].resolution"));
        assertEquals(n, s.getList("series[0].count", Integer.class).stream().mapToInt(Integer::intValue).sum());
        long width = s.getLong("series[0].bucketSeconds");
        assertEquals(0, width % 3600);
        List<Float> max = s.getList("series[0].max", Float.class);
        for (int b = 0; b < max.size(); b++) {
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (600L * i / width == b) {
                    hi = Math.max(hi, values[i]);
                }
            }
            assertEquals(hi, max.get(b), 1e-5, "bucket " + b);
        }
        // a corrected reading is reflected in every level
        post(List.of(reading("KILN-1", "temp", T0.plusSeconds(600L * 5), 500.0)));
        assertEquals(500.0f, given().queryParam("points", 60).get("/api/v1/assets/KILN-1/readings").then()
                .extract().jsonPath().getList("series[0].max", Float.class).getFirst());
        assertEquals(500.0, Double.parseDouble(db.string("SELECT max FROM sensor_rollups WHERE width_s = 86400"
                + " AND bucket = '2026-01-01T00:00:00Z'")));
    }

    @Test
    void sensorsCanBeDescribedAndBadQueriesAreNamed() {
        post(List.of(reading("P-7", "flow", T0, 3.0)));
        given().contentType(ContentType.JSON).body(Map.of("unit", "m³/h", "normalMin", 1.0, "normalMax", 5.0))
                .put("/api/v1/assets/P-7/sensors/flow").then().statusCode(200).body("unit", equalTo("m³/h"));
        given().get("/api/v1/assets/P-7/readings").then().statusCode(200)
                .body("series[0].unit", equalTo("m³/h")).body("series[0].normalMax", equalTo(5.0f));
        given().contentType(ContentType.JSON).body(Map.of("normalMin", 5.0, "normalMax", 1.0))
                .put("/api/v1/assets/P-7/sensors/flow").then().statusCode(422).body("errors.field", hasItem("normalMax"));
        given().queryParam("sensor", "pressure").get("/api/v1/assets/P-7/readings").then().statusCode(400)
                .body("detail", containsString("no sensor 'pressure'"));
        given().queryParam("points", 1).get("/api/v1/assets/P-7/readings").then().statusCode(400)
                .body("errors.field", hasItem("points"));
        given().get("/api/v1/assets/NOPE/readings").then().statusCode(404);
    }

    @Test
    void readingsOlderThanTheRetentionAreDeleted() {
        post(List.of(reading("OLD-1", "s", Instant.parse("1990-05-01T00:00:00Z"), 1.0), reading("OLD-1", "s", T0, 2.0)));
        assertEquals(1, service.applyRetention());
        assertEquals(1, db.count("SELECT count(*) FROM sensor_readings"));
        assertEquals(0, db.count("SELECT count(*) FROM sensor_rollups WHERE bucket < '2000-01-01'"));
    }
}
