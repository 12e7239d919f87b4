// Signs in as each role and clicks through what that person does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { browser, page, signIn, shot, ADMIN_PASSWORD } from "./helpers.mjs";

const run = Date.now().toString(36);
const TECH = `tech-${run}`;
const ENG = `eng-${run}`;
const PASSWORD = "e2e-password-0123456789";
let b;

before(async () => { b = await browser(); });
after(async () => { await b?.close(); });

test("admin signs in and adds a technician and an engineer", async () => {
  const p = await page(b);
  await signIn(p, "admin", ADMIN_PASSWORD);
  await p.getByRole("link", { name: "Admin" }).click();
  for (const [name, role] of [[TECH, "technician"], [ENG, "engineer"]]) {
    const form = p.locator("form[action='/admin/users'].stack");
    await form.getByLabel("User name").fill(name);
    await form.getByLabel("Role").selectOption(role);
    await form.getByLabel("Password (at least 12 characters)").fill(PASSWORD);
    await form.getByRole("button", { name: "Add user" }).click();
    await p.getByText(`User ${name} created.`).waitFor();
  }
  await shot(p, "admin-users");
  await p.getByRole("link", { name: "Audit log" }).click();
  await p.getByText(`username: ${TECH}`).first().waitFor();
  await shot(p, "admin-audit");

  await p.getByRole("link", { name: "API keys" }).click();
  const keyForm = p.locator("form[action='/admin/api-keys']");
  await keyForm.getByLabel("Name (which system uses it)").fill(`cmms-${run}`);
  await keyForm.getByLabel("records:write").check();
  await keyForm.getByRole("button", { name: "Create key" }).click();
  const key = await p.locator("[data-new-key]").textContent();
  assert.match(key, /^flk_/);
  await shot(p, "admin-api-keys");
  await p.goto("/admin/api-keys");
  assert.equal(await p.locator("[data-new-key]").count(), 0, "a key is shown once");
  assert.equal((await p.content()).includes(key), false);
  await p.context().close();
});

test("technician logs a fault with the form and finds it in the list", async () => {
  const p = await page(b);
  await signIn(p, TECH, PASSWORD);
  await p.getByRole("link", { name: "New record" }).first().click();
  await p.getByLabel("Kind").selectOption("work_order");
  const asset = p.getByLabel("Asset");
  await asset.fill("PUMP-E2E-" + run);
  await p.getByLabel("Title (optional)").fill("Seal leak at feed pump");
  await p.getByLabel("What did you find?").fill(`#3 CYL R/H ENG INTAKE GSKT LEAKING ${run}`);
  await shot(p, "record-form");
  await p.getByRole("button", { name: "Save record" }).click();
  await p.getByText("Record saved.").waitFor();
  assert.match(p.url(), /\/records\/\d+$/);
  await shot(p, "record-detail");
  await p.getByRole("link", { name: "Records" }).first().click();
  await p.getByText(`INTAKE GSKT LEAKING ${run}`).waitFor();
  await shot(p, "records-list");

  // not for technicians: admin and imports
  const forbidden = await p.goto("/admin/users");
  assert.equal(forbidden.status(), 403);
  await p.getByText("Your role does not allow this").waitFor();
  await shot(p, "technician-forbidden");
  assert.equal((await p.goto("/imports")).status(), 403);
  assert.equal(await p.getByRole("link", { name: "Admin" }).count(), 0);

  await p.goto("/");
  await p.getByRole("button", { name: "Sign out" }).click();
  await p.getByText("You are signed out.").waitFor();
  await shot(p, "login");
  assert.equal((await p.goto("/")).url().includes("/login"), true, "signed out: back to sign-in");
  await p.context().close();
});

test("engineer imports a CSV and watches the progress bar reach 100%", async () => {
  const rows = ["externalId,text,kind,occurredAt,asset.id,asset.site"];
  for (let i = 1; i <= 20000; i++) {
    rows.push(`E2E-${run}-${i},belt ${i} slipping on conveyor,work_order,2024-02-01T08:00:00Z,CONV-${i % 9},Plant E2E`);
  }
  const file = join(tmpdir(), `e2e-import-${run}.csv`);
  writeFileSync(file, rows.join("\n") + "\n");

  const p = await page(b);
  await signIn(p, ENG, PASSWORD);
  await p.getByRole("link", { name: "Imports" }).click();
  await p.getByLabel("File (CSV or JSONL)").setInputFiles(file);
  await p.getByLabel("Source system").fill(`e2e-${run}`);
  await p.getByRole("button", { name: "Import" }).click();
  await p.getByText("20000 rows").waitFor();
  const row = p.locator("tr[data-import]").first();
  await shot(p, "import-started");
  await row.locator(".state", { hasText: "completed" }).waitFor({ timeout: 120_000 });
  assert.match(await row.locator(".progress").getAttribute("aria-valuenow"), /^100(\.0)?$/);
  assert.match(await row.locator(".pct").textContent(), /^100(\.0)?%$/);
  assert.match(await row.locator(".result").textContent(), /20000 new/);
  await shot(p, "import-completed");
  await p.context().close();
});

