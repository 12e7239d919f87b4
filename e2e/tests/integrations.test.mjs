// The Integrations page in a real browser: an administrator adds a webhook endpoint (a receiver in this test),
// sees its secret once, sends a test event and watches it arrive in the delivery log, signed; then rotates the
// secret and redelivers: the same webhook-id arrives again, signed with the new secret and the old one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createHmac } from "node:crypto";
import { browser, page, signIn, shot, ADMIN_PASSWORD } from "./helpers.mjs";

let b;
let server;
const received = [];
before(async () => {
  b = await browser();
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => { body += c; });
    req.on("end", () => { received.push({ headers: req.headers, body }); res.writeHead(200); res.end(); });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
});
after(async () => { await b?.close(); server?.close(); });

test("an administrator adds a webhook endpoint and its test event arrives signed", async () => {
  const p = await page(b);
  await signIn(p, "admin", ADMIN_PASSWORD);
  await p.goto("/admin/users");
  await p.getByRole("link", { name: "Integrations" }).click();
  await p.waitForURL(/\/admin\/integrations/);
  const url = `http://127.0.0.1:${server.address().port}/hook`;
  await p.getByLabel("URL").fill(url);
  await p.getByLabel("record.created").check();
  await p.getByLabel("Description").fill("e2e receiver");
  await p.getByRole("button", { name: "Add endpoint" }).click();
  const secret = (await p.locator("[data-new-secret]").innerText()).trim();
  assert.match(secret, /^whsec_/);
  await shot(p, "integrations-secret");
  await p.goto("/admin/integrations");
  assert.equal(await p.locator("[data-new-secret]").count(), 0, "the secret is shown once");
  const section = p.locator("section.endpoint", { hasText: url });
  await section.getByRole("button", { name: "Send test event" }).click();
  let status = "";
  for (let i = 0; i < 30 && status !== "succeeded"; i++) {
    await p.waitForTimeout(1000);
    await p.reload();
    status = await p.locator("section.endpoint", { hasText: url }).locator("tr[data-delivery]").first()
      .getAttribute("data-status").catch(() => "");
  }
  assert.equal(status, "succeeded");
  assert.equal(received.length, 1);
  const r = received[0];
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = "v1," + createHmac("sha256", key)
    .update(`${r.headers["webhook-id"]}.${r.headers["webhook-timestamp"]}.${r.body}`).digest("base64");
  assert.equal(r.headers["webhook-signature"], expected);
  assert.equal(JSON.parse(r.body).type, "webhook.test");
  await shot(p, "integrations-delivered");

  await p.locator("section.endpoint", { hasText: url }).getByRole("button", { name: "Rotate secret" }).click();
  const rotated = (await p.locator("[data-new-secret]").innerText()).trim();
  assert.match(rotated, /^whsec_/);
  assert.notEqual(rotated, secret);
  assert.match(await p.locator("section.endpoint", { hasText: url }).innerText(), /previous secret signs too until/);
  await p.locator("section.endpoint", { hasText: url }).locator("tr[data-delivery]").first()
    .getByRole("button", { name: "Redeliver" }).click();
  for (let i = 0; i < 30 && received.length < 2; i++) await p.waitForTimeout(500);
  assert.equal(received.length, 2, "the redelivery arrived");
  const again = received[1];
  assert.equal(again.headers["webhook-id"], r.headers["webhook-id"], "a redelivery keeps its webhook-id");
  const sign = (s) => "v1," + createHmac("sha256", Buffer.from(s.slice("whsec_".length), "base64"))
    .update(`${again.headers["webhook-id"]}.${again.headers["webhook-timestamp"]}.${again.body}`).digest("base64");
  const signatures = again.headers["webhook-signature"].split(" ");
  assert.deepEqual(signatures.sort(), [sign(rotated), sign(secret)].sort(), "new and previous secret both sign");
  await p.reload();
  const rows = p.locator("section.endpoint", { hasText: url }).locator("tr[data-delivery]");
  assert.equal(await rows.first().getAttribute("data-status"), "succeeded");
  await shot(p, "integrations-redelivered");
});
