// Chinese search evaluation (#24): the queries of bench/eval-zh/queries.json, written and judged blind to the search
// results (bench/eval-zh/README.md), over the team-written Chinese plant records (data/zh-plant). Per query type:
// P@10 / nDCG@10 / Recall@50 for the app's keyword, vector and hybrid search, and for a plain character-bigram BM25
// over the same records computed here in the same run (wink-bm25-text-search, k1 1.2, b 0.75; CJK runs as
// overlapping character bigrams, other text as lower-case words): the baseline the issue names.
//   node bench/search-eval-zh.mjs run        (against FAULTLINE_URL with FAULTLINE_API_KEY; BM25 from BM25_MODULE)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { search, score, mean } from "./search-eval.mjs";

const MODES = ["keyword", "semantic", "hybrid"];
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/gu;

/** The text a rule is tested against (bench/eval-zh/README.md). */
export function doc(r) {
  return `${r.asset?.type ?? ""} ${r.asset?.name ?? ""} ${r.title ?? ""} ${r.text ?? ""}`.toUpperCase();
}

export function rule(q) {
  const all = (q.all ?? []).map((x) => new RegExp(x)), none = (q.none ?? []).map((x) => new RegExp(x));
  return (r) => r.source === q.source && all.every((x) => x.test(doc(r))) && !none.some((x) => x.test(doc(r)));
}

export function corpus() {
  return readFileSync("data/zh-plant/records.jsonl", "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** Character bigrams of each CJK run (a lone character stays itself), lower-case words of the rest. */
export function bigrams(text) {
  const tokens = [];
  for (const part of text.toLowerCase().split(/([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+)/u)) {
    if (!part) continue;
    if (part.match(CJK)?.[0] === part) {
      const chars = [...part];
      if (chars.length === 1) tokens.push(chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
    } else {
      tokens.push(...(part.match(/[\p{L}\p{N}][\p{L}\p{N}._\/-]*/gu) ?? []));
    }
  }
  return tokens;
}

function bm25Engine(records) {
  const require = createRequire(process.env.BM25_MODULE);
  const engine = require("wink-bm25-text-search")();
  engine.defineConfig({ fldWeights: { title: 1, text: 1 }, bm25Params: { k1: 1.2, b: 0.75 } });
  engine.definePrepTasks([bigrams]);
  records.forEach((r, i) => engine.addDoc({ title: `${r.asset?.type ?? ""} ${r.asset?.name ?? ""} ${r.title ?? ""}`,
    text: r.text }, i));
  engine.consolidate();
  return (q, limit) => engine.search(q, limit).map(([i]) => ({ record: { ...records[i], id: records[i].externalId } }));
}

if (process.argv[2] === "run") {
  const queries = JSON.parse(readFileSync("bench/eval-zh/queries.json", "utf8"));
  const records = corpus();
  const bm25 = bm25Engine(records);
  const per = {}, worst = [];
  const t0 = Date.now();
  for (const q of queries.filter((x) => x.type !== "noanswer")) {
    const relevant = rule(q);
    const total = records.filter(relevant).length;
    // "all" is every answerable query; "written in Chinese" leaves out the English (cross-language) questions
    const add = (mode, s) => {
      for (const key of [q.type, "all", ...(q.type === "english" ? [] : ["written in Chinese"])]) ((per[key] ??= {})[mode] ??= []).push(s);
    };
    const base = score(bm25(q.query, 50), relevant, total);
    add("bigram BM25", base);
    const row = { id: q.id, type: q.type, query: q.query, "BM25 P@10": base.p10 };
    for (const mode of MODES) {
      const s = score(await search(q.query, mode, 50), relevant, total);
      add(mode, s);
      row[`${mode} P@10`] = s.p10;
      if (mode === "hybrid") worst.push(Object.assign(row, { "nDCG@10": +s.ndcg.toFixed(3) }));
    }
  }
  const rows = Object.entries(per).map(([type, byMode]) => Object.fromEntries([["type", type],
    ["queries", byMode.hybrid.length], ...Object.entries(byMode).map(([mode, xs]) => [mode,
      `${mean(xs.map((x) => x.p10)).toFixed(3)} / ${mean(xs.map((x) => x.ndcg)).toFixed(3)} / ${mean(xs.map((x) => x.r50)).toFixed(3)}`])]));
  const noanswer = queries.filter((x) => x.type === "noanswer").length;
  console.log(`Chinese search evaluation: ${queries.length - noanswer} answerable queries (bench/eval-zh/queries.json,`
    + ` ${noanswer} no-answer left out), ${records.length} records; each cell P@10 / nDCG@10 / Recall@50`);
  console.table(rows);
  if (process.env.VERBOSE) { console.log("hybrid, weakest queries:"); console.table(worst.sort((a, b) => a["nDCG@10"] - b["nDCG@10"]).slice(0, 15)); }
  if (process.env.PER_QUERY) { console.log("every query:"); console.table(worst.sort((a, b) => a.id.localeCompare(b.id))); }
  console.log(`evaluated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
