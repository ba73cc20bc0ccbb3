// One simulation run: N cores in one process on virtual time, driven by one seed.
//
// Everything that happens is an event in one queue (event-queue.ts), ordered by virtual time
// and then by scheduling order; every random choice comes from a stream of the seed (rng.ts).
// So a run is a pure function of (protocol, scenario, seed, duration): the trace hash proves it,
// and a failing seed replays exactly.
//
// Pieces: hosts (host.ts) run the cores and their KV apps; the network model (network.ts)
// carries messages; clients issue KV operations with timeouts and retries and record the
// history; the scenario (scenarios.ts) schedules faults; the checkers judge the run.

import { decodeRequest, encodeRequest, type Decoded } from '../app/kv-codec.js'
import type { KvOp, KvQuery, KvRequest } from '../app/kv-ops.js'
import type { KvOutcome } from '../app/kv-store.js'
import type { Applied } from '../app/state-machine.js'
import type { Commit, CoreStatus, Evidence, NodeId } from '../protocols/core.js'
import { assertNever } from '../protocols/core.js'
import { CommitLedger, type CheckFailure } from './checkers/agreement.js'
import { checkDurability, checkLiveness } from './checkers/end-of-run.js'
import { checkKvHistory, type KvVerdict } from './checkers/kv-linearizability.js'
import type { Budget } from './checkers/linearizability.js'
import { EventQueue } from './event-queue.js'
import type { SimOp } from './history.js'
import { SimHost, type HostWorld } from './host.js'
import { Network } from './network.js'
import { SimRng, STREAM } from './rng.js'
import { isByzantineScenario, planScenario, scenarioNodes, type ScenarioName, type ScenarioPlan } from './scenarios.js'
import { SimCrypto } from './crypto.js'
import { TraceHash, hashBytes } from './trace.js'
import type { Adversary, ClientRequest, ClientResponse, CrashLoss, Fault, ProtocolSpec } from './types.js'
import { ClientView, DEFAULT_WORKLOAD, describeOp, describeResult, planOperation, type WorkloadShape } from './workload.js'

export const DEFAULT_DURATION_US = 60_000_000

export interface SimulationOptions<M, S> {
  readonly protocol: ProtocolSpec<M, S>
  readonly scenario: ScenarioName
  readonly seed: number
  /** Virtual duration, µs (default 60 s). */
  readonly durationUs?: number
  readonly nodes?: number
  readonly clients?: number
  /** Mean client think time between operations, µs. */
  readonly thinkUs?: number
  /** Client timeout before retrying elsewhere, µs. */
  readonly clientTimeoutUs?: number
  readonly workload?: WorkloadShape
  /**
   * Nodes replaced by adversaries (by index). They are excluded from the checks. Default: the
   * protocol's adversaries for the scenario (ProtocolSpec.adversaries), none for most scenarios.
   */
  readonly adversaries?: ReadonlyMap<number, Adversary<M, S>>
  /** Budget of the linearizability search, per independent part. */
  readonly linearizability?: Budget
  /** Receives one line per event when set (verbose replays). */
  readonly trace?: (line: string) => void
  /** Overrides the scenario's fault plan (tests build their own). */
  readonly plan?: ScenarioPlan
}

export interface SimStats {
  readonly events: number
  readonly deliveries: number
  readonly dropped: number
  readonly virtualUs: number
  readonly wallMs: number
  readonly checkMs: number
  readonly commitIndex: number
  readonly opsCompleted: number
  readonly opsPending: number
  readonly writesAcked: number
  readonly crashes: number
  readonly snapshotsShipped: number
  readonly leaderChanges: number
  readonly linearizabilitySteps: number
  /** From the end of the faults to the first acknowledged write after it, µs (-1: none). */
  readonly recoveryUs: number
  /** Misbehaviour reported by honest nodes' cores, by kind (Byzantine scenarios: the adversaries were caught). */
  readonly evidence: Readonly<Record<string, number>>
  /** Reports of misbehaviour against honest nodes: false accusations (should be 0). */
  readonly evidenceAgainstHonest: number
}