test("technician searches in plain words and finds the shorthand record, then its similar records", async () => {
  const p = await page(b);
  await signIn(p, TECH, PASSWORD);
  await p.getByRole("link", { name: "Search" }).first().click();
  await p.getByRole("searchbox", { name: "Search records" }).fill(`right hand engine intake gasket leaking ${run}`);
  await p.getByRole("button", { name: "Search" }).click();
  const first = p.locator("article.hit").first();
  await first.waitFor();
  assert.match(await first.locator(".snippet").innerHTML(), /<mark>R\/H<\/mark>/);
  assert.match(await first.textContent(), new RegExp(`INTAKE GSKT LEAKING ${run}`));
  await shot(p, "search");
  await first.getByRole("link", { name: "Similar records" }).click();
  await p.getByRole("heading", { name: "Similar past records" }).waitFor();
  await shot(p, "record-similar");
  await p.context().close();
});

test("engineer sees the record's fault class with its evidence and corrects it", async () => {
  const p = await page(b);
  await signIn(p, ENG, PASSWORD);
  await p.goto(`/search?q=${encodeURIComponent(`intake gasket leaking ${run}`)}`);
  await p.locator("article.hit h2 a").first().click();
  const label = p.locator("#fault-class .fault-label");
  for (let i = 0; i < 120 && !(await label.count()); i++) { // classified in the background after indexing
    await p.waitForTimeout(500);
    await p.reload();
  }
  assert.equal(await label.textContent(), "Leaking");
  assert.match(await p.locator("#fault-class .confidence").textContent(), /^\d+%$/);
  assert.ok((await p.locator("#fault-class ul.evidence li").count()) >= 1, "evidence listed");
  await shot(p, "record-fault-class");
  await p.getByLabel("Correct to").selectOption("Structural deficiency");
  await p.getByRole("button", { name: "Save fault class" }).click();
  await p.getByText("Fault class set to Structural deficiency").waitFor();
  assert.equal(await label.textContent(), "Structural deficiency");
  assert.match(await p.locator("#fault-class").textContent(), /set by an engineer/);
  await p.locator("#fault-class details.corrections summary").click();
  assert.match(await p.locator("#fault-class details.corrections").textContent(), new RegExp(`${ENG} set Structural deficiency \\(was Leaking, from the model\\)`));
  await shot(p, "record-fault-class-corrected");
  await p.context().close();
});

test("technician asks a question and gets an answer citing the records, streamed in", async () => {
  const p = await page(b);
  await signIn(p, TECH, PASSWORD);
  await p.getByRole("link", { name: "Ask" }).click();
  assert.match(await p.locator(".generator").textContent(), /extractive/);
  await p.getByRole("searchbox", { name: "Question" }).fill(`what was done about the intake gasket leaking ${run}?`);
  await p.getByRole("button", { name: "Ask" }).click();
  await p.locator(".answer-by", { hasText: "by extractive" }).waitFor();
  const citations = p.locator(".citations li a");
  assert.ok((await citations.count()) >= 1, "at least one citation");
  assert.match(await p.locator(".answer-text").textContent(), /\[1\]|\[2\]|\[3\]/);
  assert.ok((await p.locator(".retrieved li").count()) >= 1, "retrieved records listed");
  await shot(p, "ask");
  await citations.first().click();
  await p.getByRole("heading", { name: "Similar past records" }).waitFor();
  await p.context().close();
});

test("records list works on a phone", async () => {
  const p = await page(b, { width: 390, height: 844 });
  await signIn(p, ENG, PASSWORD);
  await p.goto(`/?source=e2e-${run}`);
  await p.getByText("belt 20000 slipping on conveyor").waitFor();
  await shot(p, "records-phone");
  await p.goto("/assets?q=CONV");
  await p.getByRole("link", { name: "CONV-1" }).click();
  await p.getByRole("heading", { name: "Timeline" }).waitFor();
  await shot(p, "asset-phone");
  await p.context().close();
});
