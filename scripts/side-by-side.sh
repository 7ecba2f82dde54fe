#!/usr/bin/env bash
# Runs each argument as a shell command, all at once, and prints each one's output whole once it
# ends, in the order given, so their lines never interleave. Exits non-zero when any command
# fails, naming it. The type checks and the builds use it: tsc runs on one core, and one after
# another they left the second core of a two-core machine idle for a minute or more.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pids=()
for i in $(seq 1 $#); do
  bash -c "${!i}" >"$out/$i" 2>&1 &
  pids+=($!)
done
status=0
for i in $(seq 1 $#); do
  failed=0
  wait "${pids[$((i - 1))]}" || failed=1
  cat "$out/$i"
  if [ $failed -eq 1 ]; then
    echo "failed: ${!i}"
    status=1
  fi
done
exit $status
