// Shapes shared across the simulator: client traffic, faults, adversaries, reports.

import type { Core, CoreError, CoreFactory, Crypto, Input, NodeId, Rng } from '../protocols/core.js'
import type { KvQuery, KvResult } from '../app/kv-ops.js'
import type { ScenarioName } from './scenarios.js'

/** A protocol the simulator can run: its core factory and how long one of its ticks lasts. */
export interface ProtocolSpec<M, S> {
  readonly name: string
  readonly factory: CoreFactory<M, S>
  /** Virtual microseconds per tick at clock rate 1 (a node with rate r ticks every tickUs / r). */
  readonly tickUs: number
  /** Upper bound on how long the protocol needs to elect a leader and commit once the network is calm, µs. */
  readonly recoveryUs: number
  /**
   * Where app snapshots come from: 'periodic' (default: the host snapshots every so many applied
   * entries and tells the core, Raft) or 'checkpoint' (only when a commit effect carries
   * `checkpoint`, answered with the state digest; received snapshots are installed only when
   * they hash to the core's `snapshotWanted` digest: PBFT).
   */
  readonly snapshots?: 'periodic' | 'checkpoint'
  /** Scenarios a sweep runs (default SCENARIOS). */
  readonly scenarios?: readonly ScenarioName[]
  /** Cluster sizes a sweep runs each scenario at (default: the scenario's own, scenarioNodes). */
  readonly sizes?: readonly number[]
  /**
   * The Byzantine nodes of a scenario (by index), for protocols that tolerate them. Byzantine
   * scenarios need it; it may return undefined for the others.
   */
  readonly adversaries?: (scenario: ScenarioName, nodes: number, rng: Rng) => ReadonlyMap<number, Adversary<M, S>> | undefined
}

export type ClientRequest =
  | { readonly kind: 'write'; readonly opId: number; readonly client: number; readonly seq: number; readonly payload: Uint8Array }
  | { readonly kind: 'read'; readonly opId: number; readonly client: number; readonly query: KvQuery }

export type ClientResponse =
  | { readonly ok: true; readonly opId: number; readonly result: KvResult; readonly index: number }
  | { readonly ok: false; readonly opId: number; readonly error: CoreError }

/** What happens to a crashing node's persist records that were not acknowledged yet. */
export type CrashLoss =
  /** They all reached the disk; only the acknowledgements were lost. */
  | 'keep-unsynced'
  /** None reached the disk: the node restarts from exactly the acknowledged records. */
  | 'lose-unsynced'
  /** A random prefix of them reached the disk (a torn write of the queue). */
  | 'torn'

export type CrashTarget = number | 'leader' | 'random'

export type Fault =
  /** Nodes in different groups cannot reach each other; nodes in no group are isolated. */
  | { readonly type: 'partition'; readonly groups: readonly (readonly number[])[] }
  /** Cut single directions of links (asymmetric partitions); adds to the current cuts. */
  | { readonly type: 'cut'; readonly links: readonly (readonly [number, number])[] }
  | { readonly type: 'heal' }
  /** Partition `target` (resolved when the fault fires) together with `companions` random others away from the rest. */
  | { readonly type: 'isolate'; readonly target: CrashTarget; readonly companions: number }
  | { readonly type: 'loss'; readonly drop: number; readonly duplicate: number; readonly reorder: number; readonly reorderUs: number }
  | { readonly type: 'crash'; readonly target: CrashTarget; readonly downUs: number; readonly loss: CrashLoss }
  | { readonly type: 'clock'; readonly node: number; readonly rate: number }
  /**
   * A reactive nemesis, from now until `calm`. It aims at the moments the random faults almost
   * never hit: just after an election, while a new leader is still bringing older entries up to
   * date (Figure 8 of the Raft paper), and just after a leader takes a write (which leaves the
   * entry on that leader alone: the raw material of diverging logs). Probabilities per event:
   * a new leader is isolated at once (`isolateElected`) or crashed within `crashDelayUs`
   * (`crashElected`); a leader taking a write is isolated at once (`isolateProposer`); a new
   * leader is crashed right after its first commit (`crashFirstCommit`), losing what it had not
   * synced (the moment a leader commits entries of earlier leaders).
   * Isolations last `isolateUs`, crashes `crashDownUs` (each drawn up to that bound).
   */
  | {
      readonly type: 'stalk'
      readonly isolateElected: number
      readonly crashElected: number
      readonly isolateProposer: number
      readonly crashFirstCommit: number
      readonly crashDelayUs: number
      readonly isolateUs: number
      readonly crashDownUs: number
    }
  /** Restore the links of one node (the end of a `strike` isolation). */
  | { readonly type: 'reconnect'; readonly node: number }
  /** Crash or isolate `node` now if it is still in incarnation `incarnation` (scheduled by `stalk`). */
  | { readonly type: 'strike'; readonly node: number; readonly incarnation: number; readonly downUs: number; readonly isolate: boolean; readonly loss: CrashLoss }
  /** The end of the fault window: heal the network, stop loss, restart every crashed node. */
  | { readonly type: 'calm' }

export interface TimedFault {
  readonly at: number
  readonly fault: Fault
}

/** An adversarial node: gets the node's inputs, produces arbitrary messages (`to: 'all'` = broadcast). */
export type Adversary<M, S> = (input: Input<M>, context: AdversaryContext<M, S>) => readonly Outgoing<M>[]

export interface Outgoing<M> {
  readonly to: NodeId | 'all'
  readonly message: M
}

export interface AdversaryContext<M, S> {
  readonly id: NodeId
  readonly peers: readonly NodeId[]
  readonly rng: Rng
  /** Virtual time, µs. */
  readonly now: number
  /** An honest core with this node's identity, for adversaries that run the protocol and tamper with it. */
  readonly honest: Core<M, S>
  /** This node's signing key (the only one it has: it cannot sign as anyone else). */
  readonly crypto: Crypto
}
