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

// P@10 and nDCG@10 of one question's top ten records (binary relevance, ideal = all relevant logbook entries)
function judge(records, rule, logbook) {
  const rel = records.slice(0, 10).map((r) => (rule.test(relevantText(r)) ? 1 : 0));
  const dcg = rel.reduce((s, r, i) => s + r / Math.log2(i + 2), 0);
  const ideal = Math.min(10, logbook.filter((t) => rule.test(t)).length);
  let idcg = 0;
  for (let i = 0; i < ideal; i++) idcg += 1 / Math.log2(i + 2);
  return { p10: rel.reduce((a, b) => a + b, 0) / 10, ndcg: idcg ? dcg / idcg : 0 };
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

// Reciprocal-rank fusion as the app does it (k = 60), with the vector list weighted w: for choosing w offline.
function fuse(keyword, semantic, w) {
  const score = new Map(), byId = new Map();
  for (const [list, weight] of [[keyword, 1], [semantic, w]]) {
    list.forEach((h, i) => {
      byId.set(h.record.id, h.record);
      score.set(h.record.id, (score.get(h.record.id) ?? 0) + weight / (60 + i + 1));
    });
  }
  return [...score.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => byId.get(id));
}

// Settings chosen on held-out data: the dev questions over MaintNet and the MaintNorm validation split.
async function tune(logbook, val) {
  const WEIGHTS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2];
  const dev = { keyword: 0, semantic: 0 }, norm = { keyword: 0, semantic: 0 };
  const fusedDev = new Map(WEIGHTS.map((w) => [w, 0])), fusedNorm = new Map(WEIGHTS.map((w) => [w, 0]));
  for (const [q, rule] of DEV_QUESTIONS) {
    const k = await search(q, "keyword", "maintnet", 200), s = await search(q, "semantic", "maintnet", 200);
    dev.keyword += judge(k.map((h) => h.record), rule, logbook).ndcg;
    dev.semantic += judge(s.map((h) => h.record), rule, logbook).ndcg;
    for (const w of WEIGHTS) fusedDev.set(w, fusedDev.get(w) + judge(fuse(k, s, w), rule, logbook).ndcg);
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
    for (const w of WEIGHTS) fusedNorm.set(w, fusedNorm.get(w) + rr(fuse(k, s, w), relevant));
  }
  const d = DEV_QUESTIONS.length;
  const rows = [
    { fusion: "keyword only", "MaintNet dev nDCG@10": (dev.keyword / d).toFixed(3), "MaintNorm val MRR@20": (norm.keyword / n).toFixed(3) },
    { fusion: "semantic only", "MaintNet dev nDCG@10": (dev.semantic / d).toFixed(3), "MaintNorm val MRR@20": (norm.semantic / n).toFixed(3) },
  ];
  for (const w of WEIGHTS) {
    rows.push({ fusion: `hybrid, vector weight ${w}`, "MaintNet dev nDCG@10": (fusedDev.get(w) / d).toFixed(3),
      "MaintNorm val MRR@20": (fusedNorm.get(w) / n).toFixed(3),
      "margin over keyword (smaller of the two)": Math.min(fusedDev.get(w) / d - dev.keyword / d, fusedNorm.get(w) / n - norm.keyword / n).toFixed(3) });
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
} else if (process.argv[2] === "tune") {
  const logbook = readFileSync("data/maintnet/Aircraft_Annotation_DataFile.csv", "utf8").split("\n").slice(1)
    .map((l) => l.toUpperCase());
  console.log(`Held-out data: ${DEV_QUESTIONS.length} MaintNet dev questions, MaintNorm validation split`);
  console.table(await tune(logbook, maintnorm("data/maintnorm/val.norm.txt")));
} else if (process.argv[2] === "maintnorm-jsonl") {
  const [file, source, prefix] = process.argv[3] === "val"
    ? ["data/maintnorm/val.norm.txt", "maintnorm-val", "mnv"] : ["data/maintnorm/test.norm.txt", "maintnorm", "mn"];
  for (const [i, t] of maintnorm(file).entries()) {
    console.log(JSON.stringify({ source, externalId: `${prefix}-${i}`, kind: "work_order", text: t.raw }));
  }
}
