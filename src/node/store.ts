// The store actor: the node's durable state in its data directory.
// - The consensus log: the records its protocol core asks to persist, in a ConsensusLog
//   (Raft: RaftStore; PBFT: a RecordLog), LevelDB with synced group commit. Persist
//   requests are not awaited one by one inside `receive`: the store hands them to the
//   log as they come, which gathers every request that arrives while a write is in
//   flight into the next synced batch (group commit), and acknowledges each only once
//   its batch is durable, in order.
// - App snapshots (SnapshotStore, checksummed files).
// - The address book (peers.json): peers this node has met, so a restarted node
//   reconnects even when its bootstrap peers are gone.
// A failed synced write is fatal for the store (as in etcd): it fails, its restart
// limit is zero, and the node supervisor restarts the node's actors, which recover
// from what is on disk.

import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import type { Logger } from '../log.js'
import { SnapshotStore, type SnapshotReader, type SnapshotReceiver, type StoredSnapshot } from '../storage/snapshot-store.js'

export interface KnownPeer {
  readonly peerId: string
  readonly addrs: readonly string[]
  readonly lastSeen: string
}

export interface LoadedState<R> {
  readonly records: readonly R[]
  readonly snapshot: StoredSnapshot | undefined
}

/** The durable log of a protocol core's persist records. */
export interface ConsensusLog<R> {
  /** The acknowledged records on disk, oldest first. */
  load(): Promise<readonly R[]>
  /** Resolves once `records` are durable (after every earlier call's). */
  persist(records: readonly R[]): Promise<void>
  close(): Promise<void>
}

/**
 * A file handle the store opened for another actor, which owns it from then on (and must
 * close, commit or abort it); or why it could not be opened.
 */
export type Opened<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string }

/** What the protocol actor asks of the store: its core's records. */
export type LogStoreMsg<R> =
  | { readonly type: 'load'; readonly replyTo: ActorRef<LoadedState<R>> }
  | { readonly type: 'persist'; readonly id: number; readonly records: readonly R[]; readonly replyTo: ActorRef<{ readonly type: 'persisted', readonly id: number }> }

export type StoreMsg<R = never> = LogStoreMsg<R> | CommonStoreMsg

/** What every other actor asks of the store: the address book and the app's snapshots. */
export type CommonStoreMsg =
  | { readonly type: 'rememberPeer'; readonly peerId: string; readonly addrs: readonly string[] }
  | { readonly type: 'knownPeers'; readonly replyTo: ActorRef<readonly KnownPeer[]> }
  | { readonly type: 'flush' }
  | { readonly type: 'saveSnapshot'; readonly index: number; readonly term: number; readonly meta: Uint8Array; readonly data: Uint8Array; readonly replyTo: ActorRef<{ readonly type: 'snapshotSaved', readonly index: number }> }
  | { readonly type: 'readSnapshot'; readonly index: number; readonly replyTo: ActorRef<StoredSnapshot | undefined> }
  | { readonly type: 'latestSnapshot'; readonly replyTo: ActorRef<StoredSnapshot | undefined> }
  /** A chunked reader over the snapshot file at `index` (undefined: no such snapshot), for sending it. */
  | { readonly type: 'openSnapshotReader'; readonly index: number; readonly replyTo: ActorRef<Opened<SnapshotReader | undefined>> }
  /** Starts receiving a snapshot file; it is checked and installed when the receiver commits. */
  | { readonly type: 'beginSnapshotReceive'; readonly index: number; readonly term: number; readonly meta: Uint8Array; readonly size: number; readonly dataSha256?: Uint8Array; readonly replyTo: ActorRef<Opened<SnapshotReceiver>> }
  | { readonly type: 'writeFailed'; readonly error: unknown }

/** Address-book writes are coalesced: at most one file write per interval. */
const FLUSH_INTERVAL_MS = 1000
/** Oldest entries go first past this many, so a long-lived node's book stays small. */
const MAX_KNOWN_PEERS = 256

export interface StoreOptions {
  /** App snapshots kept, newest first (default 2). */
  readonly snapshotsKept?: number
}

