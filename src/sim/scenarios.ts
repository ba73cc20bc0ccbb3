// Named fault scenarios. Each turns a seed into a schedule of faults inside the fault window
// [startUs, healUs); at healUs every scenario ends with `calm` (network healed, loss off, every
// node restarted) so the liveness checker can ask that commits resume within a bound. Clock
// skew is the exception: rates stay skewed after healUs, since a protocol must make progress
// with clocks that tick at different speeds.

import { CALM_LINK, type LinkProfile } from './network.js'
import type { SimRng } from './rng.js'
import type { CrashLoss, Fault, TimedFault } from './types.js'

/** The scenarios a sweep runs (`blackhole sim` without --scenario, and CI). */
export const SCENARIOS = ['happy', 'lossy', 'partition', 'leader-crash', 'churn', 'skew', 'combined'] as const
/** Scenarios run only when named: narrow, aimed at one family of bugs. */
export const EXTRA_SCENARIOS = ['figure8'] as const
/**
 * Byzantine scenarios: f = floor((n - 1) / 3) nodes are replaced by adversaries of the named kind
 * (the protocol supplies them: ProtocolSpec.adversaries), under light loss, partitions and crashes
 * so that view changes happen while they act. Only protocols that tolerate Byzantine nodes run them.
 */
export const BYZANTINE_SCENARIOS = [
  'byzantine-silent',
  'byzantine-equivocate',
  'byzantine-replay',
  'byzantine-forge',
  'byzantine-censor',
  'byzantine-view-change'
] as const
export type ByzantineScenario = (typeof BYZANTINE_SCENARIOS)[number]
export type ScenarioName = (typeof SCENARIOS)[number] | (typeof EXTRA_SCENARIOS)[number] | ByzantineScenario

export function isScenario(name: string): name is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(name) || (EXTRA_SCENARIOS as readonly string[]).includes(name) || isByzantineScenario(name)
}

export function isByzantineScenario(name: string): name is ByzantineScenario {
  return (BYZANTINE_SCENARIOS as readonly string[]).includes(name)
}

/** Cluster size a scenario is written for (5 unless said otherwise). */
export function scenarioNodes(name: ScenarioName): number {
  if (isByzantineScenario(name)) return 4
  return name === 'figure8' ? 3 : 5
}

export const SCENARIO_DESCRIPTIONS: Readonly<Record<ScenarioName, string>> = {
  happy: 'no faults: calm links, equal clocks',
  lossy: 'message loss, duplication and reordering at changing rates',
  partition: 'changing partitions: majority/minority, isolated node, bridge node, asymmetric one-way cuts',
  'leader-crash': 'the current leader crashes repeatedly and restarts from its disk',
  churn: 'random nodes crash and restart often, some long enough to need a snapshot',
  skew: 'clocks tick at different and changing rates (0.5x to 2x)',
  combined: 'all of the above at once, at lower intensity',
  figure8:
    '3 nodes, slow disks, a nemesis that isolates new leaders and leaders taking writes, and crashes a leader at its first commit: the schedules of the Raft paper\'s Figure 8',
  'byzantine-silent': 'f replicas never say anything',
  'byzantine-equivocate': 'the first f primaries send different pre-prepares to different replicas (trying the fast path too) and vote for everything',
  'byzantine-replay': 'f replicas replay old messages, their own and others\', to random peers',
  'byzantine-forge': 'f replicas forge signatures: tampered messages, messages in others\' names, certificates with forged votes',
  'byzantine-censor': 'the first f primaries never order the requests of one client',
  'byzantine-view-change': 'f replicas send conflicting view changes and start view changes on their own'
}

export interface ScenarioWindow {
  readonly nodes: number
  readonly startUs: number
  readonly healUs: number
}

export interface ScenarioPlan {
  readonly links: LinkProfile
  readonly clockRates: readonly number[]
  /** Per node disk write latency range, µs; default [200, 3000] for every node. */
  readonly diskUs?: readonly (readonly [number, number])[]
  readonly faults: readonly TimedFault[]
}

const SECOND = 1_000_000

export function planScenario(name: ScenarioName, rng: SimRng, window: ScenarioWindow): ScenarioPlan {
  const rates = new Array<number>(window.nodes).fill(1)
  const faults: TimedFault[] = []
  let links: LinkProfile = CALM_LINK
  let diskUs: [number, number][] | undefined
  switch (name) {
    case 'happy':
      break
    case 'lossy':
      links = { ...CALM_LINK, baseUs: 1000, jitterUs: 1000 }
      faults.push(...lossFaults(rng, window, 0.3))
      break
    case 'partition':
      faults.push(...partitionFaults(rng, window, 0.5, 3))
      break
    case 'leader-crash':
      faults.push(...crashFaults(rng, window, 'leader', 1, 3, 3))
      faults.push({ at: window.startUs, fault: { ...STALK_MILD } })
      break
    case 'churn':
      faults.push(...crashFaults(rng, window, 'random', 0.2, 1.5, 4))
      break
    case 'skew':
      for (let i = 0; i < rates.length; i++) rates[i] = skewedRate(rng)
      faults.push(...clockFaults(rng, window))
      break
    case 'combined':
      links = { ...CALM_LINK, baseUs: 1000, jitterUs: 1000 }
      for (let i = 0; i < rates.length; i++) rates[i] = skewedRate(rng)
      faults.push(
        ...lossFaults(rng, window, 0.15),
        ...partitionFaults(rng, window, 1, 5),
        ...crashFaults(rng, window, 'leader', 2, 6, 3),
        ...crashFaults(rng, window, 'random', 1, 4, 4),
        ...clockFaults(rng, window)
      )
      faults.push({ at: window.startUs, fault: { ...STALK_MILD, crashFirstCommit: 0.05 } })
      break
    case 'byzantine-silent':
    case 'byzantine-equivocate':
    case 'byzantine-replay':
    case 'byzantine-forge':
    case 'byzantine-censor':
    case 'byzantine-view-change':
      // The adversaries are the main fault; light loss, partitions and primary crashes make view
      // changes happen while they act.
      links = { ...CALM_LINK, baseUs: 1000, jitterUs: 1000 }
      faults.push(...lossFaults(rng, window, 0.05), ...partitionFaults(rng, window, 2, 6), ...crashFaults(rng, window, 'leader', 3, 8, 2))
      break
    case 'figure8':
      // Slow disks on most nodes widen the window in which a new leader's own entries are not
      // yet durable while followers have acknowledged older ones; WAN-like link spread makes
      // replication partial.
      links = { ...CALM_LINK, baseUs: 2000, spread: 4, jitterUs: 500 }
      diskUs = rates.map(() => (rng.chance(0.6) ? [1000, 50_000] : [200, 3000]))
      faults.push({ at: window.startUs, fault: { type: 'stalk', isolateElected: 0.5, crashElected: 0, isolateProposer: 0.3, crashFirstCommit: 0.8, crashDelayUs: 20_000, isolateUs: 600_000, crashDownUs: 300_000 } })
      break
  }
  faults.sort((a, b) => a.at - b.at) // stable: equal times keep generation order
  faults.push({ at: window.healUs, fault: { type: 'calm' } })
  return diskUs === undefined ? { links, clockRates: rates, faults } : { links, clockRates: rates, faults, diskUs }
}

