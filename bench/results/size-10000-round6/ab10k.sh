#!/bin/bash
# alternate old/new loads of the 10k corpus, then tdbloader on the same quads
cd /work/main
CP="$(cat bench/target/classpath.txt):bench/target/classes"
run() { # name cmd...
  local name=$1; shift
  /usr/bin/time -f "$name,%e,%U,%S,%M" -a -o /tmp/ab10k.csv "$@" > /tmp/ab10k-$name.out 2>&1
}
echo "step,wall_s,user_s,sys_s,maxrss_kb" > /tmp/ab10k.csv
for round in 1 2; do
  for v in old new; do
    rm -rf /tmp/db10k-$v
    echo "$(date +%T) $v-$round load avg $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/ab10k.log
    run $v-$round java -Xmx1g -jar /tmp/$v.jar load --db /tmp/db10k-$v /tmp/corpus-10000
  done
  if [ $round = 1 ]; then
    rm -f /tmp/export-10000.nq
    run export java -Xmx1g -jar /tmp/new.jar export --db /tmp/db10k-new --format nquads --output /tmp/export-10000.nq
    rm -rf /tmp/db10k-ref
    echo "$(date +%T) tdbloader load avg $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/ab10k.log
    run tdbloader java -Xmx1g -cp "$CP" tdb2.tdbloader --loc /tmp/db10k-ref /tmp/export-10000.nq
  fi
done
echo "$(date +%T) done load avg $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/ab10k.log
