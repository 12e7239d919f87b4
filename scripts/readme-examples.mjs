// Runs every `curl` example in README.md's code blocks, in order, against a running Faultline with the demo
// data, as a reader would type them (with the API key the README says every call sends). Fails on a curl error,
// an HTTP error, or an empty answer (no items, no results, no summary lines, a stream without its answer).
//   FAULTLINE_URL, FAULTLINE_API_KEY, FAULTLINE_ADMIN_PASSWORD (for the calls only a signed-in person may make)
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const BASE = process.env.FAULTLINE_URL ?? "http://127.0.0.1:8096";
const KEY = process.env.FAULTLINE_API_KEY;
const ADMIN_PASSWORD = process.env.FAULTLINE_ADMIN_PASSWORD;
// what the README marks "signed in": keys may not correct labels, train, or change a site's taxonomy
const SESSION_ONLY = [/-X PUT .*\/fault-class/, /\/classifier\/training/, /\/sites\/.*fault-classes/];

/** The curl commands of the README's bash blocks: continued lines and multi-line quotes joined, comments cut. */
export function commands(markdown) {
  const out = [];
  for (const block of markdown.matchAll(/```bash\n([\s\S]*?)```/g)) {
    let current = null;
    let quote = null;
    for (const raw of block[1].split("\n")) {
      let line = current === null ? raw.trim() : raw;
      if (current === null && !line.startsWith("curl ")) continue;
      let kept = "";
      for (const ch of line) {
        if (quote) { if (ch === quote) quote = null; }
        else if (ch === "'" || ch === '"') quote = ch;
        else if (ch === "#" && /\s$/.test(kept)) break;
        kept += ch;
      }
      current = current === null ? kept : current + "\n" + kept;
      if (quote || /\\\s*$/.test(kept)) continue;
      out.push(current.trim());
      current = null;
    }
  }
  return out;
}

async function session() {
  const form = await fetch(`${BASE}/login`);
  const loginCsrf = /faultline_login_csrf=([^;]+)/.exec(form.headers.get("set-cookie"))[1];
  const token = /name="csrf-token" value="([^"]+)"/.exec(await form.text())[1];
  const signedIn = await fetch(`${BASE}/login`, {
    method: "POST", redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `faultline_login_csrf=${loginCsrf}` },
    body: new URLSearchParams({ username: "admin", password: ADMIN_PASSWORD, next: "/", "csrf-token": token }),
  });
  const cookie = /faultline_session=([^;]+)/.exec(signedIn.headers.get("set-cookie"))[1];
  const page = await (await fetch(`${BASE}/`, { headers: { Cookie: `faultline_session=${cookie}` } })).text();
  return { cookie, csrf: /name="csrf-token" value="([^"]+)"/.exec(page)[1] };
}

function empty(output, command) {
  if (!output.trim()) return "no output";
  if (command.includes("ask/stream")) {
    return output.includes("event:done") && !output.includes("event:problem") ? null : "the stream gave no answer";
  }
  let json;
  try { json = JSON.parse(output); } catch { return null; } // several JSON answers in one line: curl -f checked them
  if (Array.isArray(json)) return json.length ? null : "an empty list";
  for (const list of ["items", "results", "lines", "citations"]) {
    if (Array.isArray(json[list]) && json[list].length === 0) return `"${list}" is empty`;
  }
  if (json.total === 0) return "total is 0";
  return null;
}

const list = commands(readFileSync(new URL("../README.md", import.meta.url), "utf8"));
if (list.length < 20) throw new Error(`only ${list.length} curl examples found in README.md: is the parser broken?`);
const person = await session();
let lastImport = null;
let failures = 0;
for (const original of list) {
  let command = original.replaceAll("localhost:8080", BASE.replace(/^https?:\/\//, ""));
  if (command.includes("<id>")) command = command.replaceAll("<id>", lastImport);
  const auth = SESSION_ONLY.some((p) => p.test(command))
    ? `-b 'faultline_session=${person.cookie}' -H 'X-CSRF-Token: ${person.csrf}'`
    : `-H 'Authorization: Bearer ${KEY}'`;
  command = command.replace(/(^|;\s*)curl /g, `$1curl -f -S --max-time 120 ${auth} `);
  let output = "";
  let problem = null;
  try {
    output = execFileSync("bash", ["-c", command], { encoding: "utf8", cwd: new URL("..", import.meta.url).pathname,
      maxBuffer: 64 * 1024 * 1024 });
    problem = empty(output, command);
  } catch (e) {
    problem = `failed (exit ${e.status}): ${String(e.stderr).trim().slice(0, 300)}`;
  }
  const id = /"id":"([0-9a-f-]{36})"/.exec(output);
  if (id && command.includes("/api/v1/imports")) lastImport = id[1];
  const shown = original.replace(/\s+/g, " ").slice(0, 110);
  if (problem) {
    failures++;
    console.log(`FAIL ${shown}\n     ${problem}\n     ${output.slice(0, 300)}`);
  } else {
    console.log(`ok   ${shown}  (${output.length} bytes)`);
  }
}
console.log(`${list.length - failures} of ${list.length} README examples answered with something`);
process.exit(failures ? 1 : 0);
