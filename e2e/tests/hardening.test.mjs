// What probing found, checked in a real browser: no redirect loop on an ended session, the security policy
// breaking nothing, failed import rows shown, odd asset ids in links, and every page usable at tablet and phone
// widths without sideways scrolling.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { browser, page, signIn, shot, ADMIN_PASSWORD, BASE } from "./helpers.mjs";

const run = Date.now().toString(36);
const ENG = `hard-eng-${run}`;
const PASSWORD = "e2e-password-0123456789";
const ODD_ASSET = `Line 2/Pump #${run}?x`;
let b;

before(async () => { b = await browser(); });
after(async () => { await b?.close(); });

/** Console errors about the Content-Security-Policy, collected per page. */
function watchPolicy(p) {
  const violations = [];
  p.on("console", (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  return violations;
}

test("admin adds an engineer, who imports a file with a bad row and records a fault on an odd asset id", async () => {
  const p = await page(b);
  const violations = watchPolicy(p);
  await signIn(p, "admin", ADMIN_PASSWORD);
  await p.goto("/admin/users");
  const form = p.locator("form[action='/admin/users'].stack");
  await form.getByLabel("User name").fill(ENG);
  await form.getByLabel("Role").selectOption("engineer");
  await form.getByLabel("Password (at least 12 characters)").fill(PASSWORD);
  await form.getByRole("button", { name: "Add user" }).click();
  await p.getByText(`User ${ENG} created.`).waitFor();
  // a key with a long name and every scope: the widest row of the keys table
  await p.goto("/admin/api-keys");
  const keyForm = p.locator("form[action='/admin/api-keys']");
  await keyForm.getByLabel("Name (which system uses it)").fill(`maximo-integration-plant-north-${run}`);
  for (const scope of ["records:write", "records:read", "search", "ask", "classify"]) {
    await keyForm.getByLabel(scope).check();
  }
  await keyForm.getByRole("button", { name: "Create key" }).click();
  await p.locator("[data-new-key]").waitFor();
  await p.context().close();

  const e = await page(b);
  violations.push(...watchPolicy(e));
  await signIn(e, ENG, PASSWORD);
  const file = join(tmpdir(), `hard-${run}.csv`);
  writeFileSync(file, "externalId,text,occurredAt,asset.id,asset.site\n"
    + `H-${run}-1,pump seal leaking at the gland,2025-05-01,${ODD_ASSET},Hangar North\n`
    + `H-${run}-2,bearing noisy,not-a-date,P-9,Hangar North\n`
    + `H-${run}-3,belt worn,2025-05-03,P-9,Hangar North\n`);
  await e.goto("/imports");
  await e.getByLabel("File (CSV or JSONL)").setInputFiles(file);
  await e.getByLabel("Source system").fill(`hard-${run}`);
  await e.getByRole("button", { name: "Import" }).click();
  const row = e.locator("tr[data-import]").first();
  await row.locator(".state", { hasText: "completed" }).waitFor({ timeout: 60_000 });
  await row.locator(".row-errors li", { hasText: "line 3, occurredAt" }).waitFor();
  const csv = row.getByRole("link", { name: /Failed rows as CSV \(1\)/ });
  const download = await e.request.get(await csv.getAttribute("href"));
  assert.equal(download.status(), 200);
  assert.match(await download.text(), /^line,field,reason\r?\n3,occurredAt,/);
  await shot(e, "import-failed-rows");

  // the odd id survives the links: list -> asset page -> record -> asset page
  await e.goto(`/?source=hard-${run}`);
  await e.getByRole("link", { name: ODD_ASSET }).click();
  await e.getByRole("heading", { name: "Timeline" }).waitFor();
  assert.equal(decodeURIComponent(new URL(e.url()).pathname), `/assets/${ODD_ASSET}`, "the whole id reached the page");
  await e.locator("ol.timeline").getByText("pump seal leaking at the gland").click();
  await e.getByRole("link", { name: ODD_ASSET }).click();
  await e.getByRole("heading", { name: "Timeline" }).waitFor();
  await e.context().close();
  assert.deepEqual(violations, [], "no page broke the security policy");
});

test("an ended session sends the browser to the sign-in page once, saying so, instead of a redirect loop", async () => {
  const kept = await page(b);
  await signIn(kept, ENG, PASSWORD);
  // the same session signed out elsewhere: the server ends it, this browser still holds the cookie
  const other = await b.newContext({ baseURL: BASE });
  await other.addCookies(await kept.context().cookies());
  const elsewhere = await other.newPage();
  await elsewhere.goto("/");
  await elsewhere.getByRole("button", { name: "Sign out" }).click();
  await elsewhere.getByText("You are signed out.").waitFor();
  await other.close();

  const response = await kept.goto("/");
  assert.equal(response.status(), 200);
  assert.match(kept.url(), /\/login\?/);
  await kept.getByText("Your session has ended").waitFor();
  await shot(kept, "session-ended");
  assert.equal((await kept.context().cookies()).some((c) => c.name === "faultline_session" && c.value), false,
    "the ended session's cookie is gone");
  await kept.getByLabel("User name").fill(ENG);
  await kept.getByLabel("Password").fill(PASSWORD);
  await kept.getByRole("button", { name: "Sign in" }).click();
  await kept.waitForURL((url) => url.pathname === "/");
  await kept.context().close();
});

const PAGES = [["records", "/"], ["record", null], ["search", "/search?q=pump+seal+leak"], ["ask", "/ask"],
  ["assets", "/assets"], ["asset", "/assets/P-9"], ["new-record", "/records/new"], ["imports", "/imports"],
  ["admin-users", "/admin/users"], ["admin-keys", "/admin/api-keys"], ["admin-audit", "/admin/audit"],
  ["at-risk", "/at-risk"], ["trends", "/trends"], ["digests", "/digests"], ["integrations", "/admin/integrations"],
  ["quality", "/admin/quality"]];

for (const [width, height] of [[768, 1024], [390, 844]]) {
  test(`every page fits a ${width} px wide screen`, async () => {
    const p = await page(b, { width, height });
    const violations = watchPolicy(p);
    await signIn(p, "admin", ADMIN_PASSWORD);
    await p.goto(`/?source=hard-${run}`);
    const recordHref = await p.locator("table.records a[href^='/records/']").first().getAttribute("href");
    const overflowing = [];
    for (const [name, path] of PAGES) {
      await p.goto(path ?? recordHref);
      await p.waitForLoadState("networkidle");
      const [scroll, view] = await p.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      if (scroll > view) overflowing.push(`${name}: ${scroll} px in ${view}`);
      await shot(p, `${name}-${width}`);
    }
    assert.deepEqual(overflowing, [], "pages wider than the screen");
    assert.deepEqual(violations, [], "no page broke the security policy");
    await p.context().close();
  });
}
