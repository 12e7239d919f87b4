// Ask and summary evaluation against a running Faultline with the demo data (see ask-eval.sh).
//  (a) Ask: the 23 MaintNet questions of the retrieval evaluation, each judged by its rule: the share of cited
//      records that are relevant (P@k of citations, k = what the answer cites), and of the retrieved ones.
//  (b) Summaries: 20 inputs, each the 5 most relevant records of 3 different questions (15 records, 3 problems);
//      redundancy = share of summary lines that repeat an earlier line (word Jaccard >= 0.6, or the same records);
//      coverage = share of the 3 problems with at least one line standing for a record relevant to it.
//  (c) Latency: p50/p95 of POST /api/v1/ask over all questions (no filter) x ROUNDS, and of the summaries.
import { QUESTIONS, relevantText } from "./retrieval-eval.mjs";

const URL_ = process.env.FAULTLINE_URL;
const HEADERS = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}`, "Content-Type": "application/json" };
const rounds = Number(process.env.ROUNDS ?? 5);

async function post(path, body) {
  const t = performance.now();
  const r = await fetch(`${URL_}${path}`, { method: "POST", headers: HEADERS, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  const json = await r.json();
  return { json, ms: performance.now() - t };
}

async function records(ids) {
  const out = [];
  for (const id of ids) {
    const r = await fetch(`${URL_}/api/v1/records/${id}`, { headers: HEADERS });
    out.push(await r.json());
  }
  return out;
}

const pct = (ms, p) => { const s = [...ms].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1); };

// (a)
let citedRel = 0, cited = 0, retrievedRel = 0, retrieved = 0, noAnswer = 0;
for (const [q, rule] of QUESTIONS) {
  const { json } = await post("/api/v1/ask", { question: q, filters: { source: "maintnet" } });
  const byId = new Map((await records(json.retrieved.map((r) => r.recordId))).map((r) => [r.id, r]));
  for (const r of json.retrieved) { retrieved++; retrievedRel += rule.test(relevantText(byId.get(r.recordId))) ? 1 : 0; }
  for (const c of json.citations) { cited++; citedRel += rule.test(relevantText(byId.get(c.recordId))) ? 1 : 0; }
  if (!json.citations.length) noAnswer++;
  if (process.env.VERBOSE) console.log(`${q}\n  ${json.answer.replaceAll("\n", "\n  ")}`);
}
console.log(`(a) Ask, ${QUESTIONS.length} MaintNet questions, generator extractive:`);
console.log(`    citations: ${cited} (${(cited / QUESTIONS.length).toFixed(1)} per answer), relevant ${citedRel} -> P@k of citations ${(citedRel / cited).toFixed(3)}`);
console.log(`    retrieved: ${retrieved}, relevant ${retrievedRel} -> P@${retrieved / QUESTIONS.length} retrieved ${(retrievedRel / retrieved).toFixed(3)}; answers citing nothing: ${noAnswer}`);

// (b)
const top = new Map();
for (const [q, rule] of QUESTIONS) {
  const r = await fetch(`${URL_}/api/v1/search?${new URLSearchParams({ q, source: "maintnet", limit: "30" })}`, { headers: HEADERS });
  top.set(q, (await r.json()).items.filter((h) => rule.test(relevantText(h.record))).slice(0, 5).map((h) => h.record));
}
const usable = QUESTIONS.filter(([q]) => top.get(q).length >= 3);
const words = (t) => new Set(t.toUpperCase().replace(/^\d+ × /, "").split(/[^A-Z0-9]+/).filter((w) => w.length > 1));
const jaccard = (a, b) => { const x = words(a), y = words(b); let i = 0; x.forEach((w) => { if (y.has(w)) i++; }); return i / (x.size + y.size - i || 1); };
let lines = 0, redundant = 0, problems = 0, covered = 0, sets = 0;
const summaryMs = [];
for (let s = 0; sets < 20 && s < usable.length * 3; s++) {
  const trio = [usable[s % usable.length], usable[(s * 7 + 3) % usable.length], usable[(s * 11 + 5) % usable.length]];
  if (new Set(trio.map(([q]) => q)).size < 3) continue;
  const ids = [...new Set(trio.flatMap(([q]) => top.get(q).map((r) => r.id)))];
  const { json, ms } = await post("/api/v1/summaries", { recordIds: ids });
  summaryMs.push(ms);
  sets++;
  json.lines.forEach((l, i) => {
    lines++;
    if (json.lines.slice(0, i).some((p) => jaccard(p.text, l.text) >= 0.6 || p.recordIds.join() === l.recordIds.join())) redundant++;
  });
  for (const [q, rule] of trio) {
    problems++;
    const relevant = new Set(top.get(q).map((r) => r.id));
    if (json.lines.some((l) => l.recordIds.some((id) => relevant.has(id)))) covered++;
  }
}
console.log(`(b) Summaries of ${sets} inputs (15 records, 3 problems each): ${lines} lines, redundancy ${(redundant / lines).toFixed(3)}, coverage ${(covered / problems).toFixed(3)} (${covered}/${problems} problems)`);

// (c)
const askMs = [];
for (let i = 0; i < rounds; i++) for (const [q] of QUESTIONS) askMs.push((await post("/api/v1/ask", { question: q })).ms);
console.log(`(c) Ask latency (extractive, demo data, no filter): n=${askMs.length} p50 ${pct(askMs, 0.5)} ms p95 ${pct(askMs, 0.95)} ms max ${pct(askMs, 1)} ms`);
console.log(`    Summary latency (15 records, first request, not cached): n=${summaryMs.length} p50 ${pct(summaryMs, 0.5)} ms p95 ${pct(summaryMs, 0.95)} ms`);
