// Trains the search ranking on feedback through the app (Admin -> Quality, POST /api/v1/admin/search-ranking/train),
// with the #22 evaluation's judgements standing in for technicians' thumbs: for each answerable query of
// bench/eval/queries.json, the first JUDGED results (default 10: a first page) listed before the second stage
// (GET /api/v1/search/rerank-features) are judged useful or not by the query's rule (bench/eval/README.md).
// Prints the training's figures: the share of pairs (a useful and a not-useful result of one search) in order by the
// listed order, by the shipped model (trained on these same queries: optimistic) and by the trained model,
// cross-validated over the searches. Then goes back to the shipped model unless KEEP=1.
//   node bench/ranking-feedback.mjs   (FAULTLINE_URL, FAULTLINE_API_KEY, FAULTLINE_ADMIN_PASSWORD)
import { readFileSync } from "node:fs";
import { rule } from "./search-eval.mjs";
import { signIn } from "./page-session.mjs";

const base = process.env.FAULTLINE_URL;
const AUTH = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
const JUDGED = Number(process.env.JUDGED ?? 10);
const admin = await signIn(base, "admin", process.env.FAULTLINE_ADMIN_PASSWORD);
const session = { Cookie: `faultline_session=${admin.cookie}`, "X-CSRF-Token": admin.csrf };

async function post(path, body) {
  const r = await fetch(`${base}${path}`, {
    method: "POST", body: body === undefined ? undefined : JSON.stringify(body),
    headers: { ...session, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
  });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

const queries = JSON.parse(readFileSync("bench/eval/queries.json", "utf8")).filter((q) => q.type !== "noanswer");
let judgements = 0;
for (const q of queries) {
  const r = await fetch(`${base}/api/v1/search/rerank-features?${new URLSearchParams({ q: q.query })}`, { headers: AUTH });
  if (!r.ok) throw new Error(`rerank-features ${q.query}: ${r.status}`);
  const relevant = rule(q);
  for (const item of (await r.json()).items.slice(0, JUDGED)) {
    await post("/api/v1/feedback", { kind: "search", query: q.query, recordId: item.record.id, useful: relevant(item.record) });
    judgements++;
  }
}
const before = await (await fetch(`${base}/api/v1/admin/search-ranking`, { headers: session })).json();
const t0 = performance.now();
const outcome = await post("/api/v1/admin/search-ranking/train");
const seconds = (performance.now() - t0) / 1000;
const t = outcome.training;
const pct = (x) => (x == null ? "none" : x.toFixed(3));
console.log(`${judgements} judgements of the first ${JUDGED} results of ${queries.length} queries;`
  + ` ${before.judgedSearches} searches with a useful and a not-useful result`);
console.log(`training: ${seconds.toFixed(1)} s, outcome ${outcome.outcome}`);
if (t) {
  console.log(`pairs in order (mean over ${t.searches} searches, ${t.pairs} pairs): listed ${pct(t.listedAccuracy)},`
    + ` shipped model ${pct(t.shippedAccuracy)} (has seen these queries), trained ${pct(t.trainedAccuracy)} (cross-validated)`);
}
if (process.env.KEEP !== "1") await post("/api/v1/admin/search-ranking/configured");
