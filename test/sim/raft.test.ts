// Raft in the simulator: every scenario over many seeds must pass every checker, runs replay
// exactly, and Raft with a planted bug must be caught within a bounded number of seeds.
//
// CI keeps this part under ~4 minutes on two cores: SIM_SEEDS (default 1000) seeds per scenario
// of SIM_DURATION (default 12) virtual seconds. scripts/nightly-sim.sh runs more and longer.

import assert from 'node:assert/strict'
import { runSweep } from '../../src/sim/sweep.js'
import { SCENARIOS } from '../../src/sim/scenarios.js'
import { simProtocol } from '../../src/sim/protocols.js'
import { replayCommand } from '../../src/sim/cli.js'
import type { SimReport } from '../../src/sim/simulation.js'

const SECOND = 1_000_000
const SEEDS = Number(process.env.SIM_SEEDS ?? 1000)
const DURATION_US = Number(process.env.SIM_DURATION ?? 12) * SECOND
const JOBS = Number(process.env.SIM_JOBS ?? 2)

function describeFailure(report: SimReport): string {
  return `seed ${report.seed}: ${report.failures.map((f) => `${f.check}: ${f.detail}`).join('; ')}\n        replay: ${replayCommand(report)}`
}

describe('raft in the simulator', function () {
  this.timeout(600_000)

  it('replays a seed exactly: same seed, same trace hash; different seeds, different traces', () => {
    const raft = simProtocol('raft')!
    for (const scenario of ['happy', 'combined'] as const) {
      const a = raft.simulate({ scenario, seed: 2024, durationUs: DURATION_US })
      const b = raft.simulate({ scenario, seed: 2024, durationUs: DURATION_US })
      assert.equal(a.traceHash, b.traceHash, `${scenario}: one seed, two traces`)
      assert.equal(a.stats.events, b.stats.events)
      const hashes = new Set([1, 2, 3, 4, 5].map((seed) => raft.simulate({ scenario, seed, durationUs: DURATION_US }).traceHash))
      assert.equal(hashes.size, 5, `${scenario}: seeds collide`)
    }
  })

  for (const scenario of SCENARIOS) {
    it(`${scenario}: ${SEEDS} seeds pass agreement, validity, durability, linearizability and liveness`, async () => {
      const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1)
      const reports = await runSweep({ protocol: 'raft', scenario, durationUs: DURATION_US }, seeds, JOBS)
      const failed = reports.filter((r) => !r.ok)
      const unknown = reports.filter((r) => r.linearizability === 'unknown').map((r) => r.seed)
      const acked = reports.reduce((n, r) => n + r.stats.writesAcked, 0)
      console.log(`      ${reports.length - failed.length}/${reports.length} passed, ${acked} writes acknowledged${unknown.length > 0 ? `, linearizability unknown for seeds ${unknown.join(' ')}` : ''}`)
      assert.deepEqual(failed.map(describeFailure), [])
      assert.ok(acked > SEEDS * 10, 'the workload barely ran')
    })
  }
})
