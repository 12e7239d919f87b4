// The interface in Chinese and English in a real browser: a Chinese browser gets Chinese pages (words, the
// scripts' messages), the switch in the header changes the language and remembers it for the user.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { browser, page, shot, ADMIN_PASSWORD } from "./helpers.mjs";

let b;
before(async () => { b = await browser(); });
after(async () => { await b?.close(); });

test("a Chinese browser gets Chinese pages, and the switch goes back to English", async () => {
  const p = await page(b, undefined, "zh-CN");
  await p.goto("/login");
  assert.equal(await p.locator("html").getAttribute("lang"), "zh-CN");
  await p.getByRole("heading", { name: "登录" }).waitFor();
  await p.getByLabel("用户名").fill("admin");
  await p.getByLabel("密码").fill(ADMIN_PASSWORD);
  await p.getByRole("button", { name: "登录" }).click();
  await p.waitForURL((url) => !url.pathname.startsWith("/login"));
  const nav = p.getByRole("navigation", { name: "主导航" });
  await nav.getByRole("link", { name: "搜索" }).waitFor();
  await nav.getByRole("link", { name: "设备" }).click();
  await p.waitForURL("**/assets");
  // words the page's scripts write come from the page too (no English left in the Chinese interface's script)
  const scriptText = await p.locator("#ui-text").getAttribute("data-thanks");
  assert.notEqual(scriptText, "Thanks: noted.");
  await shot(p, "assets-zh");

  // the switch in the header: English at once, on the same page, and remembered with the user
  await p.getByLabel("语言").selectOption("en");
  await p.waitForFunction(() => document.documentElement.lang === "en");
  assert.ok(new URL(p.url()).pathname.startsWith("/assets"), p.url());
  await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).waitFor();
  const again = await page(b, undefined, "zh-CN");
  // the session only, not the language cookie: the choice is stored with the user
  await again.context().addCookies((await p.context().cookies()).filter((c) => c.name !== "faultline_lang"));
  await again.goto("/");
  assert.equal(await again.locator("html").getAttribute("lang"), "en");

  // back to following the browser: Chinese again
  await p.getByLabel("Language").selectOption("auto");
  await p.waitForFunction(() => document.documentElement.lang === "zh-CN");
  await p.getByRole("navigation", { name: "主导航" }).waitFor();
  await again.context().close();
  await p.context().close();
});

test("a Chinese page says why an import's row failed, and why a form was refused, in Chinese", async () => {
  const p = await page(b, undefined, "zh-CN");
  await p.goto("/login");
  await p.getByLabel("用户名").fill("admin");
  await p.getByLabel("密码").fill(ADMIN_PASSWORD);
  await p.getByRole("button", { name: "登录" }).click();
  await p.waitForURL((url) => !url.pathname.startsWith("/login"));
  const run = Date.now();
  const file = join(tmpdir(), `zh-import-${run}.csv`);
  writeFileSync(file, "externalId,text,occurredAt\n"
    + `ZH-${run}-1,泵机械密封泄漏,2025-05-01\n`
    + `ZH-${run}-2,轴承异响,not-a-date\n`);
  await p.goto("/imports");
  await p.locator("input[type=file][name=file]").setInputFiles(file);
  await p.locator("input[name=source]").fill(`zh-${run}`);
  await p.locator("form.upload button[type=submit]").click();
  const row = p.locator("tr[data-import]").first();
  // the state the script writes while it watches the job, then the row's reasons as the page writes them
  await row.locator(".state", { hasText: "已完成" }).waitFor({ timeout: 60_000 });
  await row.locator(".row-errors li", { hasText: "第 3 行，occurredAt：“not-a-date”不是 ISO-8601 日期" }).waitFor();
  assert.equal(await row.locator(".row-errors li", { hasText: "is not an ISO-8601" }).count(), 0);
  await shot(p, "import-failed-rows-zh");

  // a record form sent without its text: the reason beside the field
  await p.goto("/records/new");
  await p.locator("textarea[name=text]").fill(" ");
  await p.locator("form.record-form button[type=submit]").click();
  await p.locator(".field-error", { hasText: "必填" }).waitFor();

  // the trends chart's legend names the failure modes as the table under it does, in Chinese
  await p.goto("/trends?interval=month&from=2025-01-01&to=2026-12-31");
  const names = (await p.locator("table[data-table=series] th[data-key]").allTextContents()).map((s) => s.trim());
  assert.ok(names.length > 0, "the imported record is in the period");
  await p.locator("[data-trend-chart=series] .u-legend").waitFor();
  const legend = (await p.locator("[data-trend-chart=series] .u-legend .u-label").allTextContents()).map((s) => s.trim());
  for (const n of names) assert.ok(legend.includes(n), `${n} not in the legend ${legend}`);
  await p.context().close();
});
