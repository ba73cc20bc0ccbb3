// The synchronizer actor: moves snapshots between nodes, so a follower that fell behind
// the leader's compacted log (or a node that just joined) catches up (Raft §7,
// InstallSnapshot; thesis §5.3 sends it in chunks).
//
// The receiver pulls. The leader's core emits `sendSnapshot`; the protocol actor hands it
// here and the leader offers the snapshot file (its index, header and size, plus the
// core's metadata). The follower asks for chunks, a few in flight at a time, writes each
// into a temp file as it comes, and when the file is whole has the store check its
// checksum and install it. Then the app restores its state from it, and only then is the
// core told (`snapshotApplied`), so it acknowledges the leader and replication continues
// after the snapshot. Pulling lets a slow follower set the pace, and a lost chunk is only
// asked for again; the leader keeps no per-follower transfer state beyond an open file.
//
// An offer for a snapshot the app has already passed is acknowledged without moving a
// byte (the core still needs to hear it, so the leader stops sending snapshots), unless the
// core certifies snapshots (below): it needs the checked digest, so the file is pulled.
//
// Byzantine protocols (PBFT) do not trust the sender: their core says which snapshot it
// wants and the digest a quorum certified for it (CoreStatus.snapshotWanted). Only an offer
// of that index is taken, and the store keeps the received file only if its data hashes to
// that digest.

import type { Registry } from 'prom-client'
import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import { registeredCounter } from '../api/metrics.js'
import type { Logger } from '../log.js'
import type { SnapshotChunk, SnapshotChunkRequest, SnapshotOffer } from '../net/wire/messages.js'
import type { SnapshotReader, SnapshotReceiver } from '../storage/snapshot-store.js'
import type { AppMsg, InstallOutcome } from './app.js'
import type { CoreStatus } from '../protocols/core.js'
import type { HostMsg } from './protocol.js'
import type { InboundFrame, RouterMsg } from './router.js'
import type { Opened, CommonStoreMsg } from './store.js'

export type SynchronizerMsg =
  | InboundFrame
  /** From the protocol actor: the core wants `to` to receive the snapshot at `index`. */
  | { readonly type: 'offer'; readonly to: string; readonly index: number; readonly meta: Uint8Array }
  | { readonly type: 'sweep' }

export interface SynchronizerInit {
  readonly store: ActorRef<CommonStoreMsg>
  readonly router: ActorRef<RouterMsg>
  readonly app: ActorRef<AppMsg>
  readonly protocol: ActorRef<HostMsg>
  readonly registry: Registry
  readonly logger: Logger
  /** Bytes asked for per chunk, at most MAX_CHUNK_BYTES. */
  readonly chunkBytes?: number
  /** Chunk requests in flight. Their bytes share the router's per-peer queue with Raft's Appends. */
  readonly window?: number
}

const DEFAULT_CHUNK_BYTES = 512 * 1024
/** A chunk and its envelope must fit in one frame (1 MiB); a sender never answers with more. */
const MAX_CHUNK_BYTES = 960 * 1024
const DEFAULT_WINDOW = 2
const SWEEP_INTERVAL_MS = 1000
/** A chunk not answered in this long is asked for again. */
const CHUNK_RETRY_MS = 3000
/** A transfer that made no progress in this long is dropped; the leader offers again. */
const TRANSFER_STALL_MS = 30_000
/** An open snapshot file nobody asked for in this long is closed. */
const READER_IDLE_MS = 60_000
const STORE_TIMEOUT_MS = 60_000

/** A snapshot being received from `from`. */
interface Incoming {
  readonly from: string
  readonly offer: SnapshotOffer
  /** The certified digest of the snapshot's data, when the core names one. */
  readonly digest: Uint8Array | undefined
  readonly receiver: SnapshotReceiver
  /** Next offset not yet asked for. */
  nextOffset: number
  /** Asked-for chunks by offset, with when they were (last) asked for. */
  readonly inFlight: Map<number, number>
  received: number
  lastProgress: number
}

interface Serving {
  readonly reader: SnapshotReader
  lastUsed: number
}

