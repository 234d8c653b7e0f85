#!/bin/bash
cd /work/main
while ! grep -q "jmh10k end" /tmp/next.log; do sleep 5; done
rm -rf /tmp/db50k-new
echo "$(date +%T) load50k start load avg $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/next.log
/usr/bin/time -f "load50k,%e,%U,%S,%M" -a -o /tmp/load50k.csv java -Xmx1g -XX:StartFlightRecording=filename=/tmp/load50k.jfr -jar /tmp/new.jar load --db /tmp/db50k-new bench/work/corpus-50000 > /tmp/load50k.out 2>&1
echo "$(date +%T) load50k end load avg $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/next.log
