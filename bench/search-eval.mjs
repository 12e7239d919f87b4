// Search evaluation on the demo data (MaintNet, FAA narratives, Open Repair in one database, searched without a
// source filter, as a new user would): the queries of bench/eval/queries.json, written and judged blind to the
// search results (bench/eval/README.md). A record is relevant when it passes the query's rule (source, regexes that
// must all match, regexes that must not). Per query type and mode: P@10, nDCG@10 (ideal: every relevant record of
// the corpus), Recall@50. Results are counted as shown: with near duplicates collapsed (the default) a result and
// the records under it take one place; Recall@50 counts the records under the first 50 results too.
//   node bench/search-eval.mjs run        (against FAULTLINE_URL with FAULTLINE_API_KEY)
import { appendFileSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const URL_ = process.env.FAULTLINE_URL;
const AUTH = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
const MODES = (process.env.MODES ?? "keyword,semantic,hybrid").split(",");
const COLLAPSE = process.env.COLLAPSE ?? "true";
const CEILING = Number(process.env.CEILING ?? 0); // e.g. 100: also the best P@10 a reranker of that many could reach
const ONLY = process.env.QUERIES ? new Set(process.env.QUERIES.split(",")) : null; // these query ids only
const SCORES_OUT = process.env.SCORES_OUT; // appends each query's scores as a JSON line (bench/rerank-train.sh)

/** The text a rule is tested against, as bench/eval/count-relevant.mjs builds it from the corpus files. */
export function doc(r) {
  const f = r.fields ?? {};
  return `${r.asset?.type ?? ""} ${r.title ?? ""} ${r.text ?? ""} ${f.problem ?? ""} ${f.action ?? ""}`.toUpperCase();
}

export function rule(q) {
  const all = (q.all ?? []).map((x) => new RegExp(x)), none = (q.none ?? []).map((x) => new RegExp(x));
  return (r) => r.source === q.source && all.every((x) => x.test(doc(r))) && !none.some((x) => x.test(doc(r)));
}

export function corpus() {
  return ["maintnet-fleet", "faa-narratives", "openrepair"].flatMap((f) =>
    readFileSync(`data/demo/${f}.jsonl`, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)));
}

export async function search(q, mode, limit) {
  const params = new URLSearchParams({ q, mode, limit: String(limit), collapse: COLLAPSE });
  const r = await fetch(`${URL_}/api/v1/search?${params}`, { headers: AUTH });
  if (!r.ok) throw new Error(`search ${q}: ${r.status} ${await r.text()}`);
  return (await r.json()).items;
}

const log2 = (i) => Math.log2(i + 2);

export function score(items, relevant, total) {
  const rel = items.slice(0, 10).map((h) => (relevant(h.record) ? 1 : 0));
  const dcg = rel.reduce((s, x, i) => s + x / log2(i), 0);
  let idcg = 0;
  for (let i = 0; i < Math.min(10, total); i++) idcg += 1 / log2(i);
  const found = new Set();
  for (const h of items.slice(0, 50)) {
    for (const r of [h.record, ...(h.duplicates ?? [])]) if (relevant(r)) found.add(r.id);
  }
  return { p10: rel.reduce((a, b) => a + b, 0) / 10, ndcg: idcg ? dcg / idcg : 0, r50: total ? found.size / total : 0 };
}

export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export async function evaluate(queries, records) {
  const per = {}; // type -> mode -> [{p10, ndcg, r50}]
  const worst = [];
  const ceiling = {}; // type -> [best P@10 within the first CEILING hybrid results]
  for (const q of queries.filter((x) => x.type !== "noanswer" && (!ONLY || ONLY.has(x.id)))) {
    const relevant = rule(q);
    const total = records.filter(relevant).length;
    for (const mode of MODES) {
      const s = score(await search(q.query, mode, 50), relevant, total);
      ((per[q.type] ??= {})[mode] ??= []).push(s);
      ((per.all ??= {})[mode] ??= []).push(s);
      if (SCORES_OUT) appendFileSync(SCORES_OUT, JSON.stringify({ id: q.id, type: q.type, mode, ...s }) + "\n");
      if (process.env.PER_QUERY) console.log(`query ${q.id} ${mode} ${s.p10.toFixed(1)} ${s.ndcg.toFixed(3)} ${q.query}`);
      if (mode === "hybrid" && CEILING) {
        // the best P@10 a second stage reordering the first CEILING hybrid results could reach
        const found = (await search(q.query, mode, CEILING)).filter((h) => relevant(h.record)).length;
        ((ceiling[q.type] ??= []).push(Math.min(10, found) / 10), (ceiling.all ??= []).push(Math.min(10, found) / 10));
      }
      if (mode === "hybrid") worst.push({ id: q.id, type: q.type, query: q.query, "P@10": s.p10, "nDCG@10": +s.ndcg.toFixed(3) });
    }
  }
  const rows = [];
  for (const [type, byMode] of Object.entries(per)) {
    const row = { type, queries: byMode[MODES[0]].length };
    for (const mode of MODES) {
      const xs = byMode[mode];
      row[mode] = `${mean(xs.map((x) => x.p10)).toFixed(3)} / ${mean(xs.map((x) => x.ndcg)).toFixed(3)} / ${mean(xs.map((x) => x.r50)).toFixed(3)}`;
    }
    if (CEILING) row[`hybrid P@10 ceiling in ${CEILING}`] = mean(ceiling[type]).toFixed(3);
    rows.push(row);
  }
  return { rows, worst: worst.sort((a, b) => a["nDCG@10"] - b["nDCG@10"]).slice(0, 15) };
}

if (process.argv[2] === "run" && process.argv[1] === fileURLToPath(import.meta.url)) {
  const queries = JSON.parse(readFileSync("bench/eval/queries.json", "utf8"));
  const t0 = Date.now();
  const { rows, worst } = await evaluate(queries, corpus());
  console.log(`Search evaluation: ${queries.length} queries (bench/eval/queries.json), collapse=${COLLAPSE};`
    + " each cell P@10 / nDCG@10 / Recall@50");
  console.table(rows);
  if (process.env.VERBOSE) { console.log("hybrid, weakest queries:"); console.table(worst); }
  console.log(`evaluated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
