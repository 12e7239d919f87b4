// For bench/readings-benchmark.sh: API ingest rate (50,000 readings a request) and chart latency over VIB-1.
const BASE = process.env.FAULTLINE_URL;
const H = { Authorization: `Bearer ${process.env.FAULTLINE_API_KEY}`, "Content-Type": "application/json" };

// API ingest: 20 requests of 50,000 new readings (another asset, so nothing is an update)
let sent = 0;
const t0 = performance.now();
for (let r = 0; r < 20; r++) {
  const readings = [];
  for (let i = 0; i < 50_000; i++) {
    const t = Date.UTC(2024, 0, 1) / 1000 + r * 50_000 + i;
    readings.push({ asset: "API-1", sensor: `s${i % 10}`, time: new Date(t * 1000).toISOString(), value: Math.sin(t / 100) });
  }
  const res = await fetch(`${BASE}/api/v1/sensor-readings`, { method: "POST", headers: H, body: JSON.stringify({ readings }) });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  sent += readings.length;
}
const seconds = (performance.now() - t0) / 1000;
console.log(`API: ${sent} readings in ${seconds.toFixed(1)} s = ${Math.round(sent / seconds)} readings/s (client included)`);

// the file's readings are a second apart from 2025-01-01: ranges inside what it holds
const rows = Number(process.env.READINGS ?? 10_000_000);
const at = (s) => new Date(Date.UTC(2025, 0, 1) + s * 1000).toISOString();
const ranges = [["whole series", null, null], ["a quarter of it", at(rows / 4), at(rows / 2)],
  ["a week", at(rows / 3), at(rows / 3 + 7 * 86_400)], ["a day", at(rows / 2), at(rows / 2 + 86_400)],
  ["an hour", at(rows - 3600), at(rows)], ["ten minutes", at(rows / 2), at(rows / 2 + 600)]];
for (const [name, from, to] of ranges) {
  const q = new URLSearchParams({ sensor: "vibration", points: "800" });
  if (from) { q.set("from", from); q.set("to", to); }
  const ms = [];
  let last;
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    const r = await fetch(`${BASE}/api/v1/assets/VIB-1/readings?${q}`, { headers: H });
    last = await r.json();
    if (i >= 10) ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const s = last.series[0];
  console.log(`chart, ${name.padEnd(12)} ${s.readings} readings as ${s.t.length} points from ${s.resolution}:`
    + ` p50 ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms, p95 ${ms[Math.floor(ms.length * 0.95)].toFixed(1)} ms`);
}
