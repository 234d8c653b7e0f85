#!/bin/bash
cd /work/main
CP="$(cat bench/target/classpath.txt):bench/target/classes"
echo "$(date +%T) export50k start load avg $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/next.log
/usr/bin/time -f "export50k,%e,%U,%S,%M" -a -o /tmp/load50k.csv java -Xmx1g -jar /tmp/new.jar export --db /tmp/db50k-new --format nquads --output /tmp/export-50000.nq > /tmp/export50k.out 2>&1
rm -rf /tmp/db50k-ref
echo "$(date +%T) tdbloader50k start load avg $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/next.log
/usr/bin/time -f "tdbloader50k,%e,%U,%S,%M" -a -o /tmp/load50k.csv java -Xmx1g -cp "$CP" tdb2.tdbloader --loc /tmp/db50k-ref /tmp/export-50000.nq > /tmp/tdbloader50k.out 2>&1
echo "$(date +%T) tdbloader50k end load avg $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/next.log