export interface SimReport {
  readonly protocol: string
  readonly scenario: ScenarioName
  /** Cluster size. */
  readonly nodes: number
  readonly seed: number
  readonly durationUs: number
  readonly ok: boolean
  readonly failures: readonly CheckFailure[]
  readonly linearizability: KvVerdict['kind']
  readonly traceHash: string
  readonly stats: SimStats
  /** The history lines around a linearizability violation, for the report. */
  readonly evidence: readonly string[]
}

interface SimClient {
  readonly index: number
  readonly id: string
  seq: number
  readonly view: ClientView
  op: SimOp | undefined
  /** Bumped whenever a pending timeout/retry timer must be ignored. */
  token: number
  hint: number
}

const MS = 1000
const SECOND = 1_000_000

export class Simulation<M, S> implements HostWorld<M> {
  now = 0
  readonly queue = new EventQueue()
  readonly seed: number
  private readonly names: NodeId[]
  private readonly hosts: SimHost<M, S>[]
  private readonly honest: number[]
  private readonly network: Network
  private readonly faultRng: SimRng
  private readonly clientRng: SimRng
  private readonly clients: SimClient[] = []
  private readonly clientIds = new Map<string, number>()
  private readonly history: SimOp[] = []
  private readonly proposed = new Map<string, Uint8Array>()
  private readonly ledger: CommitLedger
  private readonly hash = new TraceHash()
  private readonly plan: ScenarioPlan
  private readonly durationUs: number
  private readonly healUs: number
  private readonly boundUs: number
  private readonly thinkUs: number
  private readonly clientTimeoutUs: number
  private readonly workload: WorkloadShape
  private order = 0
  private stopped = false
  private contractFailure: CheckFailure | undefined
  private indexAtBound = 0
  private deliveries = 0
  private dropped = 0
  private events = 0
  private crashes = 0
  private snapshotsShipped = 0
  private leaderChanges = 0
  private readonly evidenceCounts: Record<string, number> = {}
  private evidenceAgainstHonest = 0
  private lastLeader: string | undefined
  private stalking: (Fault & { type: 'stalk' }) | undefined
  /** Nodes that became leader and have not committed since (for the stalker's crashFirstCommit). */
  private readonly firstCommitPending: boolean[] = []
  private readonly traceLine: ((line: string) => void) | undefined

