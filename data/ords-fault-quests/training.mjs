// Writes the Open Repair training examples the app ships (issue #23): the demo's Open Repair records
// (data/demo/openrepair.jsonl) whose quest fault type is mapped to a failure mode (failure-modes.tsv), from the half
// whose id ends in an odd number ("anstiftung_1007"), as "text,failure mode" lines in train-modes.txt. The even half is
// what bench/classify-eval.sh demo reports on. Run from the repository root: node data/ords-fault-quests/training.mjs
//
// At most CAP examples of one failure mode (120, the size of the largest class of the FMC-MWO2KG training data,
// "Minor in-service problems"), spread evenly over the candidates: uncapped, the 692 vacuum-cord and battery records
// made "Electrical" the answer to half of the FAA accident narratives (bench/classify-eval.sh demo; BENCHMARKS.md).
import { readFileSync, writeFileSync } from "node:fs";

const dir = new URL(".", import.meta.url).pathname;
const mapping = new Map(readFileSync(dir + "failure-modes.tsv", "utf8").split("\n")
  .filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("\t"))
  .map(([quest, type, mode]) => [`${quest}\t${type}`, mode]));

// the quests' CSVs: RFC 4180, problems may hold commas, quotes and newlines
function rows(file) {
  const text = readFileSync(file, "utf8");
  const out = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); out.push(row); row = []; field = "";
    } else field += c;
  }
  if (field || row.length) { row.push(field); out.push(row); }
  const [header, ...body] = out;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const typeOf = new Map();
for (const quest of ["dustup", "printcat", "tabicat"]) {
  for (const r of rows(`${dir}${quest}.csv`)) typeOf.set(r.id, `${quest}\t${r.fault_type}`);
}
const CAP = Number(process.env.CAP ?? 120);
const byMode = new Map();
let unmapped = 0, heldOut = 0;
for (const line of readFileSync(dir + "../demo/openrepair.jsonl", "utf8").split("\n")) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  const mode = mapping.get(typeOf.get(r.externalId));
  if (mode === undefined) throw new Error(`no mapping line for ${typeOf.get(r.externalId)} (${r.externalId})`);
  if (Number(r.externalId.match(/(\d+)$/)[1]) % 2 === 0) { heldOut++; continue; }
  if (mode === "-") { unmapped++; continue; }
  if (!byMode.has(mode)) byMode.set(mode, []);
  byMode.get(mode).push(`${r.text.replace(/\s+/g, " ").trim()},${mode}`);
}
const lines = [];
let capped = 0;
for (const candidates of byMode.values()) {
  const n = Math.min(CAP, candidates.length);
  for (let i = 0; i < n; i++) lines.push(candidates[Math.floor((i * candidates.length) / n)]);
  capped += candidates.length - n;
}
writeFileSync(dir + "train-modes.txt", lines.join("\n") + "\n");
console.log(`${lines.length} examples written; ${unmapped} of the odd half not mapped, ${capped} over the cap;`
  + ` ${heldOut} records held out`);
