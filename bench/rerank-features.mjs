// The reranker's training data: for each answerable query of bench/eval/queries.json, the features of its best hybrid
// candidates (GET /api/v1/search/rerank-features, best fused first), each labelled relevant (1) or not (0) by the
// query's rule (bench/eval/README.md). Writes a TSV: query id, type, label, then the features in the app's order.
//   node bench/rerank-features.mjs OUT.tsv   (against FAULTLINE_URL with FAULTLINE_API_KEY, an admin key)
import { writeFileSync } from "node:fs";
import { rule } from "./search-eval.mjs";

const AUTH = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
const queries = JSON.parse((await import("node:fs")).readFileSync("bench/eval/queries.json", "utf8"));
const lines = [];
let names;
for (const q of queries.filter((x) => x.type !== "noanswer")) {
  const r = await fetch(`${process.env.FAULTLINE_URL}/api/v1/search/rerank-features?${new URLSearchParams({ q: q.query })}`,
    { headers: AUTH });
  if (!r.ok) throw new Error(`rerank-features ${q.query}: ${r.status} ${await r.text()}`);
  const body = await r.json();
  names ??= body.features;
  const relevant = rule(q);
  for (const item of body.items) lines.push([q.id, q.type, relevant(item.record) ? 1 : 0, ...item.features].join("\t"));
}
writeFileSync(process.argv[2], ["query\ttype\tlabel\t" + names.join("\t"), ...lines].join("\n") + "\n");
console.log(`${lines.length} candidates of ${new Set(lines.map((l) => l.split("\t")[0])).size} queries -> ${process.argv[2]}`);