  constructor(private readonly options: SimulationOptions<M, S>) {
    this.seed = options.seed >>> 0
    const n = options.nodes ?? scenarioNodes(options.scenario)
    this.durationUs = options.durationUs ?? DEFAULT_DURATION_US
    this.boundUs = options.protocol.recoveryUs
    // Faults stop early enough that the bound, and then a catch-up period, fit before the end.
    const tailUs = this.boundUs + Math.max(2 * SECOND, this.boundUs / 2)
    this.healUs = Math.max(0, this.durationUs - tailUs)
    this.thinkUs = options.thinkUs ?? 60 * MS
    this.clientTimeoutUs = options.clientTimeoutUs ?? Math.max(500 * MS, options.protocol.recoveryUs / 4)
    this.workload = options.workload ?? DEFAULT_WORKLOAD
    this.traceLine = options.trace
    this.names = Array.from({ length: n }, (_, i) => `n${i}`)
    this.faultRng = new SimRng(this.seed, STREAM.faults)
    this.clientRng = new SimRng(this.seed, STREAM.clients)
    this.network = new Network(n, new SimRng(this.seed, STREAM.network))
    this.plan = options.plan ?? planScenario(options.scenario, new SimRng(this.seed, STREAM.scenario), { nodes: n, startUs: 500 * MS, healUs: this.healUs })
    this.network.setAllLinks(this.plan.links)
    this.ledger = new CommitLedger(this.names, this.proposed, this.hash)

    const idToIndex = new Map(this.names.map((name, i) => [name, i]))
    // Every node decodes the same payload objects: decode each once.
    const decoded = new WeakMap<Uint8Array, Decoded<KvRequest>>()
    const decode = (payload: Uint8Array): Decoded<KvRequest> => {
      let request = decoded.get(payload)
      if (request === undefined) decoded.set(payload, (request = decodeRequest(payload)))
      return request
    }
    const snapshotEvery = 40 + (this.seed % 41)
    const crypto = new SimCrypto(this.seed)
    const adversaries = options.adversaries ?? options.protocol.adversaries?.(options.scenario, n, new SimRng(this.seed, STREAM.adversary))
    if (adversaries === undefined && isByzantineScenario(options.scenario)) {
      throw new Error(`${options.protocol.name} does not tolerate Byzantine nodes: it has no adversaries for ${options.scenario}`)
    }
    this.hosts = this.names.map(
      (name, i) =>
        new SimHost<M, S>(
          i,
          name,
          this,
          options.protocol.factory,
          idToIndex,
          this.names,
          { diskUs: this.plan.diskUs?.[i] ?? [200, 3000], snapshotEvery, snapshots: options.protocol.snapshots ?? 'periodic', kv: { decode } },
          Math.round(options.protocol.tickUs / (this.plan.clockRates[i] ?? 1)),
          adversaries?.get(i),
          crypto.forNode(name)
        )
    )
    this.honest = this.hosts.filter((h) => h.adversary === undefined).map((h) => h.index)
    const tickRng = new SimRng(this.seed, STREAM.node)
    for (const host of this.hosts) this.queue.schedule(tickRng.int(1, host.tickPeriodUs), 'tick', host.index, -1, host.incarnation, undefined)

    const clientCount = options.clients ?? 5
    for (let i = 0; i < clientCount; i++) {
      const client: SimClient = { index: i, id: `c${i}`, seq: 0, view: new ClientView(), op: undefined, token: 0, hint: -1 }
      this.clients.push(client)
      this.clientIds.set(client.id, i)
      this.queue.schedule(this.clientRng.int(1, 20 * MS), 'client-next', i, -1, -1, undefined)
    }
    for (const { at, fault } of this.plan.faults) this.queue.schedule(at, 'fault', -1, -1, -1, fault)
    this.queue.schedule(this.healUs + this.boundUs, 'mark', -1, -1, -1, undefined)
  }

