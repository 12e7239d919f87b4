// A facet click: the same question asked again with a site filter, right after it was asked without one; p50 / p95
// over the 23 evaluation questions (each with a round suffix, so every round asks new questions). Run against a
// running app: FAULTLINE_URL=... FAULTLINE_API_KEY=... node bench/facet-clicks.mjs (with the 1M database of
// bench/search-latency.sh 1000000, started with and without FAULTLINE_SEARCH_QUERY_VECTOR_CACHE=0)
import { QUESTIONS } from "./retrieval-eval.mjs";
const URL_ = process.env.FAULTLINE_URL, AUTH = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
async function time(p) { const t = performance.now(); const r = await fetch(`${URL_}/api/v1/search?${new URLSearchParams(p)}`, { headers: AUTH }); await r.json(); return performance.now() - t; }
// warm-up on other words, then: each question once unfiltered (a new question), then with a site (a facet click)
for (let i = 0; i < 3; i++) for (const [q] of QUESTIONS) { await time({ q: q + " warm" + i, limit: "20" }); await time({ q: q + " warm" + i, site: "Site 3", limit: "20" }); }
const clicks = [];
for (let round = 0; round < 4; round++) for (const [q] of QUESTIONS) { const qq = `${q} r${round}`; await time({ q: qq, limit: "20" }); clicks.push(await time({ q: qq, site: "Site 3", limit: "20" })); }
clicks.sort((a, b) => a - b);
console.log(`facet click (same question, site filter added): n=${clicks.length} p50 ${clicks[clicks.length >> 1].toFixed(1)} ms p95 ${clicks[Math.floor(clicks.length * 0.95)].toFixed(1)} ms`);
