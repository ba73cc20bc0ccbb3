#!/usr/bin/env bash
# Nightly simulation: far more seeds and longer runs than CI (test/sim/raft.test.ts runs 1000
# seeds x 12 virtual s per scenario; test/sim/pbft.test.ts 16 x 15 s per PBFT sweep). Each
# night starts at a different seed, so the nights together keep exploring new schedules; every
# failure prints its seed and the command that replays it exactly.
#
#   SEEDS=10000 DURATION=60 PBFT_SEEDS=1000 PBFT_DURATION=60 JOBS=<cores> FIRST_SEED=<from the date> scripts/nightly-sim.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SEEDS=${SEEDS:-10000}
DURATION=${DURATION:-60}
OUT=${OUT:-dist-sim}
DAY=$(( $(date +%s) / 86400 ))
FIRST_SEED=${FIRST_SEED:-$(( (DAY % 40000) * 100000 + 1 ))}
NODE=node_modules/.bin/node
JOBS_ARG=()
if [ -n "${JOBS:-}" ]; then JOBS_ARG=(--jobs "$JOBS"); fi

# Other parts of the tree may not compile at every moment; tsc still emits, and the simulator's
# own files are kept free of errors.
npx tsc -p tsconfig.json --outDir "$OUT" --tsBuildInfoFile "$OUT/.tsbuildinfo" >/dev/null || true

status=0
echo "nightly simulation: seeds $FIRST_SEED..$(( FIRST_SEED + SEEDS - 1 )), $DURATION virtual s each"
for scenario in happy lossy partition leader-crash churn skew combined figure8; do
  "$NODE" "$OUT/src/sim/main.js" --protocol raft --scenario "$scenario" --seeds "$SEEDS" \
    --first-seed "$FIRST_SEED" --duration "$DURATION" "${JOBS_ARG[@]}" || status=1
done

# PBFT: every scenario and every Byzantine behaviour, at n = 4 and n = 7 (f = 1 and 2), the
# issue's 1,000 seeds each (test/sim/pbft.test.ts runs 16 per sweep in CI).
PBFT_SEEDS=${PBFT_SEEDS:-1000}
PBFT_DURATION=${PBFT_DURATION:-$DURATION}
"$NODE" "$OUT/src/sim/main.js" --protocol pbft --seeds "$PBFT_SEEDS" \
  --first-seed "$FIRST_SEED" --duration "$PBFT_DURATION" "${JOBS_ARG[@]}" || status=1

# The checkers must still catch the planted bugs (a sweep that finds nothing here means the
# simulator lost its teeth, not that Raft got better).
for mutant in "raft-mutant-vote-any-log combined 200" "raft-mutant-commit-old-terms figure8 2000"; do
  set -- $mutant
  if "$NODE" "$OUT/src/sim/main.js" --protocol "$1" --scenario "$2" --seeds "$3" --duration "$DURATION" "${JOBS_ARG[@]}" >/tmp/nightly-mutant.$$ 2>&1; then
    echo "MUTANT NOT CAUGHT: $1 passed $3 seeds of $2"
    status=1
  else
    echo "mutant $1 caught: $(grep -m1 '^FAIL' /tmp/nightly-mutant.$$)"
  fi
  rm -f /tmp/nightly-mutant.$$
done
exit $status
