// Asset pages under 8 concurrent clients on the demo data: the page itself (timeline + the cached summary, or a
// placeholder that fetches it), the first time each asset is opened and again; and the summary fragment those
// placeholders fetch (made once per set of records, then cached), first time and again.
//   FAULTLINE_URL, FAULTLINE_API_KEY, FAULTLINE_ADMIN_PASSWORD; CLIENTS (8), ASSETS (60)
import { signIn } from "./page-session.mjs";

const BASE = process.env.FAULTLINE_URL;
const CLIENTS = Number(process.env.CLIENTS ?? 8);
const ASSETS = Number(process.env.ASSETS ?? 60);
const key = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
const { cookie } = await signIn(BASE, "admin", process.env.FAULTLINE_ADMIN_PASSWORD);
const page = { Cookie: `faultline_session=${cookie}` };

// the assets with the most records first: their summaries read the most text
const assets = [];
for (let offset = 0; ; offset += 500) {
  const r = await (await fetch(`${BASE}/api/v1/assets?limit=500&offset=${offset}`, { headers: key })).json();
  assets.push(...r.items);
  if (r.items.length < 500) break;
}
assets.sort((a, b) => b.recordCount - a.recordCount);
const chosen = assets.slice(0, ASSETS);
console.log(`${assets.length} assets; the ${chosen.length} with most records (${chosen.at(-1).recordCount}`
  + `-${chosen[0].recordCount} each), ${CLIENTS} clients at once`);

async function timed(path) {
  const t = performance.now();
  const r = await fetch(`${BASE}${path}`, { headers: page });
  const html = await r.text();
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return { ms: performance.now() - t, html };
}

/** Runs the paths over CLIENTS concurrent clients; answers the latencies and the pages. */
async function load(paths) {
  const queue = [...paths];
  const ms = [];
  const pages = [];
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      const r = await timed(path);
      ms.push(r.ms);
      pages.push(r.html);
    }
  }));
  return { ms, pages };
}

function report(name, ms) {
  ms.sort((a, b) => a - b);
  const p = (x) => ms[Math.min(ms.length - 1, Math.floor(x * ms.length))].toFixed(1);
  console.log(`${name.padEnd(40)} n=${String(ms.length).padStart(4)}  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  max ${ms.at(-1).toFixed(1)} ms`);
}

const pagePaths = chosen.map((a) => `/assets/${encodeURIComponent(a.id)}`);
// warm-up on other assets (never the measured ones): connections, and the JVM compiling the page's code
const others = assets.slice(ASSETS, ASSETS + 120).map((a) => `/assets/${encodeURIComponent(a.id)}`);
for (let i = 0; i < 3; i++) {
  const warm = await load(others);
  const parts = warm.pages.map((html) => /data-fragment="([^"]+)"/.exec(html)?.[1]).filter(Boolean);
  await load(parts.map((f) => f.replaceAll("&amp;", "&")));
}
const first = await load(pagePaths);
report("asset page, first view", first.ms);
const fragments = first.pages.map((html) => /data-fragment="([^"]+)"/.exec(html)?.[1]).filter(Boolean)
  .map((f) => f.replaceAll("&amp;", "&"));
console.log(`  ${fragments.length} of ${first.pages.length} first views had no summary yet and fetch it`);
report("summary fragment, first (made)", (await load(fragments)).ms);
report("summary fragment, again (cached)", (await load(fragments)).ms);
const again = await load([...pagePaths, ...pagePaths, ...pagePaths]);
report("asset page, summary made", again.ms);
const inline = again.pages.filter((h) => h.includes("data-fragment")).length;
console.log(`  ${again.pages.length - inline} of ${again.pages.length} views showed the summary in the page itself`);
