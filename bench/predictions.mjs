// Prediction latency on the demo's live turbofans: for each engine, one new cycle of readings (21 sensors)
// through POST /api/v1/sensor-readings, then the time until its new prediction is stored (the debounce is set to
// 0 by bench/predictions.sh; Quarkus' scheduler checks its triggers once a second, so this is mostly waiting), and
// the read latency of GET /api/v1/assets/{id}/predictions.   ENGINES (40)
const URL = process.env.FAULTLINE_URL;
const AUTH = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}` };
const ENGINES = Number(process.env.ENGINES ?? 40);

async function json(path, init) {
  const r = await fetch(URL + path, { ...init, headers: { ...AUTH, ...(init?.headers ?? {}) } });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

const stored = [];
const reads = [];
for (let e = 1; e <= ENGINES; e++) {
  const asset = `FD001-E${String(e).padStart(3, "0")}`;
  const before = await json(`/api/v1/assets/${asset}/predictions/history?model=rul-fd001`);
  const last = before.at(-1);
  const next = new Date(Date.parse(last.asOf) + 3600_000).toISOString();
  // the engine's last readings again, one cycle later: a plausible next cycle
  const view = await json(`/api/v1/assets/${asset}/readings?from=${encodeURIComponent(last.asOf)}&points=2`);
  const readings = view.series.map((s) => ({ asset, sensor: s.sensor, time: next, value: s.mean.at(-1) }));
  const t0 = performance.now();
  await json("/api/v1/sensor-readings", { method: "POST", body: JSON.stringify({ readings }),
    headers: { "Content-Type": "application/json" } });
  for (;;) {
    const h = await json(`/api/v1/assets/${asset}/predictions/history?model=rul-fd001&limit=1`);
    if (h.length && h.at(-1).asOf === next.replace(".000Z", "Z")) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  stored.push(performance.now() - t0);
  const r0 = performance.now();
  await json(`/api/v1/assets/${asset}/predictions`);
  reads.push(performance.now() - r0);
}
console.log(`new readings -> stored prediction, ${ENGINES} engines one at a time: p50 ${pct(stored, 0.5).toFixed(0)} ms,`
  + ` p95 ${pct(stored, 0.95).toFixed(0)} ms (the scheduler wakes the job about once a second)`);
console.log(`GET /api/v1/assets/{id}/predictions: p50 ${pct(reads, 0.5).toFixed(1)} ms, p95 ${pct(reads, 0.95).toFixed(1)} ms`);
const predictors = await json("/api/v1/predictors");
for (const p of predictors) {
  const runs = await json(`/api/v1/predictors/${p.name}/training`);
  const run = runs.find((r) => r.state === "done");
  const wall = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
  console.log(`training ${p.name} v${p.latest.version}: ${p.latest.rows} rows from ${p.latest.assets} assets, run ${wall.toFixed(1)} s`
    + ` (XGBoost ${p.latest.metrics.trainingSeconds} s of it), metrics ${JSON.stringify(p.latest.metrics)}`);
}