  run(): SimReport {
    const started = performance.now()
    const end = this.durationUs
    const queue = this.queue
    const hosts = this.hosts
    const hash = this.hash
    while (!this.stopped) {
      if (queue.peekTime() > end) break
      const event = queue.pop()!
      this.now = event.time
      this.events++
      switch (event.kind) {
        case 'deliver': {
          const host = hosts[event.node]!
          hash.mix(event.time, 1 | (event.node << 8) | (event.from << 16), event.seq)
          if (!host.up || this.network.isCut(event.from, event.node)) {
            this.dropped++
            break
          }
          this.deliveries++
          if (this.traceLine !== undefined) this.traceLine(`${this.clock()} ${this.names[event.from]} -> ${this.names[event.node]} ${brief(event.data)}`)
          host.step({ type: 'message', from: this.names[event.from]!, message: event.data as M })
          break
        }
        case 'tick': {
          const host = hosts[event.node]!
          if (event.incarnation !== host.incarnation) break
          hash.mix(event.time, 2 | (event.node << 8), 0)
          host.step({ type: 'tick' })
          if (host.incarnation === event.incarnation) this.queue.schedule(event.time + host.tickPeriodUs, 'tick', host.index, -1, host.incarnation, undefined)
          break
        }
        case 'persisted': {
          const host = hosts[event.node]!
          if (event.incarnation !== host.incarnation) break
          hash.mix(event.time, 3 | (event.node << 8), event.data as number)
          host.persisted(event.data as number)
          break
        }
        case 'snapshot': {
          const host = hosts[event.node]!
          hash.mix(event.time, 4 | (event.node << 8) | (event.from << 16), 0)
          if (!host.up || this.network.isCut(event.from, event.node)) break
          const shipped = event.data as { index: number; meta: Uint8Array; bytes: Uint8Array }
          this.deliveries++
          this.traceLine?.(`${this.clock()} ${this.names[event.from]} -> ${this.names[event.node]} app snapshot at ${shipped.index} (${shipped.bytes.length} bytes)`)
          host.snapshotArrived(event.from, shipped.index, shipped.meta, shipped.bytes)
          break
        }
        case 'client-request': {
          const host = hosts[event.node]!
          hash.mix(event.time, 5 | (event.node << 8) | (event.from << 16), 0)
          if (!host.up) break
          const request = event.data as ClientRequest
          host.clientRequest(request)
          const stalk = this.stalking
          const leads = host.status?.role === 'leader' || host.status?.role === 'primary'
          if (stalk !== undefined && request.kind === 'write' && leads && this.faultRng.chance(stalk.isolateProposer)) this.strike(event.node, stalk, true)
          break
        }
        case 'client-response':
          hash.mix(event.time, 6 | (event.node << 8), 0)
          this.clientResponse(this.clients[event.node]!, event.data as ClientResponse)
          break
        case 'client-timeout': {
          const client = this.clients[event.node]!
          if (event.data !== client.token || client.op === undefined) break
          hash.mix(event.time, 7 | (event.node << 8), 0)
          this.sendAttempt(client)
          break
        }
        case 'client-next':
          hash.mix(event.time, 8 | (event.node << 8), 0)
          this.startOperation(this.clients[event.node]!)
          break
        case 'fault':
          hash.mix(event.time, 9, 0)
          this.applyFault(event.data as Fault)
          break
        case 'restart': {
          const host = hosts[event.node]!
          if (event.incarnation !== host.incarnation) break
          hash.mix(event.time, 10 | (event.node << 8), 0)
          this.restart(host)
          break
        }
        case 'mark':
          this.indexAtBound = Math.max(0, ...this.honest.map((i) => hosts[i]!.appliedIndex))
          break
        default:
          assertNever(event.kind)
      }
      queue.release(event)
      if (this.ledger.failure !== undefined) this.stopped = true
    }
    const wallMs = performance.now() - started
    return this.finish(wallMs)
  }

  // -------------------------------------------------------------------------------------------
  // HostWorld

  send(from: number, to: number, message: M): void {
    const network = this.network
    const count = network.plan(from, to)
    if (count === 0) {
      this.dropped++
      return
    }
    const delays = network.delays
    for (let i = 0; i < count; i++) this.queue.schedule(this.now + delays[i]!, 'deliver', to, from, -1, message)
  }

  shipSnapshot(from: number, to: number, index: number, meta: Uint8Array, bytes: Uint8Array): void {
    this.snapshotsShipped++
    const count = this.network.plan(from, to)
    // Transfer time at ~100 MB/s on top of the link latency.
    const transferUs = Math.ceil(bytes.length / 100)
    for (let i = 0; i < count; i++) this.queue.schedule(this.now + this.network.delays[i]! + transferUs, 'snapshot', to, from, -1, { index, meta, bytes })
  }

  respond(_node: number, client: number, response: ClientResponse): void {
    const count = this.network.planClient()
    for (let i = 0; i < count; i++) this.queue.schedule(this.now + this.network.delays[i]!, 'client-response', client, -1, -1, response)
  }

  clientIndex(clientId: string): number | undefined {
    return this.clientIds.get(clientId)
  }

