// A node: an actor system whose one top-level actor, `node`, supervises the rest.
//
//   node (supervisor, one-for-one)
//   ├── store        durable state: consensus log and votes, app snapshots, address book
//   ├── validator    membership (and signatures, later) before anything reaches a protocol
//   ├── router       libp2p host, streams and frames, peer latency
//   ├── app          the key-value state machine: applies commits, serves reads
//   ├── protocol     the pure Raft core, fed ticks, frames, proposals and reads
//   ├── synchronizer snapshot transfer to and from followers behind the compacted log
//   ├── mempool      client requests batched into proposals
//   └── api          HTTP: client key-value routes, health, status, peers, metrics
//
// Children start in this order and stop in the reverse one, so the API closes first
// and the store flushes last. app, protocol, synchronizer and mempool run when the
// genesis names a protocol the node hosts (raft); the detector joins with a later issue.

import { type ActorContext, type ActorRef, type Behaviour, type ChildSpec, type RestartPolicy, ActorSystem, describeFailure } from '../../actors/index.js'
import { type NodeMetrics, createNodeMetrics } from '../api/metrics.js'
import { type Genesis, genesisHash, protocolParams } from '../config/genesis.js'
import type { Logger } from '../log.js'
import { loadOrCreateIdentity } from '../net/identity.js'
import { type ApiMsg, apiBehaviour } from './api-actor.js'
import { type AppMsg, appBehaviour } from './app.js'
import { type MempoolMsg, mempoolBehaviour } from './mempool.js'
import { type HostMsg, type ProtocolMsg, protocolBehaviour } from './protocol.js'
import { type TestByzantineMode, pbftParamsFromGenesis, pbftProtocolBehaviour } from './pbft-protocol.js'
import type { InboundFrame } from './router.js'
import { ed25519Signer, ed25519Verifier, sha256 } from '../net/signing.js'
import type { Crypto } from '../protocols/core.js'
import { Digests, withSigningBytes } from '../protocols/pbft/signing.js'
import type { PbftRecord } from '../protocols/pbft/records.js'
import { PbftLog } from '../storage/pbft-log.js'
import { EventLoopMonitor } from './event-loop.js'
import { type RouterMsg, type RouterStatus, routerBehaviour } from './router.js'
import { type CommonStoreMsg, type StoreMsg, storeBehaviour } from './store.js'
import type { RaftRecord } from '../protocols/raft/index.js'
import { RaftStore } from '../storage/raft-store.js'
import { type SynchronizerMsg, synchronizerBehaviour } from './synchronizer.js'
import { type ValidatorMsg, validatorBehaviour } from './validator.js'

export interface NodeInit {
  readonly dataDir: string
  readonly genesis: Genesis
  readonly bootstrap: readonly string[]
  readonly listen: readonly string[]
  readonly api: { readonly host: string, readonly port: number }
  readonly mdns: boolean
  readonly logger: Logger
  /** TESTING ONLY: run a Byzantine PBFT replica (pbft-protocol.ts). */
  readonly testByzantine?: TestByzantineMode
}

export interface RunningNode {
  readonly peerId: string
  readonly apiUrl: string
  readonly metrics: NodeMetrics
  /** The libp2p listen addresses, with /p2p/<peer id>. */
  addrs(): readonly string[]
  /** Stops every actor in order (API first, store last). */
  stop(): Promise<void>
  /** Settles if a failure escalated past the node supervisor: the process should exit. */
  readonly failed: Promise<Error>
  /**
   * Testing / fault injection only: drop every consensus frame to and from these peer ids
   * (libp2p connections stay up); an empty list heals. Settles once the router applied it.
   */
  partition(peers: readonly string[]): Promise<void>
}

interface NodeChildren {
  readonly store: ActorRef<CommonStoreMsg>
  readonly validator: ActorRef<ValidatorMsg>
  readonly router: ActorRef<RouterMsg>
  readonly consensus: { readonly app: ActorRef<AppMsg>, readonly protocol: ActorRef<HostMsg | InboundFrame>, readonly synchronizer: ActorRef<SynchronizerMsg>, readonly mempool: ActorRef<MempoolMsg> } | undefined
  readonly api: ActorRef<ApiMsg>
}

