// The online checks, run as the simulation goes so that a run stops at the first safety
// violation (later events would only bury it):
//
// - agreement: no two nodes commit different entries at the same index. Every commit effect of
//   every honest node is compared with the first entry committed at that index.
// - state agreement: app snapshots taken at the same index on different nodes are byte-identical
//   (catches a non-deterministic state machine or a node that applied something else).
// - validity: an `app` entry is, byte for byte, a request some client proposed; and every
//   (client, seq) takes effect at one index only (retries are one operation thanks to sessions).

import { bytesEqual } from '../../app/bytes.js'
import { decodeRequest } from '../../app/kv-codec.js'
import type { KvOutcome } from '../../app/kv-store.js'
import type { Commit, CommittedEntry } from '../../protocols/core.js'
import type { TraceHash } from '../trace.js'

export type CheckName = 'agreement' | 'validity' | 'durability' | 'linearizability' | 'liveness' | 'contract'

export interface CheckFailure {
  readonly check: CheckName
  readonly detail: string
}

export class CommitLedger {
  /** entries[i - 1]: the first entry committed at index i by any node. */
  readonly entries: CommittedEntry[] = []
  private readonly firstNode: number[] = []
  private readonly firstTime: number[] = []
  private readonly duplicateAt: boolean[] = []
  private readonly stateAt = new Map<number, { readonly node: number; readonly fingerprint: number }>()
  /** "client:seq" -> the index at which the request took effect. */
  readonly effectiveAt = new Map<string, number>()
  failure: CheckFailure | undefined

  constructor(
    private readonly names: readonly string[],
    /** The bytes a client proposed for "client:seq". */
    private readonly proposed: ReadonlyMap<string, Uint8Array>,
    private readonly trace: TraceHash
  ) {}

  get length(): number {
    return this.entries.length
  }

  commit(node: number, commit: Commit, now: number): void {
    const entries = commit.entries
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!
      const index = entry.index
      if (index !== commit.position + i) {
        this.fail('contract', `${this.names[node]} commit at ${commit.position} holds index ${index} at offset ${i}`)
        return
      }
      const known = this.entries[index - 1]
      if (known === undefined) {
        if (index !== this.entries.length + 1) {
          this.fail('contract', `${this.names[node]} committed index ${index} before anyone committed ${this.entries.length + 1}`)
          return
        }
        this.entries.push(entry)
        this.firstNode.push(node)
        this.firstTime.push(now)
        this.trace.mixBytes(entry.payload)
        if (entry.kind === 'app') this.checkProposed(node, entry)
        continue
      }
      if (known !== entry && (known.kind !== entry.kind || !bytesEqual(known.payload, entry.payload))) {
        this.fail(
          'agreement',
          `index ${index}: ${this.names[node]} committed a ${entry.kind} entry (${entry.payload.length} bytes) at ${now}µs, ` +
            `but ${this.names[this.firstNode[index - 1]!]} committed a different ${known.kind} entry (${known.payload.length} bytes) there at ${this.firstTime[index - 1]}µs`
        )
        return
      }
    }
  }

  applied(node: number, index: number, outcome: KvOutcome): void {
    const seen = this.duplicateAt[index]
    if (seen !== undefined) {
      // Same entry (agreement) and same verdict: this node's session state matches the first one's.
      if (seen !== outcome.duplicate) {
        this.fail('agreement', `index ${index}: ${this.names[node]} ${outcome.duplicate ? 'skipped' : 'applied'} the entry, another node did the opposite (state machines diverged)`)
      }
      return
    }
    this.duplicateAt[index] = outcome.duplicate
    const session = outcome.session
    if (session === undefined || outcome.duplicate) return
    const key = `${session.client}:${session.seq}`
    const at = this.effectiveAt.get(key)
    if (at === undefined) this.effectiveAt.set(key, index)
    else if (at !== index) this.fail('validity', `request ${key} took effect twice: at ${at} and at ${index} (${this.names[node]})`)
  }

  snapshot(node: number, index: number, fingerprint: number): void {
    const known = this.stateAt.get(index)
    if (known === undefined) this.stateAt.set(index, { node, fingerprint })
    else if (known.fingerprint !== fingerprint) {
      this.fail('agreement', `app state at index ${index} differs between ${this.names[known.node]} and ${this.names[node]} (snapshot fingerprints)`)
    }
  }

  private checkProposed(node: number, entry: CommittedEntry): void {
    const decoded = decodeRequest(entry.payload)
    if (!decoded.ok) {
      this.fail('validity', `index ${entry.index} (first committed by ${this.names[node]}) is not a valid request: ${decoded.error.reason}`)
      return
    }
    const session = decoded.value.session
    const proposed = session === undefined ? undefined : this.proposed.get(`${session.client}:${session.seq}`)
    if (proposed === undefined || !bytesEqual(proposed, entry.payload)) {
      this.fail('validity', `index ${entry.index} (first committed by ${this.names[node]}) holds a request no client proposed`)
    }
  }

  private fail(check: CheckName, detail: string): void {
    this.failure ??= { check, detail }
  }
}