  onCommit(node: number, commit: Commit): void {
    if (this.hosts[node]!.adversary !== undefined) return
    this.hash.mix(commit.position, commit.entries.length, node)
    this.traceLine?.(`${this.clock()} ${this.names[node]} commits ${commit.position}..${commit.position + commit.entries.length - 1} (epoch ${commit.certificate.epoch})`)
    this.ledger.commit(node, commit, this.now)
    const stalk = this.stalking
    if (stalk !== undefined && this.firstCommitPending[node] === true) {
      this.firstCommitPending[node] = false
      if (this.faultRng.chance(stalk.crashFirstCommit)) {
        // Crash it before it syncs anything more, and reshuffle the network: every node the
        // stalker had isolated comes back, and a random minority of the others is cut off for a
        // while. Whoever was left behind with a diverging log now races for the next term.
        this.strike(node, stalk, false, 0, 'lose-unsynced')
        this.network.heal()
        const others = this.faultRng.shuffle(this.hosts.map((h) => h.index).filter((i) => i !== node))
        for (const other of others.slice(0, Math.floor((this.hosts.length - 1) / 2))) {
          this.network.isolate(other)
          this.queue.schedule(this.now + this.faultRng.int(1, stalk.isolateUs), 'fault', -1, -1, -1, { type: 'reconnect', node: other } satisfies Fault)
        }
      }
    }
  }

  onApplied(node: number, applied: Applied<KvOutcome>): void {
    this.ledger.applied(node, applied.index, applied.result)
  }

  onSnapshot(node: number, index: number, bytes: Uint8Array): void {
    this.ledger.snapshot(node, index, hashBytes(bytes))
  }

  onStatus(node: number, status: CoreStatus): void {
    if (status.role === 'leader' || status.role === 'primary') {
      const key = `${status.epoch}:${node}`
      if (key !== this.lastLeader) {
        this.lastLeader = key
        this.leaderChanges++
        this.traceLine?.(`${this.clock()} ${this.names[node]} leads epoch ${status.epoch}`)
        const stalk = this.stalking
        if (stalk !== undefined) {
          this.firstCommitPending[node] = true
          const roll = this.faultRng.next()
          if (roll < stalk.isolateElected) this.strike(node, stalk, true)
          else if (roll < stalk.isolateElected + stalk.crashElected) this.strike(node, stalk, false)
        }
      }
    }
  }

  /** Isolate `node` now (the event runs before any message it just sent arrives), or crash it soon. */
  private strike(
    node: number,
    stalk: Fault & { type: 'stalk' },
    isolate: boolean,
    delayUs = isolate ? 0 : this.faultRng.int(0, stalk.crashDelayUs),
    loss: CrashLoss = this.faultRng.pick(['keep-unsynced', 'lose-unsynced', 'torn'] as const)
  ): void {
    const strike: Fault = {
      type: 'strike',
      node,
      incarnation: this.hosts[node]!.incarnation,
      downUs: this.faultRng.int(1, isolate ? stalk.isolateUs : stalk.crashDownUs),
      isolate,
      loss
    }
    this.queue.schedule(this.now + delayUs, 'fault', -1, -1, -1, strike)
  }

  onEvidence(node: number, evidence: Evidence): void {
    if (this.hosts[node]!.adversary === undefined) {
      this.evidenceCounts[evidence.kind] = (this.evidenceCounts[evidence.kind] ?? 0) + 1
      const offender = this.names.indexOf(evidence.offender)
      if (offender >= 0 && this.hosts[offender]!.adversary === undefined) this.evidenceAgainstHonest++
    }
    this.traceLine?.(`${this.clock()} ${this.names[node]} reports ${evidence.kind} by ${evidence.offender}: ${evidence.detail}`)
  }

  violation(check: 'contract', node: number, detail: string): void {
    this.contractFailure ??= { check, detail: `${this.names[node]}: ${detail}` }
    this.stopped = true
  }

  // -------------------------------------------------------------------------------------------
  // Clients

