#!/usr/bin/env bash
# Runs BoringSSL's conformance suite (BoGo) against tlsj: builds the runner from ../shared/bogo if needed,
# starts one long-lived shim JVM (org.tlsj.bogo.ShimDaemon) that the launcher tlsj-bogo/bogo/shim hands
# each test to, runs every test, writes target/bogo/results.json and prints "N passed, N failed, N skipped".
# Exits non-zero on any failure. Extra arguments go to the runner, e.g.:
#   scripts/bogo.sh -test 'Basic-Client-*;Alert*'     (';'-separated patterns)   -debug   (hex dumps)
# Needs the classes built (./test does that; otherwise: mvn -o -q compile -pl tlsj-bogo -am).
# TLSJ_BOGO_DIR reuses a runner built elsewhere (default: target/bogo).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
tlsj_use_jdk25 >/dev/null || exit 2

out=${TLSJ_BOGO_DIR:-$root/target/bogo}
shared=$root/../shared/bogo
if [[ ! -x $out/runner.test ]]; then
    [[ -x $shared/build.sh ]] || { echo "bogo: no runner sources at $shared" >&2; exit 1; }
    echo "bogo: building the runner into $out"
    mkdir -p "$(dirname "$out")"
    bash "$shared/build.sh" "$out" > "$out.build.log" 2>&1 || { cat "$out.build.log" >&2; exit 1; }
fi
results=$root/target/bogo/results.json
mkdir -p "$(dirname "$results")"
cp=$root/tlsj-bogo/target/classes:$root/tlsj-core/target/classes
[[ -f $root/tlsj-bogo/target/classes/org/tlsj/bogo/ShimDaemon.class ]] \
    || { echo "bogo: tlsj-bogo is not built (run ./test, or mvn -o -q compile -pl tlsj-bogo -am)" >&2; exit 1; }

work=$(mktemp -d)
daemon_pid=
cleanup() {
    [[ -n $daemon_pid ]] && kill "$daemon_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
java -Xss1m -cp "$cp" org.tlsj.bogo.ShimDaemon "$work/port" > "$work/daemon.log" 2>&1 &
daemon_pid=$!
for _ in $(seq 100); do
    [[ -s $work/port ]] && break
    kill -0 "$daemon_pid" 2>/dev/null || { cat "$work/daemon.log" >&2; exit 1; }
    sleep 0.1
done
[[ -s $work/port ]] || { echo "bogo: the shim daemon did not start" >&2; exit 1; }

start=$(date +%s)
rm -f "$results"
set +e
(cd "$out/src/ssl/test/runner" && TLSJ_BOGO_DAEMON_PORT=$(cat "$work/port") "$out/runner.test" -test.run TestAll \
    -shim-path "$root/tlsj-bogo/bogo/shim" -shim-config "$root/tlsj-bogo/bogo/config.json" \
    -num-workers 2 -pipe -allow-unimplemented -json-output "$results" "$@") > "$root/target/bogo/runner.log" 2>&1
runner=$?
set -e
if [[ ! -s $results ]]; then
    tail -30 "$root/target/bogo/runner.log" >&2
    echo "bogo: the runner wrote no results (exit $runner)" >&2
    exit 1
fi
grep '^skip: ' "$work/daemon.log" | sed 's/^skip: //; s/ in .*//' | sort | uniq -c | sort -rn > "$root/target/bogo/skipped.txt" || true
set +e
java -cp "$cp" org.tlsj.bogo.BogoResults "$results"
status=$?
set -e
echo "bogo: $(( $(date +%s) - start )) s; details in target/bogo/runner.log, results.json, skipped.txt (why tests were skipped)"
exit "$status"
