// Probes a running Faultline as an attacker and an operator would; prints figures, exits 1 when one is wrong.
//   node bench/probe.mjs sweep       every route of the OpenAPI document and every page, without or with wrong
//                                    credentials: how many answer without asking who is calling
//   node bench/probe.mjs malformed   NUL, control characters, broken UTF-8, lone surrogates, bad JSON, oversized
//                                    bodies and URLs, sent raw: how many answer 5xx (must be 0)
//   node bench/probe.mjs load SECONDS OUT.json   8 clients calling the API and pages; every answer's time and status
// FAULTLINE_URL, FAULTLINE_API_KEY, FAULTLINE_SESSION (a technician's session cookie value)
import net from "node:net";
import { writeFileSync } from "node:fs";

const BASE = new URL(process.env.FAULTLINE_URL ?? "http://127.0.0.1:8099");
const KEY = process.env.FAULTLINE_API_KEY;
const SESSION = process.env.FAULTLINE_SESSION;

/** One raw HTTP/1.1 exchange: the request goes out byte for byte as given (no client-side normalising). */
export function raw(method, target, { headers = {}, body = null } = {}) {
  return new Promise((resolve) => {
    const socket = net.connect(Number(BASE.port), BASE.hostname);
    const chunks = [];
    const payload = body === null ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
    let head = `${method} ${target} HTTP/1.1\r\nHost: ${BASE.host}\r\nConnection: close\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    if (body !== null) head += `Content-Length: ${payload.length}\r\n`;
    // written, not ended: a half-closed connection reads as a client that left, and gets no answer
    socket.on("connect", () => socket.write(Buffer.concat([Buffer.from(head + "\r\n", "latin1"), payload])));
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", () => resolve({ status: 0, head: "", body: "" }));
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [head, ...rest] = text.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), head, body: rest.join("\r\n\r\n") });
    });
    socket.setTimeout(30_000, () => socket.destroy());
  });
}

const key = { Authorization: `Bearer ${KEY}` };
const json = { ...key, "Content-Type": "application/json" };

async function sweep() {
  const doc = JSON.parse((await raw("GET", "/q/openapi?format=json")).body);
  const routes = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      // the body in the type the operation reads (a wrong type is refused before anyone is asked who they are)
      const type = Object.keys(op.requestBody?.content ?? { "application/json": {} })[0];
      routes.push([method.toUpperCase(), type, path.replace(/\{id\}/g, path.includes("imports") ? "00000000-0000-0000-0000-000000000000" : "1")
        .replace(/\{site\}/g, "Plant%20A").replace(/\{[^}]+\}/g, "1")]);
    }
  }
  const pages = ["/", "/search?q=pump", "/ask", "/assets", "/assets/P-1", "/records/1", "/records/new", "/imports",
    "/admin/users", "/admin/api-keys", "/admin/audit"];
  let calls = 0;
  const open = [];
  const body = (type) => type.startsWith("multipart") ? "--b\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nx\r\n--b--\r\n"
    : "{}";
  const contentType = (type) => type.startsWith("multipart") ? "multipart/form-data; boundary=b" : type;
  for (const [method, type, path] of routes) {
    for (const [who, headers] of [["nobody", {}], ["made-up key", { Authorization: "Bearer flk_made_up_0123456789abcdef" }],
      ["ended session", { Cookie: "faultline_session=ended-session-token" }]]) {
      const r = await raw(method, path, { headers: { ...headers, "Content-Type": contentType(type) },
        body: method === "GET" ? null : body(type) });
      calls++;
      if (r.status !== 401) open.push(`${who}: ${method} ${path} -> ${r.status}`);
    }
  }
  for (const path of pages) {
    const r = await raw("GET", path);
    calls++;
    if (r.status !== 302) open.push(`nobody: GET ${path} -> ${r.status}`);
  }
  // a technician on what only admins and engineers may do
  const admin = routes.filter(([, , p]) => p.startsWith("/api/v1/admin") || p.startsWith("/api/v1/imports"));
  for (const [method, type, path] of admin) {
    const r = await raw(method, path, { headers: { Cookie: `faultline_session=${SESSION}`, "Content-Type": contentType(type) },
      body: method === "GET" ? null : body(type) });
    calls++;
    if (r.status !== 403) open.push(`technician: ${method} ${path} -> ${r.status}`);
  }
  console.log(`auth sweep: ${routes.length} API operations and ${pages.length} pages, ${calls} calls,`
    + ` ${open.length} answered without the right credentials`);
  open.forEach((o) => console.log(`  ${o}`));
  return open.length === 0;
}

function malformedCases() {
  const cases = [];
  const bad = ["%00", "%01", "%0A", "%0D%0A", "%7F", "%C2%85", "%ED%A0%80", "%C3", "%zz", "%FF%FE"];
  const params = [["/api/v1/search?q=pump&", ["q", "site", "asset", "source", "kind", "from", "faultClass", "mode"]],
    ["/api/v1/records?", ["asset", "site", "source", "to", "limit", "q", "sort"]], ["/api/v1/assets?", ["q", "site"]],
    ["/api/v1/ask/stream?", ["question", "site"]], ["/?", ["asset", "q"]], ["/search?", ["q"]]];
  for (const [base, names] of params) {
    for (const name of names) {
      for (const b of bad) cases.push(["GET", `${base}${name}=x${b}y`, key, null]);
    }
  }
  for (const b of bad) cases.push(["GET", `/api/v1/assets/P${b}1`, key, null], ["GET", `/assets/P${b}1`, key, null]);
  cases.push(["GET", "/api/v1/records/abc", key, null], ["GET", "/api/v1/records/99999999999999999999", key, null],
    ["GET", "/api/v1/records?limit=abc", key, null], ["GET", `/api/v1/search?q=${"a".repeat(10_000)}`, key, null],
    ["GET", `/api/v1/search?q=${"a".repeat(70_000)}`, key, null], ["GET", "/api/v1/records", { Authorization: "Bearer \u0001" }, null],
    ["GET", "/", { Cookie: "faultline_session=\u00ff\u00fe" }, null]);
  const record = (fields) => JSON.stringify({ records: [{ source: "probe", externalId: "P-1", text: "ok", ...fields }] });
  const bodies = [record({ text: "a\u0000b" }), record({ asset: { id: "P\u0000" } }), record({ asset: { id: "P\n1" } }),
    record({ asset: { id: "P-1", site: "   " } }), record({ source: "s\u0007" }), record({ text: "\ud800" }).replace("\\ud800", "\\ud800"),
    '{"records":[{"source":"probe","externalId":"P","text":"\\ud800"}]}', '{"records":[]} trailing',
    '{"records":', "not json", '{"records":"x"}', '{"records":[{"text":[1]}]}', "[]", "null",
    `{"records":[${Array(1001).fill('{"source":"p","externalId":"x","text":"t"}').join(",")}]}`,
    `{"records":[{"source":"p","externalId":"x","text":"${"x".repeat(1_100_000)}"}]}`,
    "[".repeat(5000) + "]".repeat(5000), '{"records":[{"source":"p","externalId":"x","text":"t","fields":{"a b":"c"}}]}'];
  for (const body of bodies) cases.push(["POST", "/api/v1/records", json, body]);
  for (const body of ['{"text":"a\\u0000"}', '{"text":"\\udfff"}', '{"text":1}', '{"text":"x"} x', "{"]) {
    cases.push(["POST", "/api/v1/classify", json, body], ["POST", "/api/v1/ask", json, body.replace("text", "question")]);
  }
  cases.push(["POST", "/api/v1/summaries", json, '{"filter":{"site":"a\\u0000"}}'],
    ["POST", "/api/v1/summaries", json, '{"recordIds":["x"]}'],
    ["POST", "/api/v1/records", { ...key, "Content-Type": "text/plain" }, "x"],
    ["POST", "/api/v1/records", { ...key, "Content-Type": "application/json; charset=latin1" }, Buffer.from([0x7b, 0xff, 0x7d])]);
  return cases;
}

async function malformed() {
  const cases = malformedCases();
  const byStatus = {};
  const errors = [];
  const accepted = [];
  for (const [method, path, headers, body] of cases) {
    const r = await raw(method, path, { headers, body });
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (r.status >= 500 || r.status === 0) errors.push(`${method} ${path.slice(0, 80)} -> ${r.status} ${r.body.slice(0, 120)}`);
    if (r.status < 300) accepted.push(`${method} ${path.slice(0, 80)} ${body ? String(body).slice(0, 60) : ""} -> ${r.status}`);
  }
  console.log(`malformed input: ${cases.length} requests, by status ${JSON.stringify(byStatus)}, ${errors.length} 5xx or no answer`);
  errors.forEach((e) => console.log(`  ${e}`));
  accepted.forEach((a) => console.log(`  accepted by design (line breaks in free text; a number read as text): ${a}`));
  return errors.length === 0;
}

async function load(seconds, out) {
  const targets = [["GET", "/api/v1/records?limit=5", key], ["GET", "/api/v1/search?q=pump+seal+leak&limit=5", key],
    ["GET", "/api/v1/assets?limit=5", key], ["GET", "/", { Cookie: `faultline_session=${SESSION}` }],
    ["GET", "/q/health/ready", {}]];
  const start = Date.now();
  const answers = [];
  await Promise.all(Array.from({ length: 8 }, async (_, client) => {
    for (let i = client; Date.now() - start < seconds * 1000; i++) {
      const [method, path, headers] = targets[i % targets.length];
      const t = Date.now();
      const r = await raw(method, path, { headers });
      answers.push({ at: t - start, ms: Date.now() - t, path, status: r.status,
        retryAfter: /^retry-after:/im.test(r.head), problem: r.body.startsWith("{") });
    }
  }));
  writeFileSync(out, JSON.stringify(answers));
  const byStatus = {};
  answers.forEach((a) => { byStatus[a.status] = (byStatus[a.status] ?? 0) + 1; });
  console.log(`load: ${answers.length} requests in ${seconds} s, by status ${JSON.stringify(byStatus)}`);
}

const [mode, a, b] = process.argv.slice(2);
if (mode === "sweep") process.exit((await sweep()) ? 0 : 1);
if (mode === "malformed") process.exit((await malformed()) ? 0 : 1);
if (mode === "load") await load(Number(a), b);