  private startOperation(client: SimClient): void {
    const id = this.history.length
    const planned = planOperation(this.clientRng, this.workload, client.view, id)
    let payload: Uint8Array | undefined
    let seq = 0
    if (planned.path === 'log') {
      seq = ++client.seq
      payload = encodeRequest({ session: { client: client.id, seq }, op: planned.op })
      this.proposed.set(`${client.id}:${seq}`, payload)
    }
    const op: SimOp = {
      id,
      client: client.index,
      clientId: client.id,
      seq,
      path: planned.path,
      op: planned.op,
      payload,
      invoke: this.order++,
      invokeUs: this.now,
      ret: Infinity,
      retUs: Infinity,
      result: undefined,
      index: 0,
      attempts: 0
    }
    this.history.push(op)
    client.op = op
    this.sendAttempt(client)
  }

  private sendAttempt(client: SimClient): void {
    const op = client.op!
    op.attempts++
    const target = client.hint >= 0 ? client.hint : this.clientRng.pick(this.honest)
    client.token++
    this.queue.schedule(this.now + this.clientTimeoutUs, 'client-timeout', client.index, -1, -1, client.token)
    client.hint = -1 // a timeout means the hint may be stale; an answer sets it again
    const request: ClientRequest =
      op.path === 'log'
        ? { kind: 'write', opId: op.id, client: client.index, seq: op.seq, payload: op.payload! }
        : { kind: 'read', opId: op.id, client: client.index, query: op.op as KvQuery }
    this.traceLine?.(`${this.clock()} ${client.id} -> ${this.names[target]} ${describeOp(op.op)} (op ${op.id}, attempt ${op.attempts})`)
    const count = this.network.planClient()
    for (let i = 0; i < count; i++) this.queue.schedule(this.now + this.network.delays[i]!, 'client-request', target, client.index, -1, request)
  }

  private clientResponse(client: SimClient, response: ClientResponse): void {
    const op = client.op
    if (op === undefined || op.id !== response.opId) return // an answer to an earlier attempt of a finished op
    if (response.ok) {
      op.ret = this.order++
      op.retUs = this.now
      op.result = response.result
      op.index = response.index
      client.view.learn(op.op, response.result)
      client.op = undefined
      client.token++
      this.traceLine?.(`${this.clock()} ${client.id} <- ${describeResult(response.result)} at ${response.index} (op ${op.id})`)
      this.queue.schedule(this.now + Math.round(this.clientRng.exponential(this.thinkUs)), 'client-next', client.index, -1, -1, undefined)
      return
    }
    // Not the leader, no leader, no quorum: follow the hint if there is one, else back off and try elsewhere.
    const error = response.error
    const leader = error.code === 'NOT_LEADER' && error.leader !== undefined ? this.names.indexOf(error.leader) : -1
    client.hint = leader >= 0 && this.hosts[leader]!.adversary === undefined ? leader : -1
    client.token++
    const backoff = client.hint >= 0 ? this.clientRng.int(100, 2 * MS) : this.clientRng.int(10 * MS, 50 * MS)
    this.traceLine?.(`${this.clock()} ${client.id} <- ${error.code}${client.hint >= 0 ? ` (leader ${this.names[client.hint]})` : ''} (op ${op.id})`)
    this.queue.schedule(this.now + backoff, 'client-timeout', client.index, -1, -1, client.token)
  }

  // -------------------------------------------------------------------------------------------
  // Faults

