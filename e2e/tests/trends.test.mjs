// Trends, Pareto and digests in a real browser over the demo's sensor part (synthetic failure records of the
// C-MAPSS engines and AI4I machines), at a tablet's 768 px.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { browser, page, signIn, shot, ADMIN_PASSWORD, ARTIFACTS } from "./helpers.mjs";

let b;
before(async () => { b = await browser(); });
after(async () => { await b?.close(); });

test("the trends page draws its charts beside their tables and CSV downloads, at 768 px", async () => {
  const p = await page(b, { width: 768, height: 1024 });
  await signIn(p, "admin", ADMIN_PASSWORD);
  await p.getByRole("link", { name: "Trends" }).first().click();
  await p.waitForURL(/\/trends/);
  await p.locator("select[name=interval]").selectOption("month");
  await p.getByRole("button", { name: "Show" }).click();
  await p.waitForURL(/interval=month/);
  await p.locator("[data-trend-chart][data-drawn='true']").nth(2).waitFor();
  assert.equal(await p.locator("[data-trend-chart] canvas").count(), 3, "three charts drawn");
  const total = Number(await p.locator("h1 .count").innerText());
  assert.ok(total > 0, "the demo has records in the default period");
  // the table's months add up to the page's total
  await p.locator("summary", { hasText: "Table" }).first().click();
  const monthTotals = await p.locator("table[data-table='series'] tbody tr td:last-child").allTextContents();
  assert.equal(monthTotals.map(Number).reduce((a, v) => a + v, 0), total);
  // the Pareto's cumulative share ends at 100 %
  const cumulative = await p.locator("table[data-table='pareto-faultClass'] tbody tr td:last-child").allTextContents();
  assert.equal(cumulative.at(-1), "100.0%");
  // the CSV link answers the same months
  const href = await p.locator("a.csv").first().getAttribute("href");
  const csv = await p.request.get(href);
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()["content-type"], /text\/csv/);
  const lines = (await csv.text()).trim().split("\n");
  assert.match(lines[0], /^month_start,/);
  assert.equal(lines.length - 1, monthTotals.length);
  // nothing wider than the tablet's screen
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px at 768px`);
  await shot(p, "trends-768");
});

test("the printable period report of the trends page prints to PDF with its numbers", async () => {
  const p = await page(b);
  await signIn(p, "admin", ADMIN_PASSWORD);
  await p.goto("/trends");
  await p.getByRole("link", { name: "Printable report of the last four weeks" }).click();
  await p.waitForURL(/\/reports\/period/);
  const body = await p.locator("body").innerText();
  assert.match(body, /\d+\s+records? this period|No records in this period/);
  assert.equal(await p.locator("script").count(), 0, "the report is the mail as a page: no script");
  await p.emulateMedia({ media: "print" });
  const pdf = await p.pdf({ path: `${ARTIFACTS}period-report.pdf`, format: "A4", printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  assert.ok(pdf.length > 5000, `a PDF of ${pdf.length} bytes`);
});

test("a user subscribes to a digest and 'send now' lands in the outbox, unsent without SMTP", async () => {
  const p = await page(b);
  await signIn(p, "admin", ADMIN_PASSWORD);
  await p.getByRole("link", { name: "Digests" }).first().click();
  await p.waitForURL(/\/digests/);
  await p.getByLabel("Email address").fill("e2e-lead@localhost");
  await p.getByLabel("Every").selectOption("week");
  await p.getByRole("button", { name: "Subscribe" }).click();
  await p.getByText(/Subscribed e2e-lead@localhost/).waitFor();
  const row = p.locator("table.digests tbody tr", { hasText: "e2e-lead@localhost" });
  await row.getByRole("button", { name: "Send now" }).click();
  await p.getByText(/queued/).first().waitFor();
  // the scheduler (every 2 s in e2e) makes the mail and keeps it in the outbox
  let status = "";
  for (let i = 0; i < 30 && status !== "unsent"; i++) {
    await p.waitForTimeout(1000);
    await p.reload();
    status = await p.locator("table.outbox tbody tr").first().getAttribute("data-status").catch(() => "");
  }
  assert.equal(status, "unsent");
  await shot(p, "digests-outbox");
  const read = await p.locator("table.outbox tbody tr").first().getByRole("link", { name: "Read" }).getAttribute("href");
  await p.goto(read);
  await p.getByText("FAULTLINE DIGEST").waitFor();
  await shot(p, "digest-mail");
});
