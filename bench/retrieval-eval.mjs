// Retrieval evaluation against a running Faultline (see retrieval-eval.sh). Prints a table per dataset and mode.
//  (a) MaintNorm test split: the normalised text is the query; its raw shorthand record must be found.
//  (b) MaintNet logbook: natural-language questions, with relevance (1) judged record by record, blind to the mode
//      (data/maintnet/judgments.tsv: the pooled top ten of all three modes; unjudged records count as not
//      relevant, and "judged@10" shows how much of a run was judged), and (2) by a rule written for each question.
//  (c) the judged questions again with a site filter, the logbook spread over seven sites by record number.
import { readFileSync } from "node:fs";

const URL_ = process.env.FAULTLINE_URL;
const AUTH = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
const MODES = ["keyword", "semantic", "hybrid"];

async function search(q, mode, source, limit, site) {
  const params = new URLSearchParams({ q, mode, source, limit: String(limit), ...(site ? { site } : {}) });
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
      // a record collapsed under a result (near duplicates, "+2 similar records") is found at that result's rank
      const rank = items.findIndex((h) => [h.record, ...(h.duplicates ?? [])].some((r) => relevant.has(r.externalId)));
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
  ["tachometer not working", /\bTACH/],
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

// Questions for choosing settings (`retrieval-eval.sh tune`), on other topics than the ones above, which stay the
// held-out evaluation.
export const DEV_QUESTIONS = [
  ["exhaust pipe cracked or leaking", /EXHAUST.*(LEAK|CRACK)|(LEAK|CRACK).*EXHAUST/],
  ["fouled spark plugs", /PLUG.*FOUL|FOUL.*PLUG/],
  ["oil cooler leaking", /OIL COOLER.*LEAK|LEAK.*OIL COOLER/],
  ["alternator not charging", /ALTERNATOR|\bALT\b/],
  ["push rod tube seal weeping oil", /PUSH ?ROD/],
  ["oil sump problem", /SUMP/],
  ["crack in the crankcase", /CRANKCASE|CRANK CASE/],
  ["fuel leak or fuel stain", /FUEL.*(LEAK|STAIN)|(LEAK|STAIN).*FUEL/],
  ["metal particles found in the oil", /METAL|SHAVINGS|PARTICLES/],
  ["breather tube", /BREATHER/],
  ["oil dipstick or filler cap", /DIPSTICK|DIP STICK|OIL CAP|FILLER CAP/],
  ["torn air duct or scat hose", /SCAT|DUCT/],
  ["cracked engine mount", /MOUNT/],
  ["muffler damaged", /MUFFLER/],
  ["chafed wires or lines", /CHAF/],
  ["safety wire missing", /SAFETY WIRE/],
  ["emergency locator transmitter battery", /\bELT\b/],
  ["engine primer leaking", /PRIMER/],
];

export function relevantText(record) {
  return `${record.fields?.problem ?? record.text} ${record.fields?.action ?? ""}`.toUpperCase();
}

// P@10 and nDCG@10 of a top ten given as 0/1 relevance, the ideal ordering having `relevantCount` relevant records
function scoreTopTen(rel, relevantCount) {
  const dcg = rel.reduce((s, r, i) => s + r / Math.log2(i + 2), 0);
  let idcg = 0;
  for (let i = 0; i < Math.min(10, relevantCount); i++) idcg += 1 / Math.log2(i + 2);
  return { p10: rel.reduce((a, b) => a + b, 0) / 10, ndcg: idcg ? dcg / idcg : 0 };
}

// by the question's rule (ideal: every logbook entry the rule accepts)
function judge(records, rule, logbook) {
  const rel = records.slice(0, 10).map((r) => (rule.test(relevantText(r)) ? 1 : 0));
  return scoreTopTen(rel, logbook.filter((t) => rule.test(t)).length);
}

// Pooled judgments: question number (1-based, in QUESTIONS order), MaintNet record id, 0/1 (see data/README.md)
export function judgments(path) {
  const byQuestion = new Map();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [q, id, rel] = line.split("\t");
    if (!byQuestion.has(+q)) byQuestion.set(+q, new Map());
    byQuestion.get(+q).set(id, +rel);
  }
  return byQuestion;
}

// P@10, nDCG@10 (ideal: the judged relevant records) and the share of the top ten that was judged
function judgeByJudgments(records, judged) {
  const top = records.slice(0, 10);
  const rel = top.map((r) => judged.get(String(r.externalId)) ?? 0);
  return { ...scoreTopTen(rel, [...judged.values()].filter((r) => r === 1).length),
    judged: top.filter((r) => judged.has(String(r.externalId))).length / Math.max(1, top.length) };
}

// the site retrieval-eval.sh gives a logbook record for (c)
const SITES = 7;
const siteOf = (ident) => `Site ${BigInt(ident) % BigInt(SITES)}`;