/** The reactive nemesis at a low rate, for the general scenarios. */
const STALK_MILD: Fault & { type: 'stalk' } = {
  type: 'stalk',
  isolateElected: 0.1,
  crashElected: 0.1,
  isolateProposer: 0.01,
  crashFirstCommit: 0.1,
  crashDelayUs: 20_000,
  isolateUs: 1_500_000,
  crashDownUs: 1_000_000
}

/** Times in the window, gaps uniform in [minS, maxS] seconds. */
function times(rng: SimRng, window: ScenarioWindow, minS: number, maxS: number): number[] {
  const out: number[] = []
  let t = window.startUs + Math.floor(rng.next() * maxS * SECOND)
  while (t < window.healUs) {
    out.push(t)
    t += Math.floor((minS + rng.next() * (maxS - minS)) * SECOND)
  }
  return out
}

function lossFaults(rng: SimRng, window: ScenarioWindow, maxDrop: number): TimedFault[] {
  return times(rng, window, 1, 4).map((at) => ({
    at,
    fault: { type: 'loss', drop: rng.next() * maxDrop, duplicate: rng.next() * 0.1, reorder: 0.05 + rng.next() * 0.2, reorderUs: 5000 + rng.int(0, 25_000) }
  }))
}

function partitionFaults(rng: SimRng, window: ScenarioWindow, minS: number, maxS: number): TimedFault[] {
  const n = window.nodes
  const all = Array.from({ length: n }, (_, i) => i)
  return times(rng, window, minS, maxS).flatMap((at): TimedFault[] => {
    const kind = rng.int(0, 4)
    const shuffled = rng.shuffle(all.slice())
    let fault: Fault
    switch (kind) {
      case 0: {
        // Majority / minority.
        const cut = rng.int(1, Math.floor((n - 1) / 2))
        fault = { type: 'partition', groups: [shuffled.slice(0, cut), shuffled.slice(cut)] }
        break
      }
      case 1:
        // One node isolated.
        fault = { type: 'partition', groups: [shuffled.slice(1)] }
        break
      case 2: {
        // Bridge: two halves that only one node can reach both of (the leader-flapping classic).
        // shuffled[0] is the bridge: in neither half, none of its links cut.
        const half = Math.floor((n - 1) / 2)
        const left = shuffled.slice(1, 1 + half)
        const right = shuffled.slice(1 + half)
        const links: [number, number][] = []
        for (const a of left) for (const b of right) links.push([a, b], [b, a])
        fault = { type: 'cut', links }
        break
      }
      case 3: {
        // Asymmetric: a few one-way cuts.
        const links: [number, number][] = []
        const count = rng.int(1, n)
        for (let i = 0; i < count; i++) {
          const from = rng.int(0, n - 1)
          let to = rng.int(0, n - 2)
          if (to >= from) to++
          links.push([from, to])
        }
        fault = { type: 'cut', links }
        break
      }
      default:
        fault = { type: 'heal' }
    }
    // A new partition replaces the previous one rather than piling up cuts.
    return fault.type === 'cut' ? [{ at, fault: { type: 'heal' } }, { at, fault }] : [{ at, fault }]
  })
}

function crashFaults(rng: SimRng, window: ScenarioWindow, target: 'leader' | 'random', minS: number, maxS: number, maxDownS: number): TimedFault[] {
  const losses: CrashLoss[] = ['keep-unsynced', 'lose-unsynced', 'torn']
  return times(rng, window, minS, maxS).map((at) => ({
    at,
    fault: { type: 'crash', target, downUs: Math.floor((0.1 + rng.next() * maxDownS) * SECOND), loss: rng.pick(losses) }
  }))
}

function skewedRate(rng: SimRng): number {
  return Math.pow(2, rng.next() * 2 - 1) // log-uniform in [0.5, 2]
}

function clockFaults(rng: SimRng, window: ScenarioWindow): TimedFault[] {
  return times(rng, window, 1, 5).map((at) => ({ at, fault: { type: 'clock', node: rng.int(0, window.nodes - 1), rate: skewedRate(rng) } }))
}
