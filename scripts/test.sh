#!/usr/bin/env bash
# npm test: lint (seconds), then the type checks beside the tests rather than before them. The
# tests leave a core idle now and then (a worker waiting on a child process, on PostgreSQL or on a
# race test's held transaction, the last files of a phase); the type checks, at the lowest CPU
# priority, use those gaps. On two cores the tests keep both busy about 95 % of the time, so
# this saves the gaps only: the checks' CPU time is still spent.
# The tests' output streams as they run; the type checks' is printed whole once both have ended.
# Arguments go to vitest (`npm test -- path/to/file.test.ts`).
set -uo pipefail
cd "$(dirname "$0")/.."
npm run lint || exit 1
typecheck=$(mktemp)
trap 'rm -f "$typecheck"' EXIT
nice -n 19 npm run typecheck >"$typecheck" 2>&1 &
typing=$!
node_modules/.bin/vitest run "$@"
tests=$?
wait "$typing"
typed=$?
cat "$typecheck"
[ $typed -eq 0 ] || echo "failed: npm run typecheck"
[ $tests -eq 0 ] || echo "failed: vitest run"
[ $tests -eq 0 ] && [ $typed -eq 0 ]
