#!/usr/bin/env node
// Counts, for every query in queries.json and every question in questions.json,
// how many corpus records its relevance rule accepts, and checks the set:
//   - answerable queries need >= 10 relevant records (P@10 is the measure),
//   - noanswer queries/questions must match 0 records, and their optional
//     "absent" regexes (the grep used to confirm there is no answer) must
//     match nothing in any of the three corpora,
//   - the stored "relevant" / "count" values must equal the computed ones,
//   - type/source/kind minimums of the set.
// Usage: node bench/eval/count-relevant.mjs [--write] [--quiet]
//   --write  rewrite the stored "relevant"/"count" values instead of failing on a mismatch.
// The document a rule is tested against is
//   (asset.type + " " + (title||"") + " " + text + " " + fields.problem + " " + fields.action).toUpperCase()
// and a record is relevant when its source equals the item's source, every regex in
// "all" matches and none in "none" matches (JavaScript RegExp, no flags).
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const args = new Set(process.argv.slice(2));
const WRITE = args.has('--write');
const QUIET = args.has('--quiet');

const CORPORA = {
  maintnet: 'data/demo/maintnet-fleet.jsonl',
  'faa-aid': 'data/demo/faa-narratives.jsonl',
  openrepair: 'data/demo/openrepair.jsonl',
};

const docOf = r => [
  r.asset?.type ?? '', r.title ?? '', r.text ?? '', r.fields?.problem ?? '', r.fields?.action ?? '',
].join(' ').toUpperCase();

