// Search latency through the API: hybrid with a site filter, and the other modes, p50 / p95 over the questions.
import { QUESTIONS } from "./retrieval-eval.mjs";

const URL_ = process.env.FAULTLINE_URL;
const AUTH = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
const rounds = Number(process.env.ROUNDS ?? 8);

async function call(path, headers) {
  const t = performance.now();
  const r = await fetch(`${URL_}${path}`, { headers });
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  await r.json();
  return performance.now() - t;
}
const time = (params) => call(`/api/v1/search?${new URLSearchParams(params)}`, AUTH);

function report(name, ms) {
  ms.sort((a, b) => a - b);
  const p = (x) => ms[Math.min(ms.length - 1, Math.floor(x * ms.length))].toFixed(1);
  console.log(`${name.padEnd(24)} n=${ms.length}  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  max ${ms.at(-1).toFixed(1)} ms`);
}

const cases = [
  ["hybrid + site filter", (q) => ({ q, mode: "hybrid", site: "Site 3", limit: "20" })],
  ["hybrid", (q) => ({ q, mode: "hybrid", limit: "20" })],
  // the same without the near-duplicate stage (collapse=false): its cost, in the same run
  ["hybrid, no collapse", (q) => ({ q, mode: "hybrid", limit: "20", collapse: "false" })],
  ["keyword + site filter", (q) => ({ q, mode: "keyword", site: "Site 3", limit: "20" })],
  ["semantic + site filter", (q) => ({ q, mode: "semantic", site: "Site 3", limit: "20" })],
];
// warm-up: WARM_UP rounds (default 3) of every question in every mode, so a fresh JVM has compiled the search path; a
// plant's server runs for weeks, and the first minutes after a start are not what its users see. One round was not
// enough: the JIT compiler still ran beside the first case measured (at 1M records, keyword + site took 50-64 ms in
// a second round for the slowest questions, 29-41 ms in a fourth; BENCHMARKS.md, "fifth session")
const warmUp = Number(process.env.WARM_UP ?? 3);
for (let i = 0; i < warmUp; i++) for (const [, build] of cases) for (const [q] of QUESTIONS) await time(build(q));
for (const [name, build] of cases) {
  const ms = [];
  for (let i = 0; i < rounds; i++) for (const [q] of QUESTIONS) ms.push(await time(build(q)));
  report(name, ms);
}
// what every API call costs besides its own work: the HTTP round trip alone (no credentials, nothing read), and
// with the API key checked (an endpoint answered from memory)
for (const [name, path, headers] of [["health, no credentials", "/q/health/live", {}],
                                     ["in memory, API key", "/api/v1/fault-classes", AUTH]]) {
  for (let i = 0; i < 50; i++) await call(path, headers);
  const ms = [];
  for (let i = 0; i < 200; i++) ms.push(await call(path, headers));
  report(name, ms);
}
