#!/usr/bin/env bash
# Runs the whole benchmark suite at one corpus size and writes bench/results/size-N/.
#
#   bench/run.sh --size 1000            # ~10 min on a quiet 2-core machine (docs/benchmarks.md)
#   bench/run.sh --size 10 --smoke      # CI: seconds per step, no timing targets, no apt installs
#
# Options: --size N (reports, default 1000), --seed S (default 42), --results DIR (default
# bench/results/size-N), --skip-build (reuse the built
# jars), --smoke (tiny durations), --no-jmh (no JMH at all), --no-extraction (skip the extraction
# JMH, which does not depend on --size), --no-load-test, --txnload (also load in transactions and
# compact: the slowest steps at large sizes, ~2 more minutes at 1,000; --smoke does by default,
# --no-txnload skips them there too), --oxigraph (also run the canned queries
# against Oxigraph from npm), --serve-only (skip the corpus, extraction and loading steps: serve the
# database an earlier run at this size left in bench/work/ and rerun the serving steps into the same
# results folder, keeping its loading figures). See docs/benchmarks.md for what each step measures.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/bench"
SIZE=1000 SEED=42 OUT="" BUILD=1 SMOKE=0 JMH=1 EXTRACT=1 LOADTEST=1 OXIGRAPH=0 TXNLOAD="" SERVEONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --results) OUT="$2"; shift 2 ;;
    --skip-build) BUILD=0; shift ;;
    --smoke) SMOKE=1; shift ;;
    --no-jmh) JMH=0; shift ;;
    --no-extraction) EXTRACT=0; shift ;;
    --no-load-test) LOADTEST=0; shift ;;
    --txnload) TXNLOAD=1; shift ;;
    --no-txnload) TXNLOAD=0; shift ;;
    --oxigraph) OXIGRAPH=1; shift ;;
    --serve-only) SERVEONLY=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# the smoke run exercises every step; a timed run leaves out the load in transactions unless asked
[ -z "$TXNLOAD" ] && TXNLOAD=$SMOKE
WORK="$BENCH/work"
if [ -n "$OUT" ]; then RES="$(mkdir -p "$OUT" && cd "$OUT" && pwd)"
elif [ "$SMOKE" = 1 ]; then RES="$WORK/smoke-results"; else RES="$BENCH/results/size-$SIZE"; fi
CORPUS="$WORK/corpus-$SIZE"
DB="$WORK/db-$SIZE"
REFDB="$WORK/db-ref-$SIZE"
NQ="$WORK/export-$SIZE.nq"
mkdir -p "$WORK" "$RES"
log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$RES/run.log"; }
if [ "$SERVEONLY" = 1 ]; then
  [ -d "$DB" ] || { echo "--serve-only: no database at $DB; run without it first" >&2; exit 2; }
else
  : > "$RES/run.log"
fi
if [ "$SMOKE" = 1 ]; then
  JMH_X="-wi 0 -i 1 -r 1s -f 1"; EXTRACT_X="-p reports=20"; LAT_RUNS=3; LAT_WARM=1; LAT_BUDGET=10; WARM_REQ=20; LOAD_CLIENTS=4; LOAD_SECONDS=3; CACHED_LOAD_SECONDS=3
else
  # sized so --size 1000 takes ~10 minutes on 2 cores; both load tests run the issue's 60 s
  JMH_X=""; EXTRACT_X="-wi 2 -w 2s -i 3 -r 2s"; LAT_RUNS=30; LAT_WARM=5; LAT_BUDGET=10; WARM_REQ=1000; LOAD_CLIENTS=32; LOAD_SECONDS=60; CACHED_LOAD_SECONDS=60
fi

