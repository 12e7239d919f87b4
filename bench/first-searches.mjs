// The first searches after a start (bench/first-searches.sh): the evaluation questions, hybrid with a site filter,
// then questions not asked yet, then the first ones again; first, median and total milliseconds of each pass.
import { QUESTIONS, DEV_QUESTIONS } from "./retrieval-eval.mjs";
const U = process.env.FAULTLINE_URL, A = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
async function t(q) { const s = performance.now(); const r = await fetch(`${U}/api/v1/search?${new URLSearchParams({ q, mode: "hybrid", site: "Site 3", limit: "20" })}`, { headers: A }); const body = await r.text(); if (!r.ok) throw new Error(`${q}: ${r.status} ${body}`); return performance.now() - s; }
const out = [];
for (const [name, qs] of [["questions", QUESTIONS], ["new questions", DEV_QUESTIONS], ["questions again", QUESTIONS]]) {
  const ms = []; for (const [q] of qs) ms.push(await t(q));
  const sorted = [...ms].sort((a, b) => a - b);
  out.push(`${name}: first ${ms[0].toFixed(0)}, median ${sorted[Math.floor(ms.length / 2)].toFixed(0)}, sum ${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
}
console.log(out.join(" | "));