/** Each child may fail three times a minute before its failure escalates (OTP's intensity/period). */
const CHILD_RESTARTS: RestartPolicy = { maxRestarts: 3, windowMs: 60_000 }
const STARTUP_TIMEOUT_MS = 20_000
/** One PBFT core tick; the genesis's timeouts (requestTimeoutMs) are counted in these. */
const PBFT_TICK_MS = 100
export const NODE_VERSION = '0.1.0'

export async function startNode (init: NodeInit): Promise<RunningNode> {
  const log = init.logger
  const identity = await loadOrCreateIdentity(init.dataDir, { warn: (message) => { log.warn(message) } })
  const peerId = identity.peerId.toString()
  const metrics = createNodeMetrics()
  const eventLoop = new EventLoopMonitor()
  eventLoop.start()
  const escalated: string[] = []
  const startedAt = Date.now()

  const system = new ActorSystem({
    registry: metrics.registry,
    onEvent: (event) => {
      switch (event.type) {
        case 'restarted':
          log.warn({ actor: event.actor, restartsInWindow: event.restartsInWindow }, `actor restarted: ${describeFailure(event.failure)}`)
          return
        case 'escalated':
          escalated.push(event.actor)
          log.error({ actor: event.actor }, `actor gave up: ${describeFailure(event.failure)}`)
          return
        case 'cleanupFailed':
          log.error({ actor: event.actor, err: event.error }, 'actor cleanup failed')
      }
    }
  })
  const failed = system.whenTerminated.then((termination) => termination.type === 'failed'
    ? new Error(describeFailure(termination.failure))
    : new Promise<Error>(() => {}))

  const children = Promise.withResolvers<NodeChildren>()
  const params = protocolParams(init.genesis)
  const spawnRaft = (ctx: ActorContext<never>, store: ActorRef<StoreMsg<RaftRecord>>, router: ActorRef<RouterMsg>, validator: ActorRef<ValidatorMsg>): NonNullable<NodeChildren['consensus']> => {
    // The app must exist before the protocol (commits go to it); the protocol learns of
    // saved snapshots through this ref, set once the protocol is spawned. The protocol and
    // the synchronizer talk both ways, so the protocol reaches it through `later` too.
    const later: { protocol?: ActorRef<ProtocolMsg>, synchronizer?: ActorRef<SynchronizerMsg>, mempool?: ActorRef<MempoolMsg> } = {}
    const app = ctx.spawn(child('app', appBehaviour({
      store,
      snapshotEvery: Number(params.snapshotEvery),
      onSnapshotSaved: (index) => { later.protocol?.tell({ type: 'snapshotSaved', index }) },
      logger: log
    }), 65_536, 'block'))
    const protocol = ctx.spawn(child('protocol', protocolBehaviour({
      peerId,
      voters: init.genesis.validators.map((validator) => validator.peerId),
      heartbeatMs: Number(params.heartbeatMs),
      electionMs: Number(params.electionMs),
      preVote: params.preVote === true,
      checkQuorum: params.checkQuorum === true,
      store,
      router,
      app,
      registry: metrics.registry,
      logger: log,
      onLeaderChange: (leader) => { later.mempool?.tell({ type: 'leader', leader }) },
      onMembers: (members) => { validator.tell({ type: 'members', members }) },
      onSendSnapshot: (to, index, meta) => { later.synchronizer?.tell({ type: 'offer', to, index, meta }) },
      autoPromote: params.autoPromote === true,
      nodeVersion: NODE_VERSION
    }), 65_536, 'block'))
    later.protocol = protocol
    return spawnAfterProtocol(ctx, store, router, app, protocol, later)
  }
  /** The synchronizer and the mempool, the same for every protocol; `later` lets the protocol reach them. */
  const spawnAfterProtocol = (ctx: ActorContext<never>, store: ActorRef<CommonStoreMsg>, router: ActorRef<RouterMsg>, app: ActorRef<AppMsg>, protocol: ActorRef<HostMsg | InboundFrame>,
    later: { synchronizer?: ActorRef<SynchronizerMsg>, mempool?: ActorRef<MempoolMsg> }): NonNullable<NodeChildren['consensus']> => {
    const synchronizer = ctx.spawn(child('synchronizer', synchronizerBehaviour({ store, router, app, protocol, registry: metrics.registry, logger: log }), 4096, 'block'))
    later.synchronizer = synchronizer
    const mempool = ctx.spawn(child('mempool', mempoolBehaviour({ peerId, protocol, app, router, registry: metrics.registry }), 65_536, 'reject'))
    later.mempool = mempool
    return { app, protocol, synchronizer, mempool }
  }
  const validatorIds = init.genesis.validators.map((validator) => validator.peerId)
  // PBFT signs every message with the node's identity key and checks the validators' (src/net/signing.ts);
  // one verifier, so what the validator actor checked the core finds in the cache.
  const signer = ed25519Signer(identity.privateKey.raw)
  const verifier = ed25519Verifier(new Map(init.genesis.validators.map((validator) => [validator.peerId, Buffer.from(validator.publicKey, 'base64')])))
  const crypto: Crypto = { sign: (bytes) => signer.sign(bytes), verify: (node, bytes, signature) => verifier.verify(node, bytes, signature), digest: sha256 }
  const spawnPbft = (ctx: ActorContext<never>, store: ActorRef<StoreMsg<PbftRecord>>, router: ActorRef<RouterMsg>): NonNullable<NodeChildren['consensus']> => {
    const later: { synchronizer?: ActorRef<SynchronizerMsg>, mempool?: ActorRef<MempoolMsg> } = {}
    // The app snapshots only at PBFT checkpoints (the core asks), never on its own schedule.
    const app = ctx.spawn(child('app', appBehaviour({ store, snapshotEvery: Number.POSITIVE_INFINITY, onSnapshotSaved: () => {}, logger: log }), 65_536, 'block'))
    const tickMs = PBFT_TICK_MS
    const protocol = ctx.spawn(child('protocol', pbftProtocolBehaviour({
      peerId,
      validators: validatorIds,
      tickMs,
      params: pbftParamsFromGenesis(params, tickMs),
      crypto,
      store,
      router,
      app,
      registry: metrics.registry,
      logger: log,
      onLeaderChange: (leader) => { later.mempool?.tell({ type: 'leader', leader }) },
      onSendSnapshot: (to, index, meta) => { later.synchronizer?.tell({ type: 'offer', to, index, meta }) },
      ...(init.testByzantine !== undefined ? { byzantine: init.testByzantine } : {})
    }), 65_536, 'block'))
    return spawnAfterProtocol(ctx, store, router, app, protocol, later)
  }
  const validatorSet = new Set(init.genesis.validators.map((validator) => validator.peerId))
  system.spawn<never>({
    name: 'node',
    mailbox: { capacity: 1, overflow: 'reject' },
    restart: { maxRestarts: 1, windowMs: 60_000 },
    behaviour: {
      create (ctx) {
        // The store's restart limit is zero: a failed synced write fails the node's actors,
        // and the node supervisor restarts them all from what is on disk.
        const storeSpec = <R>(behaviour: Behaviour<StoreMsg<R>>): ChildSpec<StoreMsg<R>> => ({ ...child('store', behaviour, 4096, 'block'), restart: { maxRestarts: 0, windowMs: 60_000 } })
        const pbft = init.genesis.protocol === 'pbft'
        // PBFT keeps the app snapshots of its last ten checkpoints (pbft/core.ts); Raft only needs the latest.
        const pbftStore = pbft ? ctx.spawn(storeSpec(storeBehaviour<PbftRecord>(init.dataDir, async (dir, warn) => await PbftLog.open(dir, warn), log, { snapshotsKept: 10 }))) : undefined
        const raftStore = pbft ? undefined : ctx.spawn(storeSpec(storeBehaviour<RaftRecord>(init.dataDir, async (dir, warn) => await RaftStore.open(dir, { warn }), log)))
        const store: ActorRef<CommonStoreMsg> = pbftStore ?? raftStore ?? unreachable()
        // 'block': a full validator mailbox pauses the sending peer's stream (router.ts).
        const digests = new Digests(crypto)
        const validator = ctx.spawn(child('validator', validatorBehaviour({
          genesis: init.genesis,
          registry: metrics.registry,
          verifyPbft: (from, message) => message.signer === from && withSigningBytes(message, digests, (bytes) => crypto.verify(message.signer, bytes, message.signature))
        }), 4096, 'block'))
        const router = ctx.spawn(child('router', routerBehaviour({
          privateKey: identity.privateKey,
          hello: { chainId: init.genesis.chainId, genesisHash: Buffer.from(genesisHash(init.genesis), 'hex'), protocol: init.genesis.protocol, nodeVersion: NODE_VERSION },
          inbound: validator,
          listen: init.listen,
          bootstrap: init.bootstrap,
          mdns: init.mdns,
          validators: validatorSet,
          registry: metrics.registry,
          store,
          logger: log,
          onPeerCount: (count) => { metrics.peers.set(count) }
        }), 65_536, 'block'))
        const consensus = raftStore !== undefined && init.genesis.protocol === 'raft'
          ? spawnRaft(ctx, raftStore, router, validator)
          : pbftStore !== undefined ? spawnPbft(ctx, pbftStore, router) : undefined
        if (consensus !== undefined) validator.tell({ type: 'routes', routes: { protocol: consensus.protocol, synchronizer: consensus.synchronizer, mempool: consensus.mempool } })
        const api = ctx.spawn(child('api', apiBehaviour({
          host: init.api.host,
          port: init.api.port,
          peerId,
          genesis: init.genesis,
          router,
          ...(consensus !== undefined ? { consensus } : {}),
          metrics,
          eventLoop,
          logger: log,
          startedAt,
          escalated: () => escalated
        }), 256, 'reject'))
        children.resolve({ store, validator, router, consensus, api })
        return { receive () {} }
      }
    }
  })

  const stop = async (): Promise<void> => {
    await system.stop()
    eventLoop.stop()
  }

  try {
    const { router, api } = await children.promise
    // Both answer only once their `create` finished: the host listens and the API is bound.
    const started = await Promise.race([
      Promise.all([
        system.ask<ApiMsg, string>(api, (replyTo) => ({ type: 'address', replyTo }), STARTUP_TIMEOUT_MS),
        system.ask<RouterMsg, RouterStatus>(router, (replyTo) => ({ type: 'status', replyTo }), STARTUP_TIMEOUT_MS)
      ]),
      failed.then((err) => { throw err })
    ])
    const [apiUrl, routerStatus] = started
    if (!apiUrl.ok) throw new Error(`api did not start: ${apiUrl.error.code}`)
    if (!routerStatus.ok) throw new Error(`router did not start: ${routerStatus.error.code}`)
    const addrs = routerStatus.value.addrs
    return {
      peerId,
      apiUrl: apiUrl.value,
      metrics,
      addrs: () => addrs,
      stop,
      failed,
      partition: async (peers) => {
        const applied = await system.ask<RouterMsg, readonly string[]>(router, (replyTo) => ({ type: 'partition', peers, replyTo }), STARTUP_TIMEOUT_MS)
        if (!applied.ok) throw new Error(`router did not apply the partition: ${applied.error.code}`)
      }
    }
  } catch (err) {
    await stop()
    throw err
  }
}

function unreachable (): never {
  throw new Error('unreachable')
}

function child<M> (name: string, behaviour: ChildSpec<M>['behaviour'], capacity: number, overflow: ChildSpec<M>['mailbox']['overflow']): ChildSpec<M> {
  return { name, behaviour, mailbox: { capacity, overflow }, restart: CHILD_RESTARTS }
}
