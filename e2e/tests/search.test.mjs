// Search in a real browser: near-identical records take one place in the results, "+N similar records" opens them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, browser, page, signIn, shot, ADMIN_PASSWORD } from "./helpers.mjs";

const KEY = process.env.FAULTLINE_BOOTSTRAP_API_KEY;
let b;
before(async () => {
  b = await browser();
  const records = ["LEFT MAG DROP 200 RPM ON RUN UP.", "LEFT MAG DROP 200 RPM ON RUN-UP", "LEFT MAG DROP 200 RPM ON RUN UP",
    "RIGHT MAG DROP 200 RPM ON RUN UP."].map((text, i) => ({ source: "e2e-logbook", externalId: `mag-${i}`,
    kind: "maintenance_log", asset: { id: "N-E2E", name: "Test aircraft" }, occurredAt: `2026-01-0${i + 1}T08:00:00Z`, text }));
  const r = await fetch(`${BASE}/api/v1/records`, { method: "POST", body: JSON.stringify({ records }),
    headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" } });
  assert.equal(r.status, 200, await r.text());
  // wait until they are embedded (the index works in the background)
  for (let i = 0; i < 120; i++) {
    const s = await (await fetch(`${BASE}/api/v1/index/status`, { headers: { Authorization: `Bearer ${KEY}` } })).json();
    if (s.pending === 0) break;
    await new Promise((ok) => setTimeout(ok, 500));
  }
});
after(async () => { await b?.close(); });

test("three copies of one problem show as one result with +2 similar records, the other side apart", async () => {
  const p = await page(b, { width: 390, height: 844 });
  await signIn(p, "admin", ADMIN_PASSWORD);
  await p.goto("/search?q=left%20magneto%20drop&asset=N-E2E");
  const hits = p.locator("article.hit");
  await hits.first().waitFor();
  assert.equal(await hits.count(), 2, "three left copies in one result, the right magneto in another");
  const more = hits.first().locator("details.duplicates");
  const summary = more.locator("summary");
  assert.equal((await summary.innerText()).trim(), "+2 similar records");
  assert.equal(await more.locator("li").first().isVisible(), false);
  await summary.click();
  assert.equal(await more.locator("li").count(), 2);
  assert.equal(await more.locator("li").first().isVisible(), true);
  assert.match(await hits.nth(1).innerText(), /RIGHT MAG DROP/);
  const box = await summary.boundingBox();
  assert.ok(box.height >= 24, `the summary is a tap target on a phone (${box.height}px high)`);
  await shot(p, "search-duplicates");
});
