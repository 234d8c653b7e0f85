// Loads N-Quads into an in-memory Oxigraph store and times each canned query (default graph = union
// of the named graphs, as in Practice Graph). Writes query,p50_ms,p99_ms,min_ms,max_ms,runs,rows.
const fs = require("fs");
const path = require("path");
const oxigraph = require("oxigraph");
const [nq, queriesDir, out, warmupArg, runsArg] = process.argv.slice(2);
const warmup = Number(warmupArg || 5), runs = Number(runsArg || 30);
const store = new oxigraph.Store();
let t0 = process.hrtime.bigint();
store.load(fs.readFileSync(nq, "utf8"), { format: "application/n-quads" });
console.log(`oxigraph: loaded ${store.size} quads in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
const pct = (s, p) => s[Math.max(0, Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1))];
const lines = ["query,p50_ms,p99_ms,min_ms,max_ms,runs,rows"];
for (const f of fs.readdirSync(queriesDir).filter(f => f.endsWith(".rq")).sort()) {
  const q = fs.readFileSync(path.join(queriesDir, f), "utf8");
  const run = () => { const r = store.query(q, { use_default_graph_as_union: true }); return Array.isArray(r) ? r.length : (r ? 1 : 0); };
  let rows = 0;
  try {
    // like HttpBench: warm-up and runs stop early (after 1 and 3) once 20 s are spent
    let budget = Date.now() + 20000;
    for (let i = 0; i < warmup && (i < 1 || Date.now() < budget); i++) run();
    const t = [];
    budget = Date.now() + 20000;
    for (let i = 0; i < runs && (i < 3 || Date.now() < budget); i++) { const s = process.hrtime.bigint(); rows = run(); t.push(Number(process.hrtime.bigint() - s) / 1e6); }
    t.sort((a, b) => a - b);
    lines.push([f, pct(t, 50).toFixed(2), pct(t, 99).toFixed(2), t[0].toFixed(2), t[t.length - 1].toFixed(2), t.length, rows].join(","));
  } catch (e) {
    console.log(`oxigraph: ${f}: ${e.message || e}`);
    lines.push([f, "NaN", "NaN", "NaN", "NaN", 0, -1].join(","));
  }
  console.log(lines[lines.length - 1]);
  fs.writeFileSync(out, lines.join("\n") + "\n");   // after every query, so a stopped run keeps what it measured
}
fs.writeFileSync(out, lines.join("\n") + "\n");
