// Writes the Chinese training examples the app ships (issue #24) from the odd-numbered half of the records
// (zh-0001, zh-0003, ...): train-modes.txt (failure modes) and train-defects.txt (quality-report defect classes), as
// "title。text,label" lines. The even half is what bench/classify-eval.sh zh reports on. Run: node data/zh-plant/training.mjs
import { readFileSync, writeFileSync } from "node:fs";

const dir = new URL(".", import.meta.url).pathname;
const labels = new Map(readFileSync(dir + "labels.csv", "utf8").trim().split("\n").slice(1)
  .map((line) => line.split(",")).map(([id, taxonomy, label]) => [id, { taxonomy, label }]));
const out = { failure_mode: [], defect: [] };
for (const line of readFileSync(dir + "records.jsonl", "utf8").split("\n")) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  if (Number(r.externalId.slice(3)) % 2 === 0) continue; // the held-out half
  const l = labels.get(r.externalId);
  const text = ((r.title ? r.title + "。" : "") + r.text).replace(/\s+/g, " ").trim();
  out[l.taxonomy].push(`${text},${l.label}`);
}
writeFileSync(dir + "train-modes.txt", out.failure_mode.join("\n") + "\n");
writeFileSync(dir + "train-defects.txt", out.defect.join("\n") + "\n");
console.log(`${out.failure_mode.length} failure-mode and ${out.defect.length} defect examples written`);