  private applyFault(fault: Fault): void {
    this.traceLine?.(`${this.clock()} fault ${JSON.stringify(fault)}`)
    switch (fault.type) {
      case 'partition':
        this.network.partition(fault.groups)
        return
      case 'cut':
        for (const [from, to] of fault.links) this.network.cutLink(from, to)
        return
      case 'heal':
        this.network.heal()
        return
      case 'isolate': {
        const target = this.crashTarget(fault.target)
        if (target === undefined) return
        const others = this.faultRng.shuffle(this.hosts.map((h) => h.index).filter((i) => i !== target.index))
        const side = [target.index, ...others.slice(0, fault.companions)]
        this.network.partition([side, others.slice(fault.companions)])
        this.traceLine?.(`${this.clock()} isolated ${side.map((i) => this.names[i]).join(',')}`)
        return
      }
      case 'loss':
        this.network.setFaultRates(fault.drop, fault.duplicate, fault.reorder, fault.reorderUs)
        return
      case 'crash': {
        const target = this.crashTarget(fault.target)
        if (target === undefined) return
        this.crashes++
        target.crash(fault.loss, this.faultRng)
        this.traceLine?.(`${this.clock()} ${target.id} crashed (${fault.loss}), down for ${fault.downUs / MS} ms`)
        this.queue.schedule(this.now + fault.downUs, 'restart', target.index, -1, target.incarnation, undefined)
        return
      }
      case 'clock': {
        const host = this.hosts[fault.node]
        if (host !== undefined) host.tickPeriodUs = Math.round(this.options.protocol.tickUs / fault.rate)
        return
      }
      case 'stalk':
        this.stalking = fault
        return
      case 'reconnect':
        this.network.reconnect(fault.node)
        return
      case 'strike': {
        const host = this.hosts[fault.node]!
        if (this.stalking === undefined || !host.up || host.incarnation !== fault.incarnation) return
        if (fault.isolate) {
          this.network.isolate(fault.node)
          this.queue.schedule(this.now + fault.downUs, 'fault', -1, -1, -1, { type: 'reconnect', node: fault.node } satisfies Fault)
        } else {
          this.crashes++
          host.crash(fault.loss, this.faultRng)
          this.queue.schedule(this.now + fault.downUs, 'restart', host.index, -1, host.incarnation, undefined)
        }
        return
      }
      case 'calm':
        this.stalking = undefined
        this.network.heal()
        this.network.setFaultRates(0, 0, 0, 0)
        for (const host of this.hosts) if (!host.up) this.restart(host)
        return
      default:
        assertNever(fault)
    }
  }

  private crashTarget(target: number | 'leader' | 'random'): SimHost<M, S> | undefined {
    const up = this.honest.map((i) => this.hosts[i]!).filter((h) => h.up)
    if (target === 'random') return up.length === 0 ? undefined : this.faultRng.pick(up)
    if (target === 'leader') {
      let best: SimHost<M, S> | undefined
      let bestEpoch = -1
      for (const host of up) {
        const status = host.core?.status()
        if (status !== undefined && (status.role === 'leader' || status.role === 'primary') && status.epoch > bestEpoch) {
          best = host
          bestEpoch = status.epoch
        }
      }
      return best
    }
    const host = this.hosts[target]
    return host?.up === true ? host : undefined
  }

  private restart(host: SimHost<M, S>): void {
    host.restart()
    this.traceLine?.(`${this.clock()} ${host.id} restarted from ${host.durable.length} records, app at ${host.appliedIndex}`)
    this.queue.schedule(this.now + this.faultRng.int(1, host.tickPeriodUs), 'tick', host.index, -1, host.incarnation, undefined)
  }

  // -------------------------------------------------------------------------------------------
  // Checks

