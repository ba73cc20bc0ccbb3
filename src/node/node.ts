// A node: an actor system whose one top-level actor, `node`, supervises the rest.
//
//   node (supervisor, one-for-one)
//   ├── store        durable state in the data directory (address book; log and votes later)
//   ├── validator    membership (and signatures, later) before anything reaches a protocol
//   ├── router       libp2p host, streams and frames, peer latency
//   └── api          HTTP: health, status, peers, metrics
//
// Children start in this order and stop in the reverse one, so the API closes first
// and the store flushes last. The protocol, synchronizer, detector, mempool and app
// actors join this list as protocols arrive in the node.

import { type ActorRef, type ChildSpec, type RestartPolicy, ActorSystem, describeFailure } from '../../actors/index.js'
import { type NodeMetrics, createNodeMetrics } from '../api/metrics.js'
import { type Genesis, genesisHash } from '../config/genesis.js'
import type { Logger } from '../log.js'
import { loadOrCreateIdentity } from '../net/identity.js'
import { type ApiMsg, apiBehaviour } from './api-actor.js'
import { EventLoopMonitor } from './event-loop.js'
import { type RouterMsg, type RouterStatus, routerBehaviour } from './router.js'
import { type StoreMsg, storeBehaviour } from './store.js'
import { type ValidatorMsg, validatorBehaviour } from './validator.js'

export interface NodeInit {
  readonly dataDir: string
  readonly genesis: Genesis
  readonly bootstrap: readonly string[]
  readonly listen: readonly string[]
  readonly api: { readonly host: string, readonly port: number }
  readonly mdns: boolean
  readonly logger: Logger
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
}

interface NodeChildren {
  readonly store: ActorRef<StoreMsg>
  readonly validator: ActorRef<ValidatorMsg>
  readonly router: ActorRef<RouterMsg>
  readonly api: ActorRef<ApiMsg>
}

/** Each child may fail three times a minute before its failure escalates (OTP's intensity/period). */
const CHILD_RESTARTS: RestartPolicy = { maxRestarts: 3, windowMs: 60_000 }
const STARTUP_TIMEOUT_MS = 20_000
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
  const validatorSet = new Set(init.genesis.validators.map((validator) => validator.peerId))
  system.spawn<never>({
    name: 'node',
    mailbox: { capacity: 1, overflow: 'reject' },
    restart: { maxRestarts: 1, windowMs: 60_000 },
    behaviour: {
      create (ctx) {
        const store = ctx.spawn(child('store', storeBehaviour(init.dataDir), 1024, 'block'))
        // 'block': a full validator mailbox pauses the sending peer's stream (router.ts).
        const validator = ctx.spawn(child('validator', validatorBehaviour({ genesis: init.genesis, registry: metrics.registry }), 4096, 'block'))
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
        const api = ctx.spawn(child('api', apiBehaviour({
          host: init.api.host,
          port: init.api.port,
          peerId,
          genesis: init.genesis,
          router,
          metrics,
          eventLoop,
          logger: log,
          startedAt,
          escalated: () => escalated
        }), 256, 'reject'))
        children.resolve({ store, validator, router, api })
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
    let addrs = routerStatus.value.addrs
    return {
      peerId,
      apiUrl: apiUrl.value,
      metrics,
      addrs: () => addrs,
      stop,
      failed
    }
  } catch (err) {
    await stop()
    throw err
  }
}

function child<M> (name: string, behaviour: ChildSpec<M>['behaviour'], capacity: number, overflow: ChildSpec<M>['mailbox']['overflow']): ChildSpec<M> {
  return { name, behaviour, mailbox: { capacity, overflow }, restart: CHILD_RESTARTS }
}
