// Ask evaluation over bench/eval/questions.json (written and judged blind to the answers, bench/eval/README.md),
// against a running Faultline with the demo data, no filter, the built-in (extractive / counting) answerer:
//  - counting questions: the count the answer gives (its leading number; "Not found" is 0) against the number of
//    records the question's rule accepts in the corpus;
//  - cited-record precision: the share of cited records that pass the question's rule, over counting and lookup
//    questions;
//  - no-answer questions: the share answered "Not found in the records".
import { readFileSync } from "node:fs";
import { corpus, rule } from "./search-eval.mjs";

const URL_ = process.env.FAULTLINE_URL;
const HEADERS = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}`, "Content-Type": "application/json" };

async function ask(question) {
  const r = await fetch(`${URL_}/api/v1/ask`, { method: "POST", headers: HEADERS, body: JSON.stringify({ question }) });
  if (!r.ok) throw new Error(`ask ${question}: ${r.status} ${await r.text()}`);
  return r.json();
}

const byId = new Map();
async function record(id) {
  if (!byId.has(id)) byId.set(id, await (await fetch(`${URL_}/api/v1/records/${id}`, { headers: HEADERS })).json());
  return byId.get(id);
}

const questions = JSON.parse(readFileSync("bench/eval/questions.json", "utf8"));
const records = corpus();
const rows = [];
let cited = 0, citedRel = 0, counts = 0, countsRight = 0, none = 0, noneRight = 0;
for (const q of questions) {
  const a = await ask(q.question ?? q.query);
  if (q.kind === "noanswer") {
    none++;
    const ok = a.answer.startsWith("Not found in the records");
    if (ok) noneRight++;
    else rows.push({ id: q.id, kind: q.kind, question: q.question ?? q.query, got: a.answer.slice(0, 90) });
    continue;
  }
  const relevant = rule(q);
  let rel = 0;
  for (const c of a.citations) if (relevant(await record(c.recordId))) rel++;
  cited += a.citations.length;
  citedRel += rel;
  if (q.kind === "counting") {
    counts++;
    const expected = records.filter(relevant).length;
    const m = a.answer.match(/of the (\d+) records about/) ?? a.answer.match(/(\d+) records? (?:is|are) about/);
    const got = a.answer.startsWith("Not found") ? 0 : m ? Number(m[1]) : NaN;
    if (got === expected) countsRight++;
    else rows.push({ id: q.id, kind: q.kind, question: q.question ?? q.query, expected, got,
      counted: (a.answer.match(/Counted: (.*)$/m) ?? [])[1] ?? a.generator });
  }
  if (a.citations.length && rel < a.citations.length && process.env.VERBOSE) {
    rows.push({ id: q.id, kind: q.kind, question: q.question ?? q.query, cited: a.citations.length, relevant: rel });
  }
}
console.log(`Ask, ${questions.length} questions (bench/eval/questions.json), built-in answerer:`);
console.log(`  cited-record precision: ${citedRel}/${cited} = ${(citedRel / Math.max(1, cited)).toFixed(3)}`);
console.log(`  counting questions answered with the right count: ${countsRight}/${counts}`);
console.log(`  no-answer questions answered "Not found in the records": ${noneRight}/${none}`);
if (rows.length) console.table(rows);
