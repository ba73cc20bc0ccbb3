// The protocol actor for PBFT: hosts one pure PBFT core (src/protocols/pbft) the way the Raft
// actor hosts Raft's (protocol.ts): wall-clock time becomes ticks, frames the validator passed
// (signatures already checked) become messages, and the core's effects are carried out in order.
// What PBFT asks of its host beyond Raft's:
// - signatures: the core signs and verifies through the node's ed25519 key and the genesis
//   validators' keys (src/net/signing.ts), with the verification cache the validator shares;
// - checkpoints: a commit effect flagged `checkpoint` is followed by a snapshot of the app taken
//   right after it, whose digest the core signs in its CHECKPOINT message (snapshotTaken);
// - state transfer: a replica behind the stable checkpoint reports `snapshotWanted`; the
//   synchronizer fetches that snapshot and installs it only if its bytes hash to the certified
//   digest, then the core continues (snapshotApplied).
// Any replica takes proposals (the core hands them to the primary), so the mempool never
// forwards; reads are ordered through the protocol (a read marker, pbft/core.ts "Reads").
// It takes them only while it is connected to a quorum: a request starts the replica's view-change
// timer, and a replica whose relay of it reached nobody times out alone, into a view change no
// other replica joins (it stays there until the group next changes view). Refused requests get
// 503 and are retried, as when there is no primary.

import { randomInt } from 'node:crypto'
import { registeredCounter } from '../api/metrics.js'
import type { Registry } from 'prom-client'
import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import type { CoreError, Crypto, Effect, Input, Rng } from '../protocols/core.js'
import type { PbftMessage } from '../protocols/pbft/messages.js'
import { createPbftCore, type PbftParams } from '../protocols/pbft/core.js'
import { quorumSize } from '../protocols/pbft/quorums.js'
import type { PbftRecord } from '../protocols/pbft/records.js'
import { equivocator } from '../protocols/pbft/adversaries.js'
import { silent } from '../sim/adversaries.js'
import type { Adversary } from '../sim/types.js'
import type { Logger } from '../log.js'
import { payloadRequestCount } from '../app/kv-codec.js'
import type { AppMsg, CheckpointTaken } from './app.js'
import { type HostMsg, PersistBatch, type ProposeOutcome, type ReadOutcome, protocolMetrics } from './protocol.js'
import type { InboundFrame, RouterMsg, RouterStatus } from './router.js'
import type { LoadedState, StoreMsg } from './store.js'

export type PbftProtocolMsg =
  | HostMsg
  | InboundFrame
  | { readonly type: 'tick' }
  | { readonly type: 'persisted'; readonly id: number }
  | CheckpointTaken
  | { readonly type: 'checkConnectivity' }
  | { readonly type: 'connectedValidators'; readonly count: number }

export interface PbftProtocolInit {
  readonly peerId: string
  readonly validators: readonly string[]
  /** One tick of the core, in ms. */
  readonly tickMs: number
  readonly params: Partial<PbftParams>
  readonly crypto: Crypto
  readonly store: ActorRef<StoreMsg<PbftRecord>>
  readonly router: ActorRef<RouterMsg>
  readonly app: ActorRef<AppMsg>
  readonly registry: Registry
  readonly logger: Logger
  readonly onLeaderChange?: (leader: string | undefined) => void
  readonly onSendSnapshot?: (to: string, index: number, meta: Uint8Array) => void
  /**
   * TESTING ONLY: this replica is Byzantine (pbft/adversaries.ts): 'silent' sends nothing;
   * 'equivocate' (as primary) sends conflicting pre-prepares to different replicas and votes
   * for everything. Its own app applies nothing. Set through BLACKHOLE_TEST_BYZANTINE.
   */
  readonly byzantine?: TestByzantineMode
}

export const TEST_BYZANTINE_MODES = ['silent', 'equivocate'] as const
export type TestByzantineMode = typeof TEST_BYZANTINE_MODES[number]

/** How often the actor asks the router which validators it is connected to. */
const CONNECTIVITY_CHECK_MS = 250

const cryptoRng: Rng = {
  next: () => randomInt(0, 2 ** 48) / 2 ** 48,
  int: (min, max) => randomInt(min, max + 1)
}

