// The simulator tested on a toy protocol (fixed-leader.ts): determinism, the scenarios a
// leaderless-failover protocol can pass, and the checkers catching planted bugs.

import assert from 'node:assert/strict'
import { runSimulation, type SimReport, type SimulationOptions } from '../../src/sim/simulation.js'
import { honest, silent } from '../../src/sim/adversaries.js'
import type { ScenarioName } from '../../src/sim/scenarios.js'
import { fixedLeader, type ToyMessage, type ToyRecord } from './fixed-leader.js'
import type { Input } from '../../src/protocols/core.js'

const SECOND = 1_000_000

function run(options: Partial<SimulationOptions<ToyMessage, ToyRecord>> & { scenario: ScenarioName; seed: number }): SimReport {
  return runSimulation({ protocol: fixedLeader(), durationUs: 10 * SECOND, ...options })
}

/** Sweep seeds until one fails; returns it (and prints it, as a failing CI run would). */
function firstFailure(seeds: number, options: (seed: number) => SimReport): SimReport | undefined {
  for (let seed = 1; seed <= seeds; seed++) {
    const report = options(seed)
    if (!report.ok) {
      console.log(`      found by seed ${seed}: ${report.failures.map((f) => `${f.check}: ${f.detail}`).join('; ')}`)
      return report
    }
  }
  return undefined
}

describe('simulator (on a fixed-leader toy protocol)', () => {
  it('replays a seed exactly: the same seed gives the identical trace hash, other seeds differ', () => {
    for (const scenario of ['happy', 'combined'] as const) {
      const a = run({ scenario, seed: 42 })
      const b = run({ scenario, seed: 42 })
      assert.equal(a.traceHash, b.traceHash)
      assert.deepEqual({ ...a.stats, wallMs: 0, checkMs: 0 }, { ...b.stats, wallMs: 0, checkMs: 0 })
      const hashes = new Set([1, 2, 3, 4, 5].map((seed) => run({ scenario, seed }).traceHash))
      assert.equal(hashes.size, 5)
    }
  })

  for (const scenario of ['happy', 'lossy', 'skew'] as const) {
    it(`the toy passes ${scenario} (20 seeds): its leader never fails, so every checker must hold`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const report = run({ scenario, seed })
        assert.ok(report.ok, `seed ${seed}: ${JSON.stringify(report.failures)}`)
        assert.equal(report.linearizability, 'ok')
        assert.ok(report.stats.writesAcked > 20, `seed ${seed}: only ${report.stats.writesAcked} writes`)
      }
    })
  }

  it('catches stale reads: a protocol serving reads from local state fails linearizability', () => {
    const found = firstFailure(20, (seed) => run({ protocol: fixedLeader({ localReads: true }), scenario: 'lossy', seed }))
    assert.ok(found, 'no seed caught the stale reads')
    assert.ok(found.failures.some((f) => f.check === 'linearizability'))
    assert.ok(found.evidence.length > 0)
  })

  it('catches an entry no client proposed (validity)', () => {
    const report = run({ protocol: fixedLeader({ forgeEntry: true }), scenario: 'happy', seed: 1 })
    assert.deepEqual(report.failures.map((f) => f.check), ['validity'])
  })

  it('catches a leader that counts replicas before its own write is durable and loses it in a crash', () => {
    // The toy commits on follower acks alone; a leader crash that loses its unsynced writes lets
    // it reuse an index the followers already committed with another entry.
    const found = firstFailure(40, (seed) => run({ scenario: 'leader-crash', seed, durationUs: 12 * SECOND }))
    assert.ok(found, 'no seed caught the lost writes')
    // Whichever check trips first: the lost entry shows as a commit the leader cannot back
    // (contract), a different entry at a committed index (agreement), or a lost acknowledged write.
    assert.ok(found.failures.some((f) => ['agreement', 'durability', 'linearizability', 'contract'].includes(f.check)))
  })

  it('replaces a node with an adversary that sees its inputs and speaks for it', () => {
    const inputs: Input<ToyMessage>['type'][] = []
    const withHonestAdversary = run({ scenario: 'happy', seed: 3, adversaries: new Map([[2, honest<ToyMessage, ToyRecord>((input) => inputs.push(input.type))]]) })
    assert.ok(withHonestAdversary.ok, JSON.stringify(withHonestAdversary.failures))
    assert.ok(inputs.includes('tick') && inputs.includes('message'))
    // Two silent nodes of five: the leader still has its quorum of three.
    const silentTwo = run({ scenario: 'happy', seed: 3, adversaries: new Map([[3, silent()], [4, silent()]]) })
    assert.ok(silentTwo.ok, JSON.stringify(silentTwo.failures))
  })
})
