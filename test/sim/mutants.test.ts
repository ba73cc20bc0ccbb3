// The simulator catches bugs: Raft with a known bug put back in (src/sim/mutants.ts, test-only
// subclasses of the Raft core) must fail a checker within a bounded number of seeds. Each
// finding prints its seed and the command that replays it.

import assert from 'node:assert/strict'
import { runSweep } from '../../src/sim/sweep.js'
import { replayCommand } from '../../src/sim/cli.js'
import type { ScenarioName } from '../../src/sim/scenarios.js'
import type { SimReport } from '../../src/sim/simulation.js'

const SECOND = 1_000_000
const JOBS = Number(process.env.SIM_JOBS ?? 2)

/** Sweep seeds in chunks until one fails; undefined if none of the first `bound` does. */
async function firstFailure(protocol: string, scenario: ScenarioName, durationUs: number, bound: number): Promise<SimReport | undefined> {
  const chunk = 50
  for (let first = 1; first <= bound; first += chunk) {
    const seeds = Array.from({ length: Math.min(chunk, bound - first + 1) }, (_, i) => first + i)
    const failed = (await runSweep({ protocol, scenario, durationUs }, seeds, JOBS)).find((r) => !r.ok)
    if (failed !== undefined) {
      console.log(`      caught by seed ${failed.seed}: ${failed.failures.map((f) => `${f.check}: ${f.detail}`).join('; ')}`)
      console.log(`      replay: ${replayCommand(failed)}`)
      return failed
    }
  }
  return undefined
}

describe('the simulator catches Raft with a planted bug', function () {
  this.timeout(300_000)

  it('votes for candidates with stale logs (no §5.4.1 election restriction): caught in churn within 100 seeds', async () => {
    const found = await firstFailure('raft-mutant-vote-any-log', 'churn', 12 * SECOND, 100)
    assert.ok(found, 'no seed caught the missing up-to-date check')
    assert.ok(found.failures.some((f) => ['agreement', 'durability', 'linearizability'].includes(f.check)))
  })

  it('votes for candidates with stale logs: caught in combined within 100 seeds', async () => {
    const found = await firstFailure('raft-mutant-vote-any-log', 'combined', 12 * SECOND, 100)
    assert.ok(found, 'no seed caught the missing up-to-date check')
  })

  it('commits entries of earlier terms by counting replicas (Figure 8): caught in figure8 within 1000 seeds', async () => {
    // With a noop at the start of every term the unsafe window is narrow: it needs diverging
    // logs, a new leader whose own noop is not yet durable, and that leader's crash right after
    // its first commit. The figure8 scenario's nemesis aims at those moments.
    const found = await firstFailure('raft-mutant-commit-old-terms', 'figure8', 60 * SECOND, 1000)
    assert.ok(found, 'no seed caught commitment by counting of older-term entries')
    assert.ok(found.failures.some((f) => ['agreement', 'durability', 'linearizability'].includes(f.check)))
  })
})
