// Sensor data and predictions in a real browser, over the demo's sensor part (scripts/load-demo.sh with
// FAULTLINE_DEMO_ONLY=sensors, run by e2e/run.sh): C-MAPSS turbofans and AI4I milling machines, their synthetic
// failure records, and the two models trained in the app.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { browser, page, signIn, shot, ADMIN_PASSWORD } from "./helpers.mjs";

let b;
before(async () => { b = await browser(); });
after(async () => { await b?.close(); });

/** The live engines with the lowest true remaining life (NASA's RUL_FD001: the answers the model never saw). */
function riskiestEngines(n) {
  return readFileSync(new URL("../../data/cmapss/RUL_FD001.txt", import.meta.url), "utf8").trim().split(/\s+/)
    .map((v, i) => ({ id: `FD001-E${String(i + 1).padStart(3, "0")}`, rul: Number(v) }))
    .sort((a, b) => a.rul - b.rul).slice(0, n).map((e) => e.id);
}

test("the at-risk page lists the demo's riskiest engines first", async () => {
  const p = await page(b);
  await signIn(p, "admin", ADMIN_PASSWORD);
  await p.goto("/at-risk");
  const rows = p.locator("table.risk[data-kind='rul'] tbody tr");
  await rows.first().waitFor();
  const listed = await rows.evaluateAll((trs) => trs.slice(0, 10).map((tr) => tr.dataset.asset));
  const truth = riskiestEngines(10);
  const hits = listed.filter((id) => truth.includes(id));
  // the model's ten lowest predictions against the ten lowest true RULs: most of them agree
  assert.ok(hits.length >= 5, `top 10 listed ${listed} share only ${hits.length} with the true riskiest ${truth}`);
  await assert.doesNotReject(rows.first().getByText("At risk", { exact: false }).or(rows.first().locator("td.value")).first().waitFor());
  assert.match(await rows.first().locator("td.value").innerText(), /RUL \d+ cycles/);
  assert.equal(await rows.first().getByRole("link", { name: "Similar past failures" }).count(), 1);
  // the machines' failure-risk list exists too (maybe with no machine at risk)
  await p.getByRole("heading", { name: /Failure risk/ }).waitFor();
  await shot(p, "at-risk");
  // the first engine's page: its RUL, why, and its sensor charts
  await rows.first().locator("td a").first().click();
  await p.waitForURL(/\/assets\/FD001-E/);
  await p.locator(".prediction .headline").getByText(/RUL \d+ cycles/).waitFor();
  await p.getByText("At risk", { exact: true }).first().waitFor();
  assert.ok(await p.locator(".contributions li").count() >= 1, "top features are shown");
  await p.locator(".sensor-chart canvas").first().waitFor();
  assert.equal(await p.locator(".sensor-chart:not([hidden])").count(), 4);
  await p.getByRole("button", { name: /Show all \d+ sensors/ }).click();
  assert.equal(await p.locator(".sensor-chart:not([hidden])").count(), 21);
  await shot(p, "asset-engine");
});

test("a machine's page shows its charts with its records as markers, and a marker opens its record", async () => {
  const p = await page(b, { width: 768, height: 1024 });
  await signIn(p, "admin", ADMIN_PASSWORD);
  await p.goto("/assets/AI4I-M01");
  await p.locator(".prediction .headline").getByText(/Failure risk \d+ %/).waitFor();
  await p.locator(".sensor-chart canvas").first().waitFor();
  const markers = p.locator(".sensor-chart:not([hidden]) a.marker");
  await markers.first().waitFor();
  // the machine's failure records (synthetic, from AI4I's labels) fall inside the charted range
  const records = await (await p.request.get("/api/v1/records?asset=AI4I-M01&limit=500")).json();
  assert.ok(records.total > 0);
  assert.equal(await p.locator(".sensor-chart").first().locator("a.marker").count(), records.total);
  // usable at 768 px: nothing wider than the screen
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  const marker = markers.first();
  await marker.hover();
  await marker.locator(".tip").getByText(/Machine failure \(synthetic record\)/).waitFor();
  await shot(p, "asset-machine-768");
  await marker.click();
  await p.waitForURL(/\/records\/\d+/);
  await p.getByText("Synthetic record").first().waitFor();
  await p.getByText(/Failure risk \d+ %/).first().waitFor();
});
