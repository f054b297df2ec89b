#!/bin/sh
# The suite (or the test files given) three times in a row while another process keeps one core busy: how
# CI's shared machines run it. Any failure here is a flaky test to fix, not to retry.
#   npm run test:load                                  the whole suite, three times
#   npm run test:load -- test/e2e/check-online.test.ts  only these files
set -e
npm run build
node -e 'for (;;) {}' &
busy=$!
trap 'kill "$busy"' EXIT
for run in 1 2 3; do
  echo "== run $run of 3, one core busy"
  npx vitest run "$@"
done