// (c) the same judged questions asked of one site at a time: a question counts once per site holding a record
// judged relevant to it, and only that site's judgments count
async function evalMaintNetJudgedBySite(qrels) {
  const rows = [];
  for (const mode of MODES) {
    let p10 = 0, ndcg = 0, judged = 0, n = 0;
    for (const [i, [q]] of QUESTIONS.entries()) {
      for (let s = 0; s < SITES; s++) {
        const site = `Site ${s}`;
        const qj = new Map([...(qrels.get(i + 1) ?? new Map())].filter(([id]) => siteOf(id) === site));
        if (![...qj.values()].includes(1)) continue;
        n++;
        const j = judgeByJudgments((await search(q, mode, "maintnet", 10, site)).map((h) => h.record), qj);
        p10 += j.p10;
        ndcg += j.ndcg;
        judged += j.judged;
      }
    }
    rows.push({ mode, "question × site": n, "P@10": (p10 / n).toFixed(3), "nDCG@10": (ndcg / n).toFixed(3), "judged@10": (judged / n).toFixed(3) });
  }
  return rows;
}

async function evalMaintNetJudged(qrels) {
  const rows = [], perQuestion = {};
  for (const mode of MODES) {
    let p10 = 0, ndcg = 0, judged = 0, n = 0;
    for (const [i, [q]] of QUESTIONS.entries()) {
      const qj = qrels.get(i + 1) ?? new Map();
      // a question with no relevant record in the pool says nothing about the modes (TREC drops such topics)
      if (![...qj.values()].includes(1)) continue;
      n++;
      const j = judgeByJudgments((await search(q, mode, "maintnet", 10)).map((h) => h.record), qj);
      (perQuestion[mode] ??= []).push(j.ndcg);
      p10 += j.p10;
      ndcg += j.ndcg;
      judged += j.judged;
    }
    rows.push({ mode, queries: n, "P@10": (p10 / n).toFixed(3), "nDCG@10": (ndcg / n).toFixed(3), "judged@10": (judged / n).toFixed(3) });
  }
  // per question, hybrid against keyword, and a paired bootstrap of the mean nDCG@10 difference (fixed seed)
  const diff = perQuestion.hybrid.map((h, i) => h - perQuestion.keyword[i]);
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const means = [];
  for (let b = 0; b < 10000; b++) {
    let sum = 0;
    for (let i = 0; i < diff.length; i++) sum += diff[Math.floor(rand() * diff.length)];
    means.push(sum / diff.length);
  }
  means.sort((a, b) => a - b);
  console.log(`hybrid vs keyword, nDCG@10 per question: better ${diff.filter((d) => d > 1e-9).length}, worse `
    + `${diff.filter((d) => d < -1e-9).length}, same ${diff.filter((d) => Math.abs(d) <= 1e-9).length}; mean difference `
    + `${(diff.reduce((a, b) => a + b, 0) / diff.length).toFixed(3)}, 95 % bootstrap interval `
    + `[${means[250].toFixed(3)}, ${means[9749].toFixed(3)}]`);
  return rows;
}

async function evalMaintNet(logbook) {
  const rows = [];
  for (const mode of MODES) {
    let p10 = 0, ndcg = 0;
    for (const [q, rule] of QUESTIONS) {
      const j = judge((await search(q, mode, "maintnet", 10)).map((h) => h.record), rule, logbook);
      p10 += j.p10;
      ndcg += j.ndcg;
    }
    rows.push({ mode, queries: QUESTIONS.length, "P@10": (p10 / QUESTIONS.length).toFixed(3), "nDCG@10": (ndcg / QUESTIONS.length).toFixed(3) });
  }
  return rows;
}

// Reciprocal-rank fusion as the app does it (faultline.search.fusion-k, 60 by default), with the vector list weighted
// w: for choosing w and k offline.
function fuse(keyword, semantic, w, k = 60) {
  const score = new Map(), byId = new Map();
  for (const [list, weight] of [[keyword, 1], [semantic, w]]) {
    list.forEach((h, i) => {
      byId.set(h.record.id, h.record);
      score.set(h.record.id, (score.get(h.record.id) ?? 0) + weight / (k + i + 1));
    });
  }
  return [...score.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => byId.get(id));
}

