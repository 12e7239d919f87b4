// Learns shorthand <-> plain-word pairs from MaintNorm's raw <-> normalised tokens (Bikaun et al. 2024), VALIDATION
// split only (the test split stays the retrieval evaluation's), and writes src/main/resources/search/shorthand-maintnorm.tsv.
// A pair is kept when the raw token (lower case) differs from its normalised form, is seen at least MIN times, and
// is normalised the same way at least SHARE of the time; masks (<id>, <num>...), numbers and symbols are left out, and
// so are pairs the hand-written dictionary (shorthand.tsv) already has.
//   node scripts/learn-shorthand.mjs
import { readFileSync, writeFileSync } from "node:fs";

const MIN = 2, SHARE = 0.8;
// read and rejected: plain words or abbreviations that mean something else outside the mining fleet MaintNorm comes
// from ("con rod" is a connecting rod, "roll" and "cross" are words of their own), or tokens normalised to a fragment
const REJECTED = new Set(["con", "cross", "roll", "self", "pre", "po's", "cab", "mg", "loc", "inv", "center", "eql",
  "check/rep", "uni's"]);
const seen = new Map(); // raw -> Map(norm -> n)
for (const line of readFileSync("data/maintnorm/val.norm.txt", "utf8").split("\n")) {
  const [raw, norm] = line.split("\t");
  if (!norm) continue;
  const r = raw.trim().toLowerCase(), n = norm.trim().toLowerCase();
  if (!r || !n || /^<\w+>$/.test(n) || /^[\d.,/-]+$/.test(r)) continue;
  if (!seen.has(r)) seen.set(r, new Map());
  seen.get(r).set(n, (seen.get(r).get(n) ?? 0) + 1);
}
const known = new Set(readFileSync("src/main/resources/search/shorthand.tsv", "utf8").split("\n")
  .filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("\t")[0].trim().toLowerCase()));
const out = [];
for (const [raw, norms] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
  const total = [...norms.values()].reduce((a, b) => a + b, 0);
  const [norm, n] = [...norms].sort((a, b) => b[1] - a[1])[0];
  if (norm === raw || total < MIN || n / total < SHARE || known.has(raw) || REJECTED.has(raw)) continue;
  // a plain word normalised to a different plain word is a correction ("repalce" -> "replace"), kept; a phrase
  // that merely differs in spacing or hyphens ("o-ring" -> "o ring") adds nothing to full-text search
  if (norm.replace(/[\s-]/g, "") === raw.replace(/[\s-]/g, "")) continue;
  // masks in the normalised form (a number or an id folded into the token: "1000hr"), one-letter or symbol tokens,
  // and compounds split with a dash ("eng-pump" -> "engine - pump") are not dictionary entries
  if (/[<>]/.test(norm) || /\d/.test(raw) || raw.length < 2 || !/^[a-z]/.test(raw) || / - /.test(norm)) continue;
  out.push(`${raw}\t${norm}\tN\t${n}/${total}`);
}
writeFileSync("src/main/resources/search/shorthand-maintnorm.tsv",
  "# Learnt by scripts/learn-shorthand.mjs from MaintNorm's validation split (raw token -> its normalised form;\n"
  + "# Bikaun et al. 2024, data/maintnorm/SOURCE.md). Format: shorthand<TAB>expansion<TAB>origin<TAB>times/seen\n"
  + out.join("\n") + "\n");
console.log(`${out.length} pairs written`);