export function synchronizerBehaviour (init: SynchronizerInit): Behaviour<SynchronizerMsg> {
  const chunkBytes = Math.min(init.chunkBytes ?? DEFAULT_CHUNK_BYTES, MAX_CHUNK_BYTES)
  const window = init.window ?? DEFAULT_WINDOW
  const transfers = registeredCounter(init.registry, 'blackhole_snapshot_transfers_total', 'Snapshot transfers, by direction and outcome', ['direction', 'outcome'])
  const bytesMoved = registeredCounter(init.registry, 'blackhole_snapshot_bytes_total', 'Snapshot bytes sent and received', ['direction'])
  return {
    create (ctx) {
      const log = init.logger.child({ actor: 'synchronizer' })
      const serving = new Map<number, Serving>()
      let incoming: Incoming | undefined

      const send = (to: string, message: SnapshotOffer | SnapshotChunkRequest | SnapshotChunk): void => {
        // Lost frames are asked for again (chunks) or offered again (the core's retry).
        init.router.tell({ type: 'send', to, message, whenFull: 'drop' })
      }

      const readerFor = async (index: number): Promise<SnapshotReader | undefined> => {
        const open = serving.get(index)
        if (open !== undefined) {
          open.lastUsed = ctx.clock.now()
          return open.reader
        }
        const opened = await ctx.ask<CommonStoreMsg, Opened<SnapshotReader | undefined>>(init.store, (replyTo) => ({ type: 'openSnapshotReader', index, replyTo }), STORE_TIMEOUT_MS)
        if (!opened.ok || !opened.value.ok) {
          log.warn({ index, reason: opened.ok ? (opened.value.ok ? '' : opened.value.reason) : opened.error.code }, 'snapshot could not be opened')
          return undefined
        }
        const reader = opened.value.value
        if (reader !== undefined) serving.set(index, { reader, lastUsed: ctx.clock.now() })
        return reader
      }

      const offer = async (to: string, index: number, coreMeta: Uint8Array): Promise<void> => {
        const reader = await readerFor(index)
        if (reader === undefined) {
          // The core guarantees the store keeps the snapshot it compacted to; if it is gone, the
          // core's retry will offer the newer one.
          log.error({ to, index }, 'the core asked for a snapshot the store does not have')
          return
        }
        log.info({ to, index, bytes: reader.size }, 'offering snapshot')
        transfers.inc({ direction: 'sent', outcome: 'offered' })
        send(to, { type: 'snapshotOffer', index, fileTerm: reader.term, fileMeta: reader.meta, size: reader.size, coreMeta })
      }

      const serveChunk = async (from: string, request: SnapshotChunkRequest): Promise<void> => {
        const reader = await readerFor(request.index)
        if (reader === undefined || request.offset >= reader.size) {
          send(from, { type: 'snapshotChunk', index: request.index, offset: request.offset, data: new Uint8Array(), missing: true })
          return
        }
        const data = await reader.readChunk(request.offset, Math.min(request.length, MAX_CHUNK_BYTES))
        bytesMoved.inc({ direction: 'sent' }, data.length)
        send(from, { type: 'snapshotChunk', index: request.index, offset: request.offset, data, missing: false })
      }

      const abandon = async (reason: string): Promise<void> => {
        if (incoming === undefined) return
        const dropped = incoming
        incoming = undefined
        transfers.inc({ direction: 'received', outcome: 'abandoned' })
        log.warn({ from: dropped.from, index: dropped.offer.index, received: dropped.received, reason }, 'snapshot transfer abandoned')
        await dropped.receiver.abort()
      }

      const askForChunks = (transfer: Incoming): void => {
        const now = ctx.clock.now()
        while (transfer.inFlight.size < window && transfer.nextOffset < transfer.offer.size) {
          const offset = transfer.nextOffset
          const length = Math.min(chunkBytes, transfer.offer.size - offset)
          transfer.nextOffset += length
          transfer.inFlight.set(offset, now)
          send(transfer.from, { type: 'snapshotChunkRequest', index: transfer.offer.index, offset, length })
        }
      }

      const installed = (from: string, offer: SnapshotOffer, digest: Uint8Array | undefined): void => {
        init.protocol.tell({ type: 'snapshotInstalled', from, index: offer.index, meta: offer.coreMeta, ...(digest !== undefined ? { digest } : {}) })
      }

      const accept = async (from: string, offer: SnapshotOffer): Promise<void> => {
        if (incoming !== undefined) {
          if (incoming.offer.index >= offer.index) return // already pulling this one (the core re-offers) or a newer one
          await abandon(`a newer snapshot (${offer.index}) was offered`)
        }
        const status = await ctx.ask<HostMsg, CoreStatus>(init.protocol, (replyTo) => ({ type: 'status', replyTo }), STORE_TIMEOUT_MS)
        if (!status.ok) throw new Error(`protocol did not answer: ${status.error.code}`)
        const wanted = status.value.snapshotWanted
        if (wanted !== undefined && wanted.index !== offer.index) return // not the certified one
        const applied = await ctx.ask<AppMsg, number>(init.app, (replyTo) => ({ type: 'appliedIndex', replyTo }), STORE_TIMEOUT_MS)
        if (!applied.ok) throw new Error(`app did not answer: ${applied.error.code}`)
        if (applied.value >= offer.index && wanted === undefined) {
          installed(from, offer, undefined)
          return
        }
        // A PBFT core that wants a checkpoint the app has already passed (the app restored its own
        // snapshot of it after a crash, before the checkpoint was stable here) is still pulled
        // and checked: the core moves on only with bytes that hash to the certified digest, and
        // the app, already past them, keeps its state (app.ts, 'install').
        const begun = await ctx.ask<CommonStoreMsg, Opened<SnapshotReceiver>>(init.store, (replyTo) => ({ type: 'beginSnapshotReceive', index: offer.index, term: offer.fileTerm, meta: offer.fileMeta, size: offer.size, ...(wanted !== undefined ? { dataSha256: wanted.digest } : {}), replyTo }), STORE_TIMEOUT_MS)
        if (!begun.ok || !begun.value.ok) {
          log.warn({ from, index: offer.index, reason: begun.ok ? (begun.value.ok ? '' : begun.value.reason) : begun.error.code }, 'snapshot offer refused')
          return
        }
        log.info({ from, index: offer.index, bytes: offer.size }, 'receiving snapshot')
        incoming = { from, offer, digest: wanted?.digest, receiver: begun.value.value, nextOffset: 0, inFlight: new Map(), received: 0, lastProgress: ctx.clock.now() }
        askForChunks(incoming)
      }

      const receiveChunk = async (from: string, chunk: SnapshotChunk): Promise<void> => {
        const transfer = incoming
        if (transfer === undefined || transfer.from !== from || transfer.offer.index !== chunk.index) return
        if (chunk.missing) {
          await abandon('the leader no longer has it')
          return
        }
        const asked = transfer.inFlight.has(chunk.offset)
        if (!asked) return // a duplicate answer to a repeated request
        const expected = Math.min(chunkBytes, transfer.offer.size - chunk.offset)
        if (chunk.data.length !== expected) {
          await abandon(`chunk at ${chunk.offset} has ${chunk.data.length} bytes, expected ${expected}`)
          return
        }
        await transfer.receiver.writeChunk(chunk.offset, chunk.data)
        transfer.inFlight.delete(chunk.offset)
        transfer.received += chunk.data.length
        transfer.lastProgress = ctx.clock.now()
        bytesMoved.inc({ direction: 'received' }, chunk.data.length)
        if (transfer.received < transfer.offer.size) {
          askForChunks(transfer)
          return
        }
        incoming = undefined
        await finish(transfer)
      }

      const finish = async (transfer: Incoming): Promise<void> => {
        const { from, offer } = transfer
        try {
          await transfer.receiver.commit()
        } catch (error) {
          // A bad checksum or size: nothing was installed; the leader's retry offers it again.
          transfers.inc({ direction: 'received', outcome: 'rejected' })
          log.warn({ from, index: offer.index, err: error }, 'received snapshot rejected')
          return
        }
        const restored = await ctx.ask<AppMsg, InstallOutcome>(init.app, (replyTo) => ({ type: 'install', index: offer.index, replyTo }), STORE_TIMEOUT_MS)
        if (!restored.ok) throw new Error(`app did not install snapshot ${offer.index}: ${restored.error.code}`)
        if (!restored.value.ok) throw new Error(`snapshot ${offer.index} does not restore: ${restored.value.reason}`)
        transfers.inc({ direction: 'received', outcome: 'installed' })
        log.info({ from, index: offer.index, bytes: offer.size }, 'snapshot installed')
        installed(from, offer, transfer.digest)
      }

      const sweep = async (): Promise<void> => {
        const now = ctx.clock.now()
        for (const [index, open] of serving) {
          if (now - open.lastUsed < READER_IDLE_MS) continue
          serving.delete(index)
          await open.reader.close()
        }
        const transfer = incoming
        if (transfer === undefined) return
        if (now - transfer.lastProgress > TRANSFER_STALL_MS) {
          await abandon('no progress')
          return
        }
        for (const [offset, askedAt] of transfer.inFlight) {
          if (now - askedAt < CHUNK_RETRY_MS) continue
          transfer.inFlight.set(offset, now)
          send(transfer.from, { type: 'snapshotChunkRequest', index: transfer.offer.index, offset, length: Math.min(chunkBytes, transfer.offer.size - offset) })
        }
      }

      ctx.timers.startPeriodic('sweep', { type: 'sweep' }, SWEEP_INTERVAL_MS)
      return {
        async receive (msg) {
          switch (msg.type) {
            case 'offer':
              await offer(msg.to, msg.index, msg.meta)
              return
            case 'sweep':
              await sweep()
              return
            case 'inbound': {
              const { from, message } = msg
              switch (message.type) {
                case 'snapshotOffer': await accept(from, message); return
                case 'snapshotChunkRequest': await serveChunk(from, message); return
                case 'snapshotChunk': await receiveChunk(from, message); return
                default: return
              }
            }
            default:
              assertNever(msg)
          }
        },
        async cleanup () {
          for (const open of serving.values()) await open.reader.close()
          serving.clear()
          if (incoming !== undefined) await incoming.receiver.abort()
          incoming = undefined
        }
      }
    }
  }
}