  private finish(wallMs: number): SimReport {
    const checkStarted = performance.now()
    const failures: CheckFailure[] = []
    if (this.ledger.failure !== undefined) failures.push(this.ledger.failure)
    if (this.contractFailure !== undefined) failures.push(this.contractFailure)
    const completedRun = !this.stopped
    const appliedByNode = this.honest.map((i) => this.hosts[i]!.appliedIndex)
    if (completedRun) {
      const durability = checkDurability(this.history, this.ledger, appliedByNode, this.honest.length, this.durationUs - SECOND)
      if (durability !== undefined) failures.push(durability)
      const liveness = checkLiveness(this.history, { healUs: this.healUs, boundUs: this.boundUs, indexAtBound: this.indexAtBound, appliedByNode, names: this.honest.map((i) => this.names[i]!) })
      if (liveness !== undefined) failures.push(liveness)
    }
    // Linearizability is checked even for a run stopped early: its history up to there is valid.
    const verdict = checkKvHistory(
      this.history.map((op) => ({ id: op.id, client: op.clientId, invoke: op.invoke, ret: op.ret, op: op.op, result: op.result?.type === 'error' ? undefined : op.result })),
      this.options.linearizability ?? { maxMillis: 10_000 }
    )
    const evidence: string[] = []
    if (verdict.kind === 'violation') {
      failures.push({ check: 'linearizability', detail: `keys ${verdict.keys.join(',')}: op ${verdict.stuck.id} (${verdict.stuck.client} ${describeOp(verdict.stuck.op)} -> ${describeResult(verdict.stuck.result)}) cannot be placed` })
      const keys = new Set(verdict.keys)
      for (const op of this.history) {
        if (!touches(op, keys)) continue
        evidence.push(`op ${op.id} ${op.clientId} [${op.invoke}, ${op.ret === Infinity ? '∞' : op.ret}] ${describeOp(op.op)} -> ${describeResult(op.result)}${op.index > 0 ? ` @${op.index}` : ''}`)
      }
    }
    const completed = this.history.filter((op) => op.result !== undefined).length
    return {
      protocol: this.options.protocol.name,
      scenario: this.options.scenario,
      nodes: this.names.length,
      seed: this.seed,
      durationUs: this.durationUs,
      ok: failures.length === 0,
      failures,
      linearizability: verdict.kind,
      traceHash: this.hash.digest(),
      evidence,
      stats: {
        events: this.events,
        deliveries: this.deliveries,
        dropped: this.dropped,
        virtualUs: this.now,
        wallMs,
        checkMs: performance.now() - checkStarted,
        commitIndex: this.ledger.length,
        opsCompleted: completed,
        opsPending: this.history.length - completed,
        writesAcked: this.history.filter((op) => op.path === 'log' && op.result !== undefined).length,
        crashes: this.crashes,
        snapshotsShipped: this.snapshotsShipped,
        leaderChanges: this.leaderChanges,
        linearizabilitySteps: verdict.steps,
        recoveryUs: this.recoveryTime(),
        evidence: { ...this.evidenceCounts },
        evidenceAgainstHonest: this.evidenceAgainstHonest
      }
    }
  }

  private recoveryTime(): number {
    let first = Infinity
    for (const op of this.history) if (op.path === 'log' && op.result !== undefined && op.retUs > this.healUs && op.retUs < first) first = op.retUs
    return first === Infinity ? -1 : first - this.healUs
  }

  private clock(): string {
    return `${(this.now / MS).toFixed(3).padStart(10)}ms`
  }
}

function touches(op: SimOp, keys: ReadonlySet<string>): boolean {
  const hit = (o: KvOp): boolean => {
    switch (o.type) {
      case 'put':
      case 'delete':
      case 'get':
      case 'cas':
        return keys.has(o.key)
      case 'range':
        return [...keys].some((k) => k.startsWith(o.prefix))
      case 'txn':
        return o.compare.some((c) => keys.has(c.key)) || [...o.success, ...o.failure].some(hit)
      default:
        return assertNever(o)
    }
  }
  return hit(op.op)
}

function brief(message: unknown): string {
  if (typeof message !== 'object' || message === null) return String(message)
  const fields = Object.entries(message as Record<string, unknown>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.length}]` : v instanceof Uint8Array ? `${v.length}B` : String(v)}`)
    .join(' ')
  return fields
}

export function runSimulation<M, S>(options: SimulationOptions<M, S>): SimReport {
  return new Simulation(options).run()
}