const records = [];
for (const [source, rel] of Object.entries(CORPORA)) {
  for (const line of fs.readFileSync(path.join(root, rel), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    records.push({source: r.source ?? source, id: r.externalId, doc: docOf(r)});
  }
}

const errors = [];
const compile = (item, s) => {
  try { return new RegExp(s); } catch (e) { errors.push(`${item.id}: bad regex ${JSON.stringify(s)}: ${e.message}`); return /(?!)/; }
};
function count(item) {
  const all = (item.all ?? []).map(s => compile(item, s));
  const none = (item.none ?? []).map(s => compile(item, s));
  let n = 0;
  for (const r of records) {
    if (r.source !== item.source) continue;
    if (all.every(re => re.test(r.doc)) && !none.some(re => re.test(r.doc))) n++;
  }
  return n;
}
function absentHits(item) {
  let n = 0;
  for (const s of item.absent ?? []) { const re = compile(item, s); for (const r of records) if (re.test(r.doc)) n++; }
  return n;
}

const qPath = path.join(here, 'queries.json');
const aPath = path.join(here, 'questions.json');
const queries = JSON.parse(fs.readFileSync(qPath, 'utf8'));
const questions = JSON.parse(fs.readFileSync(aPath, 'utf8'));

const TYPES = ['plain', 'shorthand', 'misspelled', 'position', 'symptom', 'noanswer'];
const SOURCES = Object.keys(CORPORA);
const ids = new Set();
const tally = {};
let changed = false;

const pad = (s, n) => String(s).padEnd(n);
if (!QUIET) console.log(`${pad('id', 5)} ${pad('type', 11)} ${pad('source', 11)} ${pad('relevant', 8)} query`);
for (const q of queries) {
  if (ids.has(q.id)) errors.push(`${q.id}: duplicate id`); ids.add(q.id);
  if (!TYPES.includes(q.type)) errors.push(`${q.id}: unknown type ${q.type}`);
  if (!SOURCES.includes(q.source)) errors.push(`${q.id}: unknown source ${q.source}`);
  const n = count(q);
  const key = `${q.type}|${q.source}`; tally[key] = (tally[key] ?? 0) + 1;
  if (!QUIET) console.log(`${pad(q.id, 5)} ${pad(q.type, 11)} ${pad(q.source, 11)} ${pad(n, 8)} ${q.query}`);
  if (q.type === 'noanswer') {
    if (n > 0) errors.push(`${q.id}: noanswer query matches ${n} records`);
    const h = absentHits(q); if (h > 0) errors.push(`${q.id}: "absent" check regexes match ${h} records`);
  } else if (n < 10) errors.push(`${q.id}: only ${n} relevant records (< 10)`);
  if (q.relevant !== n) { if (WRITE) { q.relevant = n; changed = true; } else errors.push(`${q.id}: stored relevant=${q.relevant}, computed ${n}`); }
}

if (!QUIET) console.log(`\n${pad('id', 5)} ${pad('kind', 11)} ${pad('source', 11)} ${pad('count', 8)} question`);
const kinds = {};
for (const a of questions) {
  if (ids.has(a.id)) errors.push(`${a.id}: duplicate id`); ids.add(a.id);
  if (!SOURCES.includes(a.source)) errors.push(`${a.id}: unknown source ${a.source}`);
  kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
  const n = count(a);
  if (!QUIET) console.log(`${pad(a.id, 5)} ${pad(a.kind, 11)} ${pad(a.source, 11)} ${pad(n, 8)} ${a.question}`);
  if (a.kind === 'noanswer') {
    if (n > 0) errors.push(`${a.id}: noanswer question matches ${n} records`);
    const h = absentHits(a); if (h > 0) errors.push(`${a.id}: "absent" check regexes match ${h} records`);
  } else if (a.kind === 'counting' || a.kind === 'lookup') {
    if (n < 1) errors.push(`${a.id}: rule matches nothing`);
  } else errors.push(`${a.id}: unknown kind ${a.kind}`);
  const field = a.kind === 'counting' ? 'count' : 'relevant';
  if (a[field] !== n) { if (WRITE) { a[field] = n; changed = true; } else errors.push(`${a.id}: stored ${field}=${a[field]}, computed ${n}`); }
}

// Set-level minimums.
const byType = t => SOURCES.reduce((s, src) => s + (tally[`${t}|${src}`] ?? 0), 0);
const bySource = src => TYPES.filter(t => t !== 'noanswer').reduce((s, t) => s + (tally[`${t}|${src}`] ?? 0), 0);
if (queries.length < 90) errors.push(`only ${queries.length} queries (< 90)`);
for (const t of TYPES.filter(t => t !== 'noanswer')) if (byType(t) < 12) errors.push(`only ${byType(t)} ${t} queries (< 12)`);
if (byType('noanswer') < 8) errors.push(`only ${byType('noanswer')} noanswer queries (< 8)`);
for (const src of ['faa-aid', 'openrepair']) if (bySource(src) < 15) errors.push(`only ${bySource(src)} answerable ${src} queries (< 15)`);
if ((kinds.counting ?? 0) < 12) errors.push(`only ${kinds.counting ?? 0} counting questions (< 12)`);
if ((kinds.lookup ?? 0) < 12) errors.push(`only ${kinds.lookup ?? 0} lookup questions (< 12)`);
if ((kinds.noanswer ?? 0) < 4) errors.push(`only ${kinds.noanswer ?? 0} noanswer questions (< 4)`);

console.log(`\nqueries by type x source:`);
console.log(`${pad('', 11)} ${SOURCES.map(s => pad(s, 11)).join(' ')} total`);
for (const t of TYPES) console.log(`${pad(t, 11)} ${SOURCES.map(s => pad(tally[`${t}|${s}`] ?? 0, 11)).join(' ')} ${byType(t)}`);
console.log(`questions: ${Object.entries(kinds).map(([k, v]) => `${k}=${v}`).join(', ')}`);

if (changed) {
  fs.writeFileSync(qPath, JSON.stringify(queries, null, 2) + '\n');
  fs.writeFileSync(aPath, JSON.stringify(questions, null, 2) + '\n');
  console.log('stored counts updated');
}
if (errors.length) {
  console.error(`\nFAILED (${errors.length}):\n  ` + errors.join('\n  '));
  process.exit(1);
}
console.log('\nOK');
