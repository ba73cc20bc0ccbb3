// The protocols `blackhole sim --protocol NAME` can run, with the simulator's timing for each.
// A registered protocol is a closure over its typed spec, so callers need not know its message
// and record types.

import { createRaftCore, type RaftParams } from '../protocols/raft/core.js'
import type { RaftMessage } from '../protocols/raft/messages.js'
import type { RaftRecord } from '../protocols/raft/records.js'
import type { CoreFactory } from '../protocols/core.js'
import { MUTANTS } from './mutants.js'
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

export type SimRun = Omit<SimulationOptions<never, never>, 'protocol' | 'adversaries'>

export interface RegisteredProtocol {
  readonly name: string
  readonly description: string
  simulate(options: SimRun): SimReport
}

function register<M, S>(spec: ProtocolSpec<M, S>, description: string): RegisteredProtocol {
  return { name: spec.name, description, simulate: (options) => runSimulation<M, S>({ ...options, protocol: spec }) }
}

const REGISTRY: ReadonlyMap<string, () => RegisteredProtocol> = new Map([
  ['raft', () => register(raftSpec(), 'Raft with pre-vote, check-quorum, ReadIndex reads, snapshots')],
  ...Object.entries(MUTANTS).map(([name, mutant]): [string, () => RegisteredProtocol] => [name, () => register(raftSpec({}, name, mutant({})), `Raft with a planted bug (${name})`)])
])

/** Protocols of the product; the rest of the registry are mutants for testing the checkers. */
export const PRODUCT_PROTOCOLS: readonly string[] = ['raft']
export const SIM_PROTOCOLS: readonly string[] = [...REGISTRY.keys()]

export function simProtocol(name: string): RegisteredProtocol | undefined {
  return REGISTRY.get(name)?.()
}