export function pbftProtocolBehaviour (init: PbftProtocolInit): Behaviour<PbftProtocolMsg> {
  const metrics = protocolMetrics(init.registry)
  const messages = registeredCounter(init.registry, 'blackhole_pbft_messages_total', 'PBFT messages by type, sent (one per recipient) and received', ['type', 'direction'])
  return {
    async create (ctx) {
      const log = init.logger.child({ actor: 'protocol', protocol: 'pbft' })
      const loaded = await ctx.ask<StoreMsg<PbftRecord>, LoadedState<PbftRecord>>(init.store, (replyTo) => ({ type: 'load', replyTo }), 60_000)
      if (!loaded.ok) throw new Error(`store did not load: ${loaded.error.code}`)
      const core = createPbftCore(init.params)({ id: init.peerId, voters: init.validators, rng: cryptoRng, crypto: init.crypto }, loaded.value.records)
      let status = core.status()
      log.info({ records: loaded.value.records.length, status }, 'pbft core restored')
      metrics.term.set(status.epoch)
      const pendingProposals = new Map<number, ActorRef<ProposeOutcome>>()
      const pendingReads = new Map<number, ActorRef<ReadOutcome>>()
      let nextRef = 1
      const peers = init.validators.filter((validator) => validator !== init.peerId)

      // One for the actor's life: it holds deferrable records from one step to the next.
      const persists = new PersistBatch<PbftRecord>(init.store, ctx.self)
      const carryOut = async (effects: Array<Effect<PbftMessage, PbftRecord>>): Promise<void> => {
        const flushPersist = async (): Promise<void> => { await persists.flush() }
        for (const effect of effects) {
          switch (effect.type) {
            case 'persist':
              persists.add(effect.id, effect.record, effect.deferrable === true)
              break
            case 'send':
              messages.inc({ type: effect.message.type, direction: 'out' })
              // PBFT retransmits what is lost (status messages), so a full peer queue drops.
              init.router.tell({ type: 'send', to: effect.to, message: { type: 'pbft', message: effect.message }, whenFull: 'drop' })
              break
            case 'broadcast':
              messages.inc({ type: effect.message.type, direction: 'out' }, peers.length)
              for (const peer of peers) init.router.tell({ type: 'send', to: peer, message: { type: 'pbft', message: effect.message }, whenFull: 'drop' })
              break
            case 'commit': {
              await flushPersist()
              let operations = 0
              for (const entry of effect.commit.entries) if (entry.kind === 'app') operations += payloadRequestCount(entry.payload)
              metrics.committed.inc(operations)
              await init.app.send({ type: 'apply', commit: effect.commit })
              if (effect.checkpoint === true) {
                const last = effect.commit.entries.at(-1)
                if (last !== undefined) await init.app.send({ type: 'checkpoint', index: last.index, replyTo: ctx.self })
              }
              break
            }
            case 'proposeAccepted':
              pendingProposals.get(effect.ref)?.tell({ ok: true })
              pendingProposals.delete(effect.ref)
              metrics.proposalsAccepted.inc()
              break
            case 'proposeFailed':
              pendingProposals.get(effect.ref)?.tell({ ok: false, error: effect.error })
              pendingProposals.delete(effect.ref)
              break
            case 'readReady':
            case 'readFailed':
              pendingReads.get(effect.ref)?.tell(effect.type === 'readReady' ? { ok: true, index: effect.index } : { ok: false, error: effect.error })
              pendingReads.delete(effect.ref)
              break
            case 'sendSnapshot':
              init.onSendSnapshot?.(effect.to, effect.index, effect.meta)
              break
            case 'evidence':
              metrics.byzantine.inc({ node: effect.evidence.offender, kind: effect.evidence.kind })
              log.warn({ evidence: effect.evidence }, 'misbehaviour observed')
              break
            case 'status': {
              const before = status
              status = effect.status
              metrics.term.set(status.epoch)
              if (status.epoch > before.epoch) metrics.viewChanges.inc({ reason: 'view-change' }, status.epoch - before.epoch)
              if (before.leader !== status.leader) init.onLeaderChange?.(status.leader)
              if (before.role !== status.role || before.epoch !== status.epoch) log.info({ role: status.role, view: status.epoch, primary: status.leader }, 'pbft status')
              break
            }
            default:
              assertNever(effect)
          }
        }
        await flushPersist()
      }
      const adversary = init.byzantine === undefined ? undefined : testAdversary(init.byzantine)
      if (adversary !== undefined) log.warn({ mode: init.byzantine }, 'TESTING ONLY: this replica is Byzantine')
      const step = async (input: Input<PbftMessage>): Promise<void> => {
        if (adversary === undefined) {
          await carryOut(core.step(input))
          return
        }
        const context = { id: init.peerId, peers, rng: cryptoRng, now: Date.now() * 1000, honest: core, crypto: init.crypto }
        for (const out of adversary(input, context)) {
          for (const to of out.to === 'all' ? peers : [out.to]) init.router.tell({ type: 'send', to, message: { type: 'pbft', message: out.message }, whenFull: 'drop' })
        }
      }

      // Connected to Q - 1 other validators: with ourselves, a quorum hears what we relay.
      const peersForQuorum = quorumSize(init.validators.length) - 1
      let connectedValidators = 0
      const noQuorum: CoreError = { code: 'NO_QUORUM' }
      const checkConnectivity = (): void => {
        init.router.ask<RouterStatus>((replyTo) => ({ type: 'status', replyTo }), CONNECTIVITY_CHECK_MS * 4).then(
          (reply) => {
            if (!reply.ok) return
            const validators = new Set(reply.value.peers.filter((peer) => peer.validator && peers.includes(peer.peerId)).map((peer) => peer.peerId))
            ctx.self.tell({ type: 'connectedValidators', count: validators.size })
          },
          () => {}
        )
      }
      checkConnectivity()
      ctx.timers.startPeriodic('connectivity', { type: 'checkConnectivity' }, CONNECTIVITY_CHECK_MS)
      ctx.timers.startPeriodic('tick', { type: 'tick' }, init.tickMs)
      return {
        async receive (msg) {
          switch (msg.type) {
            case 'inbound':
              if (msg.message.type !== 'pbft') return
              messages.inc({ type: msg.message.message.type, direction: 'in' })
              await step({ type: 'message', from: msg.from, message: msg.message.message })
              return
            case 'tick':
              await persists.flushDeferred()
              await step({ type: 'tick' })
              return
            case 'persisted':
              await step({ type: 'persisted', id: msg.id })
              return
            case 'checkpointTaken':
              await step({ type: 'snapshotTaken', index: msg.index, digest: msg.digest })
              return
            case 'checkConnectivity':
              checkConnectivity()
              return
            case 'connectedValidators':
              if ((msg.count >= peersForQuorum) !== (connectedValidators >= peersForQuorum)) {
                log.info({ connected: msg.count, needed: peersForQuorum }, msg.count >= peersForQuorum ? 'connected to a quorum: taking requests' : 'not connected to a quorum: refusing requests')
              }
              connectedValidators = msg.count
              return
            case 'propose': {
              if (connectedValidators < peersForQuorum) {
                msg.replyTo.tell({ ok: false, error: noQuorum })
                return
              }
              const ref = nextRef++
              pendingProposals.set(ref, msg.replyTo)
              metrics.proposalsReceived.inc()
              await step({ type: 'propose', ref, payloads: msg.payloads })
              return
            }
            case 'read': {
              if (connectedValidators < peersForQuorum) {
                msg.replyTo.tell({ ok: false, error: noQuorum })
                return
              }
              const ref = nextRef++
              pendingReads.set(ref, msg.replyTo)
              await step({ type: 'read', ref })
              return
            }
            case 'admin':
              // Validator-set changes for PBFT are agreed operations not built yet.
              msg.replyTo.tell({ ok: false, error: { code: 'DROPPED', reason: 'membership changes are not supported for pbft networks' } })
              return
            case 'snapshotInstalled':
              await step({ type: 'snapshotApplied', from: msg.from, index: msg.index, meta: msg.meta, ...(msg.digest !== undefined ? { digest: msg.digest } : {}) })
              return
            case 'status': {
              // While the gate refuses requests, report no primary to order them: a client that
              // waits for a leader in /status then finds this node taking requests.
              const now = core.status()
              msg.replyTo.tell(connectedValidators < peersForQuorum ? { ...now, leader: undefined } : now)
              return
            }
            default:
              assertNever(msg)
          }
        },
        cleanup () {
          const stopped: CoreError = { code: 'DROPPED', reason: 'node stopping' }
          for (const replyTo of pendingProposals.values()) replyTo.tell({ ok: false, error: stopped })
          for (const replyTo of pendingReads.values()) replyTo.tell({ ok: false, error: stopped })
        }
      }
    }
  }
}

