// The protocols `blackhole sim --protocol NAME` can run, with the simulator's timing for each.
// A registered protocol is a closure over its typed spec, so callers need not know its message
// and record types.

import { createRaftCore, type RaftParams } from '../protocols/raft/core.js'
import type { RaftMessage } from '../protocols/raft/messages.js'
import type { RaftRecord } from '../protocols/raft/records.js'
import type { CoreFactory } from '../protocols/core.js'
import { createPbftCore, type PbftParams } from '../protocols/pbft/core.js'
import type { PbftMessage } from '../protocols/pbft/messages.js'
import type { PbftRecord } from '../protocols/pbft/records.js'
import { byzantineReplicas, type PbftByzantineBehaviour } from '../protocols/pbft/adversaries.js'
import { decodeRequest } from '../app/kv-codec.js'
import { MUTANTS } from './mutants.js'
import { BYZANTINE_SCENARIOS, SCENARIOS, isByzantineScenario, scenarioNodes, type ScenarioName } from './scenarios.js'
import { runSimulation, type SimReport, type SimulationOptions } from './simulation.js'
import type { ProtocolSpec } from './types.js'

/** One tick = 50 ms of virtual time: Raft's defaults (10-tick election, 1-tick heartbeat) give 0.5-1 s elections. */
export const SIM_TICK_US = 50_000

export function raftSpec(params: Partial<RaftParams> = {}, name = 'raft', factory: CoreFactory<RaftMessage, RaftRecord> = createRaftCore(params)): ProtocolSpec<RaftMessage, RaftRecord> {
  return {
    name,
    factory,
    tickUs: SIM_TICK_US,
    // A 0.5x clock doubles the 0.5-1 s election timeout; pre-vote rounds and split votes add a few more.
    recoveryUs: 3_000_000
  }
}

/**
 * PBFT in the simulator: 50 ms ticks; the request and view-change timers start at 0.5 s and back
 * off to 2 s; checkpoints every 16 sequences (so runs exercise garbage collection and state
 * transfer); sweeps at n = 4 and n = 7 (f = 1 and 2), every scenario and every Byzantine behaviour.
 */
export function pbftSpec(params: Partial<PbftParams> = {}, name = 'pbft'): ProtocolSpec<PbftMessage, PbftRecord> {
  return {
    name,
    factory: createPbftCore({ checkpointInterval: 16, logWindow: 48, maxViewChangeTicks: 20, ...params }),
    tickUs: SIM_TICK_US,
    // After the faults heal a view change may still be backing off (up to 2 s at a 1x clock, 4 s
    // at 0.5x), and with f Byzantine replicas up to f primaries in a row may be faulty.
    recoveryUs: 5_000_000,
    snapshots: 'checkpoint',
    scenarios: [...SCENARIOS, ...BYZANTINE_SCENARIOS],
    sizes: [4, 7],
    adversaries: (scenario, nodes, rng) => {
      if (!isByzantineScenario(scenario)) return undefined
      const behaviour = scenario.slice('byzantine-'.length) as PbftByzantineBehaviour
      return byzantineReplicas(behaviour, nodes, rng, censoredClient)
    }
  }
}

/** The client the censoring primaries single out. */
function censoredClient(payload: Uint8Array): boolean {
  const request = decodeRequest(payload)
  return request.ok && request.value.session?.client === 'c0'
}

export type SimRun = Omit<SimulationOptions<never, never>, 'protocol' | 'adversaries'>

export interface RegisteredProtocol {
  readonly name: string
  readonly description: string
  /** Scenarios a sweep runs, and the cluster sizes it runs each at. */
  readonly scenarios: readonly ScenarioName[]
  sizes(scenario: ScenarioName): readonly number[]
  simulate(options: SimRun): SimReport
}

function register<M, S>(spec: ProtocolSpec<M, S>, description: string): RegisteredProtocol {
  return {
    name: spec.name,
    description,
    scenarios: spec.scenarios ?? SCENARIOS,
    sizes: (scenario) => spec.sizes ?? [scenarioNodes(scenario)],
    simulate: (options) => runSimulation<M, S>({ ...options, protocol: spec })
  }
}

const REGISTRY: ReadonlyMap<string, () => RegisteredProtocol> = new Map([
  ['raft', () => register(raftSpec(), 'Raft with pre-vote, check-quorum, ReadIndex reads, snapshots')],
  ['pbft', () => register(pbftSpec(), 'PBFT with signatures, checkpoints, view changes, a fast path, state transfer')],
  // The node once lost liveness in a view change under load with maxInFlight 2 (bench/README.md):
  // this variant lets sweeps look for the schedule; 80 seeds of leader-crash found none.
  ...Object.entries(MUTANTS).map(([name, mutant]): [string, () => RegisteredProtocol] => [name, () => register(raftSpec({}, name, mutant({})), `Raft with a planted bug (${name})`)])
])

/** Protocols of the product; the rest of the registry are mutants for testing the checkers. */
export const PRODUCT_PROTOCOLS: readonly string[] = ['raft', 'pbft']
export const SIM_PROTOCOLS: readonly string[] = [...REGISTRY.keys()]

export function simProtocol(name: string): RegisteredProtocol | undefined {
  return REGISTRY.get(name)?.()
}