export function storeBehaviour<R> (dataDir: string, openLog: (dataDir: string, warn: (message: string, detail: unknown) => void) => Promise<ConsensusLog<R>>, logger?: Logger, options: StoreOptions = {}): Behaviour<StoreMsg<R>> {
  const file = path.join(dataDir, 'peers.json')
  return {
    async create (ctx) {
      const log = logger?.child({ actor: 'store' })
      const consensus = await openLog(dataDir, (message, warning) => { log?.warn({ warning }, message) })
      const snapshots = await SnapshotStore.open(dataDir, { warn: (message) => { log?.warn(message) }, ...(options.snapshotsKept !== undefined ? { keep: options.snapshotsKept } : {}) })
      const peers = new Map<string, KnownPeer>((await readAddressBook(file)).map((peer) => [peer.peerId, peer]))
      let dirty = false
      const flush = async (): Promise<void> => {
        if (!dirty) return
        dirty = false
        // Write-then-rename: a crash mid-write leaves the previous book, never half of one.
        const temporary = `${file}.tmp`
        await writeFile(temporary, JSON.stringify([...peers.values()], null, 2) + '\n', { mode: 0o600 })
        await rename(temporary, file)
      }
      const failed = (error: unknown): void => { ctx.self.tell({ type: 'writeFailed', error }) }
      return {
        async receive (msg) {
          switch (msg.type) {
            case 'rememberPeer': {
              if (msg.addrs.length === 0) return
              peers.delete(msg.peerId)
              peers.set(msg.peerId, { peerId: msg.peerId, addrs: msg.addrs, lastSeen: new Date(ctx.clock.now()).toISOString() })
              for (const oldest of peers.keys()) {
                if (peers.size <= MAX_KNOWN_PEERS) break
                peers.delete(oldest)
              }
              if (!dirty) ctx.timers.startSingle('flush', { type: 'flush' }, FLUSH_INTERVAL_MS)
              dirty = true
              return
            }
            case 'knownPeers':
              msg.replyTo.tell([...peers.values()])
              return
            case 'flush':
              await flush()
              return
            case 'load':
              msg.replyTo.tell({ records: await consensus.load(), snapshot: await snapshots.latest() })
              return
            case 'persist': {
              const { id, replyTo } = msg
              // Not awaited: the next persist joins the batch in flight (group commit).
              consensus.persist(msg.records).then(() => { replyTo.tell({ type: 'persisted', id }) }, failed)
              return
            }
            case 'saveSnapshot': {
              const { index, replyTo } = msg
              snapshots.save(msg.index, msg.term, msg.meta, msg.data).then(() => { replyTo.tell({ type: 'snapshotSaved', index }) }, failed)
              return
            }
            case 'readSnapshot':
              msg.replyTo.tell(await snapshots.read(msg.index))
              return
            case 'latestSnapshot':
              msg.replyTo.tell(await snapshots.latest())
              return
            case 'openSnapshotReader':
              msg.replyTo.tell(await opened(snapshots.openReader(msg.index)))
              return
            case 'beginSnapshotReceive':
              msg.replyTo.tell(await opened(snapshots.beginReceive(msg.index, msg.term, msg.meta, msg.size, msg.dataSha256)))
              return
            case 'writeFailed':
              throw msg.error instanceof Error ? msg.error : new Error(String(msg.error))
            default:
              assertNever(msg)
          }
        },
        async cleanup () {
          await flush()
          await consensus.close()
        }
      }
    }
  }
}

/** A file that cannot be opened is the asker's problem (a bad offer, a pruned snapshot), not the store's. */
async function opened<T> (opening: Promise<T>): Promise<Opened<T>> {
  try {
    return { ok: true, value: await opening }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

async function readAddressBook (file: string): Promise<KnownPeer[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return []
  }
  try {
    const parsed = JSON.parse(text) as unknown
    if (!Array.isArray(parsed)) return []
    return parsed.filter((entry): entry is KnownPeer => typeof entry === 'object' && entry !== null &&
      typeof (entry as KnownPeer).peerId === 'string' && Array.isArray((entry as KnownPeer).addrs))
  } catch {
    // A damaged address book costs only the shortcut it offered; discovery still works.
    return []
  }
}