function testAdversary (mode: TestByzantineMode): Adversary<PbftMessage, PbftRecord> {
  switch (mode) {
    case 'silent': return silent()
    case 'equivocate': return equivocator({ prePrepares: [] })
    default: return assertNever(mode)
  }
}

/** Ticks per PBFT timer from the genesis's milliseconds. */
export function pbftParamsFromGenesis (params: Record<string, unknown>, tickMs: number): Partial<PbftParams> {
  const ticks = (ms: unknown, fallback: number): number => typeof ms === 'number' ? Math.max(1, Math.round(ms / tickMs)) : fallback
  const number = (value: unknown): number | undefined => typeof value === 'number' ? value : undefined
  const checkpointInterval = number(params.checkpointInterval)
  const logWindow = number(params.watermarkWindow)
  const maxInFlight = number(params.maxInFlight)
  const viewChangeTicks = ticks(params.requestTimeoutMs, 20)
  return {
    ...(checkpointInterval !== undefined ? { checkpointInterval } : {}),
    ...(logWindow !== undefined ? { logWindow } : {}),
    ...(maxInFlight !== undefined ? { maxInFlight } : {}),
    viewChangeTicks,
    maxViewChangeTicks: viewChangeTicks * 16,
    ...(typeof params.fastPath === 'boolean' ? { fastPath: params.fastPath } : {})
  }
}

