// Thumbs on search results in a real browser: the judgement is saved with the query and shows on Admin → Quality,
// where the search ranking can be trained on the judgements.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { browser, page, signIn, shot, ADMIN_PASSWORD } from "./helpers.mjs";

let b;
before(async () => { b = await browser(); });
after(async () => { await b?.close(); });

test("a search result judged useful counts on the quality page", async () => {
  const p = await page(b);
  await signIn(p, "admin", ADMIN_PASSWORD);
  await p.goto("/search?q=engine%20removed");
  const first = p.locator("article.hit").first();
  await first.waitFor();
  await first.getByTitle("Useful", { exact: true }).click();
  await first.getByText("Thanks: noted.").waitFor();
  assert.equal(await first.getByTitle("Useful", { exact: true }).getAttribute("aria-pressed"), "true");
  await shot(p, "search-feedback");
  await p.goto("/admin/quality");
  const row = p.locator("tr[data-kind='search']");
  assert.equal((await row.locator("td").nth(1).innerText()).trim(), "1");
  assert.equal((await row.locator("td").nth(2).innerText()).trim(), "100%");
  // training the search ranking on one judged result: nothing trained, said so, the shipped model still ranks
  assert.equal(await p.locator("p[data-ranking]").getAttribute("data-ranking"), "configured");
  await p.getByRole("button", { name: "Train on feedback" }).click();
  await p.locator("p.flash").getByText("Nothing trained: a training needs 10 judged searches").waitFor();
  assert.equal(await p.locator("p[data-ranking]").getAttribute("data-ranking"), "configured");
  await shot(p, "quality-ranking");
});
