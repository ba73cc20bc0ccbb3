// The store actor: the node's durable state in its data directory. For now that is
// the address book (peers.json): every peer this node has connected to, with its
// addresses, so a restarted node reconnects even when its bootstrap peers are gone.
// The consensus log and vote state join it with the first protocol in the node.

import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'

export interface KnownPeer {
  readonly peerId: string
  readonly addrs: readonly string[]
  readonly lastSeen: string
}

export type StoreMsg =
  | { readonly type: 'rememberPeer'; readonly peerId: string; readonly addrs: readonly string[] }
  | { readonly type: 'knownPeers'; readonly replyTo: ActorRef<readonly KnownPeer[]> }
  | { readonly type: 'flush' }

/** Address-book writes are coalesced: at most one file write per interval. */
const FLUSH_INTERVAL_MS = 1000
/** Oldest entries go first past this many, so a long-lived node's book stays small. */
const MAX_KNOWN_PEERS = 256

export function storeBehaviour (dataDir: string): Behaviour<StoreMsg> {
  const file = path.join(dataDir, 'peers.json')
  return {
    async create (ctx) {
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
            default:
              assertNever(msg)
          }
        },
        async cleanup () { await flush() }
      }
    }
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