// Settings chosen on held-out data: the dev questions over MaintNet and the MaintNorm validation split.
async function tune(logbook, val) {
  // vector weight x fusion k; TUNE_K="60" gives the table of 2026-11-29
  const WEIGHTS = [0.3, 0.5, 0.7, 1.0];
  const KS = (process.env.TUNE_K ?? "0,5,10,20,30,60").split(",").map(Number);
  const GRID = KS.flatMap((k) => WEIGHTS.map((w) => [k, w]));
  const dev = { keyword: 0, semantic: 0 }, norm = { keyword: 0, semantic: 0 };
  const fusedDev = GRID.map(() => 0), fusedNorm = GRID.map(() => 0);
  for (const [q, rule] of DEV_QUESTIONS) {
    const k = await search(q, "keyword", "maintnet", 200), s = await search(q, "semantic", "maintnet", 200);
    dev.keyword += judge(k.map((h) => h.record), rule, logbook).ndcg;
    dev.semantic += judge(s.map((h) => h.record), rule, logbook).ndcg;
    GRID.forEach(([kk, w], g) => { fusedDev[g] += judge(fuse(k, s, w, kk), rule, logbook).ndcg; });
  }
  const byRaw = new Map();
  val.forEach((t, i) => byRaw.set(t.raw, [...(byRaw.get(t.raw) ?? []), `mnv-${i}`]));
  let n = 0;
  const rr = (records, relevant) => {
    const rank = records.slice(0, 20).findIndex((r) => relevant.has(r.externalId));
    return rank >= 0 ? 1 / (rank + 1) : 0;
  };
  for (const t of val) {
    if (!t.norm.trim()) continue;
    n++;
    const relevant = new Set(byRaw.get(t.raw));
    const k = await search(t.norm, "keyword", "maintnorm-val", 200), s = await search(t.norm, "semantic", "maintnorm-val", 200);
    norm.keyword += rr(k.map((h) => h.record), relevant);
    norm.semantic += rr(s.map((h) => h.record), relevant);
    GRID.forEach(([kk, w], g) => { fusedNorm[g] += rr(fuse(k, s, w, kk), relevant); });
  }
  const d = DEV_QUESTIONS.length;
  const rows = [
    { fusion: "keyword only", "MaintNet dev nDCG@10": (dev.keyword / d).toFixed(3), "MaintNorm val MRR@20": (norm.keyword / n).toFixed(3) },
    { fusion: "semantic only", "MaintNet dev nDCG@10": (dev.semantic / d).toFixed(3), "MaintNorm val MRR@20": (norm.semantic / n).toFixed(3) },
  ];
  GRID.forEach(([kk, w], g) => {
    rows.push({ fusion: `hybrid, k ${kk}, vector weight ${w}`, "MaintNet dev nDCG@10": (fusedDev[g] / d).toFixed(3),
      "MaintNorm val MRR@20": (fusedNorm[g] / n).toFixed(3),
      "margin over keyword (smaller of the two)": Math.min(fusedDev[g] / d - dev.keyword / d, fusedNorm[g] / n - norm.keyword / n).toFixed(3) });
  });
  return rows;
}

if (process.argv[2] === "run") {
  const logbook = readFileSync("data/maintnet/Aircraft_Annotation_DataFile.csv", "utf8").split("\n").slice(1)
    .map((l) => l.toUpperCase());
  const t0 = Date.now();
  console.log("(a) MaintNorm test split: normalised text -> its raw record");
  console.table(await evalMaintNorm(maintnorm("data/maintnorm/test.norm.txt")));
  console.log(`(b) MaintNet logbook: ${QUESTIONS.length} natural-language questions, relevance judged record by record (pooled, blind)`);
  console.table(await evalMaintNetJudged(judgments("data/maintnet/judgments.tsv")));
  console.log(`(b2) the same questions, relevance by one rule per question (lexical: favours the keyword list)`);
  console.table(await evalMaintNet(logbook));
  console.log(`(c) the judged questions with a site filter, one site of ${SITES} at a time (only that site's judgments count)`);
  console.table(await evalMaintNetJudgedBySite(judgments("data/maintnet/judgments.tsv")));
  console.log(`evaluated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} else if (process.argv[2] === "tune") {
  const logbook = readFileSync("data/maintnet/Aircraft_Annotation_DataFile.csv", "utf8").split("\n").slice(1)
    .map((l) => l.toUpperCase());
  console.log(`Held-out data: ${DEV_QUESTIONS.length} MaintNet dev questions, MaintNorm validation split`);
  console.table(await tune(logbook, maintnorm("data/maintnorm/val.norm.txt")));
} else if (process.argv[2] === "pool") {
  // the top ten of every mode for each question, shuffled and without the mode, minus what is already judged:
  // what a judge reads to extend data/maintnet/judgments.tsv after search changes (judged@10 below 1)
  const qrels = judgments("data/maintnet/judgments.tsv");
  for (const [i, [q]] of QUESTIONS.entries()) {
    const pool = new Map();
    for (const mode of MODES) for (const h of await search(q, mode, "maintnet", 10)) pool.set(String(h.record.externalId), h.record);
    const todo = [...pool.values()].filter((r) => !qrels.get(i + 1)?.has(String(r.externalId)))
      .sort((a, b) => ((a.externalId * 7919) % 1009) - ((b.externalId * 7919) % 1009));
    if (!todo.length) continue;
    console.log(`## Q${i + 1}: ${q}`);
    for (const r of todo) console.log(`${r.externalId}\t${relevantText(r).replace(/\s+/g, " ")}`);
  }
} else if (process.argv[2] === "maintnorm-jsonl") {
  const [file, source, prefix] = process.argv[3] === "val"
    ? ["data/maintnorm/val.norm.txt", "maintnorm-val", "mnv"] : ["data/maintnorm/test.norm.txt", "maintnorm", "mn"];
  for (const [i, t] of maintnorm(file).entries()) {
    console.log(JSON.stringify({ source, externalId: `${prefix}-${i}`, kind: "work_order", text: t.raw }));
  }
}
