// Prints the reranker's cross-validated figures beside hybrid search without it, per query type (bench/rerank-train.sh).
//   node bench/rerank-cv.mjs FUSED.jsonl RERANKED.jsonl   (lines written by bench/search-eval.mjs with SCORES_OUT)
import { readFileSync } from "node:fs";
import { mean } from "./search-eval.mjs";

const read = (f) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const [fused, reranked] = process.argv.slice(2).map(read);
const ids = new Set(reranked.map((s) => s.id));
const cell = (xs) => `${mean(xs.map((x) => x.p10)).toFixed(3)} / ${mean(xs.map((x) => x.ndcg)).toFixed(3)} / `
  + mean(xs.map((x) => x.r50)).toFixed(3);
const rows = [];
for (const type of ["all", ...new Set(fused.map((s) => s.type))]) {
  const of = (xs) => xs.filter((s) => ids.has(s.id) && (type === "all" || s.type === type));
  rows.push({ type, queries: of(reranked).length, "hybrid (fused)": cell(of(fused)), "hybrid + rerank (5-fold CV)": cell(of(reranked)) });
}
console.log("Reranker, query-level 5-fold cross-validation; each cell P@10 / nDCG@10 / Recall@50");
console.table(rows);