# -- build ---------------------------------------------------------------------------------------
# The bench project depends on the main code as an installed artifact; the whole-process steps use
# a copy of the shaded jar, so a parallel rebuild of target/ cannot change it mid-run.
if [ "$BUILD" = 1 ]; then
  log "build: main project (install -DskipTests), then bench/"
  MAINJAR=$(ls "$ROOT"/target/practice-graph-[0-9]*.jar 2>/dev/null | head -1 || true)
  if [ -n "$MAINJAR" ] && [ -f "$ROOT/target/practice-graph.jar" ] \
     && [ -z "$(find "$ROOT/src" "$ROOT/pom.xml" -newer "$ROOT/target/practice-graph.jar" -print -quit)" ]; then
    # the jars are newer than every source (CI has just run 'mvn verify'): install without rebuilding
    (cd "$ROOT" && mvn -B -ntp -q install:install-file -Dfile="$MAINJAR" -DpomFile=pom.xml)
  else
    (cd "$ROOT" && mvn -B -ntp -q install -DskipTests)
  fi
  cp "$ROOT/target/practice-graph.jar" "$WORK/practice-graph.jar"
  (cd "$BENCH" && mvn -B -ntp -q package)
fi
[ -f "$WORK/practice-graph.jar" ] || cp "$ROOT/target/practice-graph.jar" "$WORK/practice-graph.jar"
JAR="$WORK/practice-graph.jar"
CP="$(cat "$BENCH/target/classpath.txt"):$BENCH/target/classes"
cd "$ROOT"

