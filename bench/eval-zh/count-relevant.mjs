#!/usr/bin/env node
// Counts, for every query in queries.json, how many records of the Chinese corpus
// data/zh-plant/records.jsonl its relevance rule accepts, and checks the set:
//   - answerable queries need >= 10 relevant records (P@10 is the measure),
//   - noanswer queries must match 0 records, and their "absent" regexes (the grep
//     used to confirm that the corpus does not mention the subject) must match nothing,
//   - the stored "relevant" values must equal the computed ones,
//   - ids are unique, types and sources are known, and the set meets its minimums.
// Usage: node bench/eval-zh/count-relevant.mjs [--write] [--quiet]
//   --write  rewrite the stored "relevant" values instead of failing on a mismatch.
//   --quiet  print only the summary and the errors.
// The document a rule is tested against is
//   ((asset.type||"") + " " + (asset.name||"") + " " + (title||"") + " " + text).toUpperCase()
// (upper-casing only changes Latin letters), and a record is relevant when its source
// equals the item's source, every regex in "all" matches and none in "none" matches
// (JavaScript RegExp, no flags).
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const args = new Set(process.argv.slice(2));
const WRITE = args.has('--write');
const QUIET = args.has('--quiet');

const CORPUS = 'data/zh-plant/records.jsonl';
const SOURCE = 'zh-plant';

const docOf = r => [
  r.asset?.type ?? '', r.asset?.name ?? '', r.title ?? '', r.text ?? '',
].join(' ').toUpperCase();

const records = [];
for (const line of fs.readFileSync(path.join(root, CORPUS), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  records.push({source: r.source ?? SOURCE, id: r.externalId, doc: docOf(r)});
}

const errors = [];
const compile = (item, s) => {
  try { return new RegExp(s); } catch (e) { errors.push(`${item.id}: bad regex ${JSON.stringify(s)}: ${e.message}`); return /(?!)/; }
};
function matches(item) {
  const all = (item.all ?? []).map(s => compile(item, s));
  const none = (item.none ?? []).map(s => compile(item, s));
  if (!all.length) errors.push(`${item.id}: empty "all" list`);
  return records.filter(r => r.source === item.source
    && all.every(re => re.test(r.doc)) && !none.some(re => re.test(r.doc)));
}
function absentHits(item) {
  let n = 0;
  for (const s of item.absent ?? []) {
    const re = compile(item, s);
    for (const r of records) if (re.test(r.doc)) { n++; errors.push(`${item.id}: "absent" regex ${JSON.stringify(s)} matches ${r.id}`); }
  }
  return n;
}

const qPath = path.join(here, 'queries.json');
const queries = JSON.parse(fs.readFileSync(qPath, 'utf8'));

const TYPES = ['word', 'phrase', 'mixed', 'position', 'symptom', 'english', 'noanswer'];
const MIN_QUERIES = 48;
const MIN_PER_TYPE = {word: 8, phrase: 8, mixed: 8, position: 8, symptom: 8, english: 8, noanswer: 6};
const ids = new Set();
const tally = {};
const counts = {};
let changed = false;

const pad = (s, n) => String(s).padEnd(n);
if (!QUIET) console.log(`${pad('id', 5)} ${pad('type', 9)} ${pad('relevant', 8)} query`);
for (const q of queries) {
  if (ids.has(q.id)) errors.push(`${q.id}: duplicate id`); ids.add(q.id);
  if (!TYPES.includes(q.type)) errors.push(`${q.id}: unknown type ${q.type}`);
  if (q.source !== SOURCE) errors.push(`${q.id}: unknown source ${q.source}`);
  if (typeof q.query !== 'string' || !q.query.trim()) errors.push(`${q.id}: empty query text`);
  const n = matches(q).length;
  tally[q.type] = (tally[q.type] ?? 0) + 1;
  if (!QUIET) console.log(`${pad(q.id, 5)} ${pad(q.type, 9)} ${pad(n, 8)} ${q.query}`);
  if (q.type === 'noanswer') {
    if (n > 0) errors.push(`${q.id}: noanswer query matches ${n} records`);
    if (!(q.absent ?? []).length) errors.push(`${q.id}: noanswer query has no "absent" regexes`);
    absentHits(q);
  } else {
    if (n < 10) errors.push(`${q.id}: only ${n} relevant records (< 10)`);
    (counts[q.type] ??= []).push(n);
  }
  if (q.relevant !== n) {
    if (WRITE) { q.relevant = n; changed = true; } else errors.push(`${q.id}: stored relevant=${q.relevant}, computed ${n}`);
  }
}

if (queries.length < MIN_QUERIES) errors.push(`only ${queries.length} queries (< ${MIN_QUERIES})`);
for (const [t, m] of Object.entries(MIN_PER_TYPE)) if ((tally[t] ?? 0) < m) errors.push(`only ${tally[t] ?? 0} ${t} queries (< ${m})`);

const median = a => { const s = [...a].sort((x, y) => x - y); const k = s.length >> 1; return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2; };
const allCounts = Object.values(counts).flat();
console.log(`\nqueries by type (relevant min / median / max):`);
for (const t of TYPES) {
  const c = counts[t] ?? [];
  console.log(`${pad(t, 9)} ${pad(tally[t] ?? 0, 3)} ${c.length ? `${Math.min(...c)} / ${median(c)} / ${Math.max(...c)}` : ''}`);
}
console.log(`${pad('total', 9)} ${pad(queries.length, 3)} ${allCounts.length ? `${Math.min(...allCounts)} / ${median(allCounts)} / ${Math.max(...allCounts)} over ${allCounts.length} answerable` : ''}`);

if (changed) {
  fs.writeFileSync(qPath, JSON.stringify(queries, null, 2) + '\n');
  console.log('stored counts updated');
}
if (errors.length) {
  console.error(`\nFAILED (${errors.length}):\n  ` + errors.join('\n  '));
  process.exit(1);
}
console.log('\nOK');
