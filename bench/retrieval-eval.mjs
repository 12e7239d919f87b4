// Retrieval evaluation against a running Faultline (see retrieval-eval.sh). Prints a table per dataset and mode.
//  (a) MaintNorm test split: the normalised text is the query; its raw shorthand record must be found.
//  (b) MaintNet logbook: natural-language questions with relevance judged by rules written for each (below).
import { readFileSync } from "node:fs";

const URL_ = process.env.FAULTLINE_URL;
const AUTH = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
const MODES = ["keyword", "semantic", "hybrid"];

async function search(q, mode, source, limit) {
  const params = new URLSearchParams({ q, mode, source, limit: String(limit) });
  const r = await fetch(`${URL_}/api/v1/search?${params}`, { headers: AUTH });
  if (!r.ok) throw new Error(`search ${q}: ${r.status} ${await r.text()}`);
  return (await r.json()).items;
}

// ---- (a) MaintNorm ----
export function maintnorm(path) {
  const texts = [];
  for (const block of readFileSync(path, "utf8").split(/\n\s*\n/)) {
    const lines = block.split("\n").filter((l) => l.includes("\t"));
    if (!lines.length) continue;
    const raw = lines.map((l) => l.split("\t")[0]).join(" ");
    const norm = lines.map((l) => l.split("\t")[1]).filter((t) => t && !/^<\w+>$/.test(t)).join(" ");
    texts.push({ raw, norm });
  }
  return texts;
}

async function evalMaintNorm(texts) {
  const byRaw = new Map();
  texts.forEach((t, i) => byRaw.set(t.raw, [...(byRaw.get(t.raw) ?? []), `mn-${i}`]));
  const rows = [];
  for (const mode of MODES) {
    let r1 = 0, r10 = 0, mrr = 0, n = 0;
    for (const [i, t] of texts.entries()) {
      if (!t.norm.trim()) continue;
      n++;
      const relevant = new Set(byRaw.get(t.raw));
      const items = await search(t.norm, mode, "maintnorm", 20);
      const rank = items.findIndex((h) => relevant.has(h.record.externalId));
      if (rank === 0) r1++;
      if (rank >= 0 && rank < 10) r10++;
      if (rank >= 0) mrr += 1 / (rank + 1);
    }
    rows.push({ mode, queries: n, "Recall@1": (r1 / n).toFixed(3), "Recall@10": (r10 / n).toFixed(3), "MRR@20": (mrr / n).toFixed(3) });
  }
  return rows;
}

// ---- (b) MaintNet natural-language questions; a record is relevant when its PROBLEM + ACTION matches the rule ----
export const QUESTIONS = [
  ["oil leak at the valve cover", /ROCKER.*(LEAK|SEEP)|LEAK.*ROCKER|VALVE COVER.*LEAK/],
  ["intake gasket leaking on a cylinder", /INTAKE.*(GSKT|GASKET|LEAK)/],
  ["low compression in a cylinder", /LOW COMP|COMPRESSION.*LOW|\b\d{1,2}\/80\b/],
  ["engine running rough", /ROUGH/],
  ["cracked engine baffle", /BAFFLE.*CRACK|CRACK.*BAFFLE/],
  ["cracked cylinder", /CYL.*CRACK|CRACK.*CYL/],
  ["engine idle problems", /IDLE/],
  ["propeller issue", /\bPROP\b|PROPELLER/],
  ["air filter or induction problem", /INDUCTION|AIR FILTER|AIR BOX/],
  ["cowling damaged or loose", /COWL/],
  ["leaking or cracked hose", /HOSE/],
  ["throttle cable stiff or binding", /THROTTLE/],
  ["mixture control problem", /MIXTURE/],
  ["tachometer not working", /TACH/],
  ["engine quit or died", /QUIT|DIED|KILLED|STOPPED RUNNING/],
  ["vibration felt in flight", /VIBRAT/],
  ["high cylinder head temperature", /\bCHT\b|HEAD TEMP/],
  ["magneto drop during run up", /MAG.*DROP|DROP.*MAG|RPM DROP/],
  ["oil pressure fluctuating", /OIL PRESS/],
  ["starter does not engage", /STARTER/],
  ["carburetor heat problem", /CARB/],
  ["loose bolts or screws", /LOOSE.*(BOLT|SCREW|NUT)|(BOLT|SCREW|NUT).*LOOSE/],
  ["vacuum pump failure", /\bVAC/],
];

export function relevantText(record) {
  return `${record.fields?.problem ?? record.text} ${record.fields?.action ?? ""}`.toUpperCase();
}

async function evalMaintNet(logbook) {
  const rows = [];
  for (const mode of MODES) {
    let p10 = 0, ndcg = 0;
    for (const [q, rule] of QUESTIONS) {
      const items = await search(q, mode, "maintnet", 10);
      const rel = items.map((h) => (rule.test(relevantText(h.record)) ? 1 : 0));
      p10 += rel.reduce((a, b) => a + b, 0) / 10;
      const dcg = rel.reduce((s, r, i) => s + r / Math.log2(i + 2), 0);
      const ideal = Math.min(10, logbook.filter((t) => rule.test(t)).length);
      let idcg = 0;
      for (let i = 0; i < ideal; i++) idcg += 1 / Math.log2(i + 2);
      ndcg += idcg ? dcg / idcg : 0;
    }
    rows.push({ mode, queries: QUESTIONS.length, "P@10": (p10 / QUESTIONS.length).toFixed(3), "nDCG@10": (ndcg / QUESTIONS.length).toFixed(3) });
  }
  return rows;
}

if (process.argv[2] === "run") {
  const logbook = readFileSync("data/maintnet/Aircraft_Annotation_DataFile.csv", "utf8").split("\n").slice(1)
    .map((l) => l.toUpperCase());
  const t0 = Date.now();
  console.log("(a) MaintNorm test split: normalised text -> its raw record");
  console.table(await evalMaintNorm(maintnorm("data/maintnorm/test.norm.txt")));
  console.log(`(b) MaintNet logbook: ${QUESTIONS.length} natural-language questions, rule-judged relevance`);
  console.table(await evalMaintNet(logbook));
  console.log(`evaluated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} else if (process.argv[2] === "maintnorm-jsonl") {
  for (const [i, t] of maintnorm("data/maintnorm/test.norm.txt").entries()) {
    console.log(JSON.stringify({ source: "maintnorm", externalId: `mn-${i}`, kind: "work_order", text: t.raw }));
  }
}