# wall time of a command in seconds, and its peak RSS in MiB (from /proc, sampled every 0.1 s)
# and its CPU seconds (user+system, sampled likewise: up to 0.1 s short). On a shared machine the
# CPU seconds are the steadier figure: wall time grows with other processes' load, CPU time much less.
timed() { # timed NAME cmd...   → appends NAME,seconds,peak_rss_mib,cpu_s to $RES/timings.csv
  local name="$1"; shift
  local t0 t1 pid peak=0 rss cpu=0 c tck
  tck=$(getconf CLK_TCK 2>/dev/null || echo 100)
  t0=$(date +%s.%N)
  "$@" > "$RES/$name.out" 2>&1 & pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
    c=$(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    [ -n "$c" ] && [ "$c" -gt "$cpu" ] && cpu=$c
    sleep 0.1
  done
  wait "$pid" || { echo "$name failed:"; tail -20 "$RES/$name.out"; return 1; }
  t1=$(date +%s.%N)
  echo "$name,$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}'),$peak,$(awk -v c="$cpu" -v t="$tck" 'BEGIN{printf "%.1f", c/t}')" >> "$RES/timings.csv"
  log "$name: $(tail -1 "$RES/timings.csv")"
}
if [ "$SERVEONLY" = 1 ]; then
  log "serve-only rerun: the loading figures in $RES are from the earlier run"
  echo "serve_only_rerun,$(date -u +%FT%TZ) loadavg $(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')" >> "$RES/machine.csv"
else
echo "step,seconds,peak_rss_mib,cpu_s" > "$RES/timings.csv"
{
  echo "date,$(date -u +%FT%TZ)"; echo "size,$SIZE"; echo "seed,$SEED"; echo "smoke,$SMOKE"
  echo "cpus,$(nproc)"; echo "mem_gib,$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)"
  echo "cpu,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs | tr ',' ' ')"
  echo "java,$(java -version 2>&1 | head -1 | tr ',' ' ')"
  echo "loadavg_at_start,$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
} > "$RES/machine.csv"

# -- 1. corpus -----------------------------------------------------------------------------------
log "corpus: $SIZE synthetic reports, seed $SEED"
timed generate java -cp "$CP" org.practicegraph.bench.CorpusGenerator --size "$SIZE" --seed "$SEED" --out "$CORPUS"
# find | xargs, not a glob: 50,000 file names are more than one command line takes
echo "corpus_bytes,$(find "$CORPUS" -name 'synthetic-*.txt' -print0 | xargs -0 cat | wc -c)" >> "$RES/machine.csv"

# -- 2. extraction throughput (JMH, in-process) --------------------------------------------------
THREADS="1 2"; [ "$SMOKE" = 1 ] && THREADS=1
if [ "$JMH" = 1 ] && [ "$EXTRACT" = 1 ]; then
  for t in $THREADS; do
    log "JMH extraction, $t thread(s)"
    java -cp "$CP" org.openjdk.jmh.Main ExtractionBenchmark -t "$t" $JMH_X \
         $EXTRACT_X \
         -rf json -rff "$RES/jmh-extraction-t$t.json" > "$RES/jmh-extraction-t$t.out" 2>&1 \
      || { tail -30 "$RES/jmh-extraction-t$t.out"; exit 1; }
    grep -m1 'mean report bytes' "$RES/jmh-extraction-t$t.out" | awk -F': ' '{print "mean_report_bytes," $2}' >> "$RES/machine.csv"
  done
fi
if [ "$EXTRACT" = 1 ]; then
  log "CPU time per report of each loading step (thread CPU clock; steadier than wall time on a busy machine)"
  if [ "$SMOKE" = 1 ]; then CX="--reports 3 --rounds 1"; else CX="--reports 100 --rounds 3"; fi
  java -Xmx1g -cp "$CP" org.practicegraph.bench.CpuCost --corpus "$CORPUS" $CX --out "$RES/cpu-cost.csv" > /dev/null
fi

# -- 3. end-to-end load vs. tdb2.tdbloader on the same quads --------------------------------------
rm -rf "$DB" "$REFDB" "$NQ"
log "load: practice-graph load (parse, extract, SHACL; an empty database goes through the TDB2 bulk loader)"
timed load java -Xmx1g -jar "$JAR" load --db "$DB" "$CORPUS"
echo "db_bytes,$(( $(du -sk "$DB" | cut -f1) * 1024 ))" >> "$RES/machine.csv"
log "export N-Quads"
timed export java -Xmx1g -jar "$JAR" export --db "$DB" --format nquads --output "$NQ"
echo "quads,$(wc -l < "$NQ")" >> "$RES/machine.csv"
log "tdb2.tdbloader (Jena's bulk loader, default 'phased') on the same quads"
timed tdbloader java -Xmx1g -cp "$CP" tdb2.tdbloader --loc "$REFDB" "$NQ"
echo "refdb_bytes,$(( $(du -sk "$REFDB" | cut -f1) * 1024 ))" >> "$RES/machine.csv"
if [ "$TXNLOAD" = 1 ]; then
log "load in transactions (load --no-bulk: 50 reports per transaction, as every load after the first)"
rm -rf "$WORK/db-txn-$SIZE"
timed txnload java -Xmx1g -jar "$JAR" load --no-bulk --db "$WORK/db-txn-$SIZE" "$CORPUS"
echo "txndb_bytes,$(( $(du -sk "$WORK/db-txn-$SIZE" | cut -f1) * 1024 ))" >> "$RES/machine.csv"
rm -rf "$WORK/db-txn-$SIZE"
if [ "$SMOKE" = 0 ]; then
log "compact a copy of the loaded database (TDB2 keeps every transaction's copy-on-write blocks until compacted)"
# a copy: compacting the database itself would change it under the search index's stamp, so the
# server measured below would pay a full index check at start that a loaded database does not
rm -rf "$DB-compact" && cp -r "$DB" "$DB-compact"
timed compact java -Xmx1g -cp "$CP" tdb2.tdbcompact --loc "$DB-compact" --deleteOld
echo "db_bytes_compacted,$(( $(du -sk "$DB-compact" | cut -f1) * 1024 ))" >> "$RES/machine.csv"
rm -rf "$DB-compact"
fi
fi

fi # not --serve-only

# -- 4. canned queries in-process (JMH) ----------------------------------------------------------
QLIST=$(cd "$ROOT/queries" && ls *.rq | paste -sd, -)
if [ "$JMH" = 1 ]; then
  log "JMH canned queries in-process over TDB2"
  if [ "$SMOKE" = 1 ]; then QX="-p query=authorities-by-score.rq"; else QX="-p query=$QLIST -wi 1 -w 1s -i 1 -r 3s"; fi
  java -cp "$CP" org.openjdk.jmh.Main QueryBenchmark -p db="$DB" $QX $JMH_X \
       -rf json -rff "$RES/jmh-queries.json" > "$RES/jmh-queries.out" 2>&1 || { tail -30 "$RES/jmh-queries.out"; exit 1; }
fi

# -- 5. serving over HTTP ------------------------------------------------------------------------
free_port() { echo $(( 20000 + RANDOM % 20000 )); }
serve() { # serve NAME XMX args... → sets SPID, PORT; records start-up time to first answered query
  local name="$1" xmx="$2"; shift 2
  PORT=$(free_port)
  local t0; t0=$(date +%s%3N)
  java "-Xmx$xmx" -Xlog:gc:file="$RES/$name-gc.log" -jar "$JAR" serve --port "$PORT" --localhost "$@" > "$RES/$name.out" 2>&1 &
  SPID=$!
  # a JVM polling with ASK every 50 ms; it starts in parallel with the server, which takes longer
  local s
  s=$(java -cp "$CP" org.practicegraph.bench.HttpBench wait --endpoint "http://localhost:$PORT/practice/sparql" \
        --start-ms "$t0" --pid "$SPID" --timeout 600) || { echo "$name: server did not answer"; tail -20 "$RES/$name.out"; return 1; }
  echo "$name,startup_to_first_answer_s,$s" >> "$RES/serve.csv"
  # The server answers while it (re)writes its derived graphs (statistics, cube, VoID counts): wait
  # for those to be written before timing queries, so the figures are of a settled server.
  local w0; w0=$(date +%s%3N)
  # (up to 30 min: at 50,000 reports the first start after a load counts ~40M quads for the VoID description)
  for _ in $(seq 18000); do grep -q "Derived graphs:" "$RES/$name.out" && break; kill -0 "$SPID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$SPID" 2>/dev/null || { echo "$name: the server stopped"; tail -20 "$RES/$name.out"; return 1; }
  echo "$name,derived_graphs_settled_s,$(awk -v a="$w0" -v b="$(date +%s%3N)" 'BEGIN{printf "%.1f", (b-a)/1000}')" >> "$RES/serve.csv"
}
stop() { # stop NAME: records peak RSS and peak heap after GC, then stops the server
  local name="$1"
  echo "$name,peak_rss_mib,$(awk '/VmHWM/ {print int($2/1024)}' /proc/$SPID/status)" >> "$RES/serve.csv"
  kill "$SPID"; wait "$SPID" 2>/dev/null || true
  # unified GC log lines end "...: 123M->45M(256M) 3.2ms": the largest "before" figure is the peak heap
  echo "$name,peak_heap_mib,$(grep -o '[0-9]*M->' "$RES/$name-gc.log" | sed 's/M->//' | sort -n | tail -1)" >> "$RES/serve.csv"
}
echo "server,metric,value" > "$RES/serve.csv"
trap '[ -n "${SPID:-}" ] && kill "$SPID" 2>/dev/null || true' EXIT

if [ "$SMOKE" = 0 ]; then
log "serve the sample corpus in memory with -Xmx256m"
serve sample-256m 256m
java -cp "$CP" org.practicegraph.bench.HttpBench latency --endpoint "http://localhost:$PORT/practice/sparql" \
     --queries queries --warmup 1 --runs 3 --warm-requests "$WARM_REQ" --out "$RES/http-latency-sample.csv" > /dev/null
log "explorer pages: one of each kind, sequentially, 5 warm-up + 30 runs"
java -cp "$CP" org.practicegraph.bench.HttpBench pages --base "http://localhost:$PORT" \
     --warmup 5 --runs 30 --out "$RES/pages-sample.csv" > /dev/null
stop sample-256m
fi

log "serve the $SIZE-report database with -Xmx1g"
# Listings grow with the corpus (initiatives-with-outcomes: ~13.5 rows a report), past the default cap of
# 100,000 rows and 30 s beyond ~7,000 reports: raised here so every size answers the same questions in full.
serve db-1g 1g --db "$DB" --max-results 10000000 --timeout 300
log "HTTP latency, each canned query sequentially, evaluated each time (Cache-Control: no-cache)"
java -cp "$CP" org.practicegraph.bench.HttpBench latency --endpoint "http://localhost:$PORT/practice/sparql" \
     --queries queries --warmup "$LAT_WARM" --runs "$LAT_RUNS" --max-seconds "$LAT_BUDGET" --warm-requests "$WARM_REQ" --out "$RES/http-latency.csv" > /dev/null
log "HTTP latency, the same queries as ordinary clients ask them: again, answered from the result cache"
java -cp "$CP" org.practicegraph.bench.HttpBench latency --endpoint "http://localhost:$PORT/practice/sparql" --cache use \
     --queries queries --warmup 1 --runs "$LAT_RUNS" --warm-requests 0 --out "$RES/http-latency-cached.csv" > /dev/null
if [ "$LOADTEST" = 1 ]; then
  log "HTTP load: $LOAD_CLIENTS clients, $LOAD_SECONDS s, the canned queries in turn, evaluated each time"
  java -Xmx512m -cp "$CP" org.practicegraph.bench.HttpBench load --endpoint "http://localhost:$PORT/practice/sparql" \
       --queries queries --clients "$LOAD_CLIENTS" --seconds "$LOAD_SECONDS" --out "$RES/http-load.csv" > /dev/null
  log "load: $(tail -1 "$RES/http-load.csv")"
  log "HTTP load: the same, result cache used, $CACHED_LOAD_SECONDS s"
  java -Xmx512m -cp "$CP" org.practicegraph.bench.HttpBench load --endpoint "http://localhost:$PORT/practice/sparql" --cache use \
       --queries queries --clients "$LOAD_CLIENTS" --seconds "$CACHED_LOAD_SECONDS" --out "$RES/http-load-cached.csv" > /dev/null
  log "load, cached: $(tail -1 "$RES/http-load-cached.csv")"
fi
if [ "$SMOKE" = 1 ]; then
  # the pages are measured against the sample corpus above; in smoke mode, just check the code still works
  log "explorer pages: one of each kind, once (smoke)"
  java -cp "$CP" org.practicegraph.bench.HttpBench pages --base "http://localhost:$PORT" \
       --warmup 0 --runs 1 --out "$RES/pages-smoke.csv" > /dev/null
fi
stop db-1g
SPID=

# -- 6. the same queries, unchanged, against Oxigraph (npm) --------------------------------------
if [ "$OXIGRAPH" = 1 ] && [ "$SMOKE" = 0 ]; then
  log "Oxigraph: same N-Quads, same queries"
  bash "$BENCH/oxigraph/run.sh" "$NQ" "$ROOT/queries" "$RES/oxigraph-latency.csv" "$LAT_WARM" "$LAT_RUNS" >> "$RES/run.log" 2>&1 \
    || log "Oxigraph step failed (see run.log)"
fi

echo "loadavg_at_end,$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')" >> "$RES/machine.csv"

# -- 7. summary and chart ------------------------------------------------------------------------
java -cp "$CP" org.practicegraph.bench.Summary "$RES" > "$RES/summary.md"
if [ "$SMOKE" = 0 ]; then
  java -cp "$CP" -Djava.awt.headless=true org.practicegraph.bench.Chart "$BENCH/results" "$ROOT/docs/benchmarks-cost.png"
fi
log "done: $RES/summary.md"
cat "$RES/summary.md"
