// What cross-language search costs a search (bench/cross-language.sh): hybrid p50 / p95 through the API over the
// English evaluation's questions and the Chinese evaluation's, on the database the app was started on.
import { readFileSync } from "node:fs";

const URL_ = process.env.FAULTLINE_URL;
const AUTH = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
const rounds = Number(process.env.ROUNDS ?? 3);
const questions = (file) => JSON.parse(readFileSync(file, "utf8")).map((q) => q.query);
const sets = [["English questions", questions("bench/eval/queries.json")],
              ["Chinese questions", questions("bench/eval-zh/queries.json")]];

async function time(q) {
  const t = performance.now();
  const r = await fetch(`${URL_}/api/v1/search?${new URLSearchParams({ q, mode: "hybrid", limit: "20" })}`, { headers: AUTH });
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  await r.json();
  return performance.now() - t;
}

for (const [, qs] of sets) for (let i = 0; i < 2; i++) for (const q of qs) await time(q); // warm-up
for (const [name, qs] of sets) {
  const ms = [];
  for (let i = 0; i < rounds; i++) for (const q of qs) ms.push(await time(q));
  ms.sort((a, b) => a - b);
  const p = (x) => ms[Math.min(ms.length - 1, Math.floor(x * ms.length))].toFixed(1);
  console.log(`${process.env.LABEL ?? ""} ${name.padEnd(18)} n=${ms.length}  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms`);
}
