#!/usr/bin/env sh
# Builds the gateway and runs the side-by-side SMPP benchmark (see BENCHMARKS.md).
# Every argument goes to io.vasgate.loadtest.LoadTestMain; --help lists them. Example:
#   loadtest/run-benchmark.sh --servers vasgate,cloudhopper,jsmpp --binds 1,4 --windows 1,10,100 \
#       --warmup 5s --duration 10s --out loadtest/target/results.md
# Run from anywhere; paths are relative to the repository root. VASGATE_BUILD_DIR picks the build
# directory (default: target), for shared work trees.
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR="${VASGATE_BUILD_DIR:-target}"
mvn -B -q -DskipTests -Dvasgate.buildDirName="$BUILD_DIR" -pl loadtest -am package
exec java -cp "loadtest/$BUILD_DIR/loadtest-0.1.0-SNAPSHOT.jar:loadtest/$BUILD_DIR/lib/*" \
  io.vasgate.loadtest.LoadTestMain "$@"
