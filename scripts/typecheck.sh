#!/usr/bin/env bash
# Type-checks the three TypeScript programs (the Node packages, the web app, the browser tests)
# side by side: tsc uses one core, and one after another they took about 70 s of a two-core
# machine's test run. Each program's output is printed whole once it ends, so errors never
# interleave; the exit status is non-zero when any program has an error.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
programs=(tsconfig.node.json packages/web e2e)
pids=()
for i in "${!programs[@]}"; do
  npx tsc -p "${programs[$i]}" >"$out/$i" 2>&1 &
  pids+=($!)
done
status=0
for i in "${!programs[@]}"; do
  if ! wait "${pids[$i]}"; then
    echo "tsc -p ${programs[$i]}: errors"
    status=1
  fi
  cat "$out/$i"
done
exit $status
