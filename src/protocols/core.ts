// The contract every protocol core follows (DESIGN.md, "The protocol core is pure").
//
// A core is a deterministic state machine: `step(input)` returns effects and does
// nothing else. No I/O, no timers, no promises, no Math.random. Time arrives as
// ticks; randomness comes from the seeded `Rng` handed over at construction. The
// same core runs in the simulator (src/sim) and in the protocol actor of a node.
//
// Persistence: a core that needs state to be durable before it may act on it
// (a vote, an appended entry) emits a `persist` effect with a fresh id and holds
// back every message that depends on it until the host answers with
// `{ type: 'persisted', id }`. The host may therefore carry out `send` effects as
// soon as it sees them. On restart a core is rebuilt from exactly the persist
// records that were acknowledged, in order (see `CoreFactory`).

/** A node's identity inside a core: a libp2p peer id string in a node, "n0".."n4" in the simulator. */
export type NodeId = string

/** Seeded randomness for cores (election timeouts, Avalanche samples). */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number
  /** Uniform integer in [min, max] inclusive. */
  int(min: number, max: number): number
}

/** One client operation as the core sees it: opaque bytes (the app decodes them). */
export type Payload = Uint8Array

export type EntryKind = 'app' | 'noop' | 'config'

export interface CommittedEntry {
  /** Position of this entry in the agreed history (1-based, gap-free across commits). */
  readonly index: number
  readonly kind: EntryKind
  /** For 'app' entries, the proposed payload; for others, protocol-defined bytes. */
  readonly payload: Payload
}

/** Proof that a commit was agreed: the same shape for every protocol. */
export interface Certificate {
  readonly protocol: 'raft' | 'pbft' | 'hotstuff' | 'avalanche'
  /** Raft term, PBFT/HotStuff view, Avalanche round. */
  readonly epoch: number
  /** Nodes whose votes/acks certify the commit (empty where the protocol does not track them, as in Raft). */
  readonly signers: readonly NodeId[]
  /** Protocol-defined proof bytes (signatures, aggregate signature); empty for Raft. */
  readonly proof: Uint8Array
}

/** An ordered batch of agreed entries. Every protocol emits this one shape. */
export interface Commit {
  /** Index of the first entry; commits are contiguous and never overlap. */
  readonly position: number
  readonly entries: readonly CommittedEntry[]
  readonly certificate: Certificate
}

/** A typed error that crosses the core boundary (STYLE.md: errors are values with a code). */
export type CoreError =
  | { readonly code: 'NOT_LEADER'; readonly leader?: NodeId }
  | { readonly code: 'NO_LEADER' }
  | { readonly code: 'NO_QUORUM' }
  | { readonly code: 'DROPPED'; readonly reason: string }

export type Role = 'leader' | 'follower' | 'candidate' | 'pre-candidate' | 'learner' | 'primary' | 'backup' | 'replica'

export interface CoreStatus {
  readonly role: Role
  /** Raft term or BFT view. */
  readonly epoch: number
  readonly leader: NodeId | undefined
  readonly commitIndex: number
  /** The membership this node currently uses (its latest configuration), where the protocol has one. */
  readonly members?: Members
  /**
   * State transfer (PBFT): the core has asked a peer for the app snapshot at `index`, certified by
   * a quorum to hash to `digest`. A host installs a received snapshot only if the digest of its
   * bytes (computed with `CoreConfig.crypto.digest`) equals `digest`; otherwise it drops it unread.
   * Absent when the core wants no snapshot, and for protocols that trust their snapshot sender (Raft).
   */
  readonly snapshotWanted?: { readonly index: number; readonly digest: Uint8Array }
}

export interface Members {
  readonly voters: readonly NodeId[]
  readonly learners: readonly NodeId[]
}

/** Misbehaviour a core observed: signed evidence for the detector. */
export interface Evidence {
  /**
   * 'invalid-signature': a message (or a certificate inside one) whose signature does not verify;
   * 'invalid-message': a message no correct sender emits (from a non-validator, malformed, a
   * digest that does not match its content).
   */
  readonly kind: 'double-vote' | 'equivocation' | 'invalid-proposal' | 'conflicting-view-change' | 'replay' | 'invalid-signature' | 'invalid-message'
  readonly offender: NodeId
  readonly epoch: number
  readonly detail: string
}

/** Operator commands; membership changes are themselves agreed entries (kind 'config'). */
export type AdminCommand =
  | { readonly kind: 'addLearner'; readonly node: NodeId }
  | { readonly kind: 'promote'; readonly node: NodeId }
  | { readonly kind: 'remove'; readonly node: NodeId }
  | { readonly kind: 'transferLeadership'; readonly to: NodeId }

export type Input<M> =
  | { readonly type: 'tick' }
  | { readonly type: 'message'; readonly from: NodeId; readonly message: M }
  /** A client proposal: a batch of payloads the host wants ordered. `ref` lets the host match the outcome. */
  | { readonly type: 'propose'; readonly ref: number; readonly payloads: readonly Payload[] }
  /** The persist effect with this id is durable. */
  | { readonly type: 'persisted'; readonly id: number }
  /**
   * The app has taken a snapshot covering entries up to `index`; the core may compact its log.
   * `digest`: the digest of the snapshot bytes (`CoreConfig.crypto.digest`), for protocols whose
   * checkpoints certify the app state (PBFT asks for it with a commit effect's `checkpoint` flag).
   */
  | { readonly type: 'snapshotTaken'; readonly index: number; readonly digest?: Uint8Array }
  /**
   * A snapshot received from `from` was installed in the app; entries up to `index` are in the state.
   * `meta` is the opaque protocol metadata the sender's core put in its `sendSnapshot` effect.
   * `digest`: the digest of the installed snapshot's bytes (see `CoreStatus.snapshotWanted`).
   */
  | { readonly type: 'snapshotApplied'; readonly from: NodeId; readonly index: number; readonly meta: Uint8Array; readonly digest?: Uint8Array }
  /** A linearizable read: the core answers with `readReady` once it is safe to serve at some index. */
  | { readonly type: 'read'; readonly ref: number }
  /** An operator command (membership, leadership). Answered with proposeAccepted/proposeFailed for `ref`. */
  | { readonly type: 'admin'; readonly ref: number; readonly command: AdminCommand }

export type Effect<M, S> =
  | { readonly type: 'send'; readonly to: NodeId; readonly message: M }
  | { readonly type: 'broadcast'; readonly message: M }
  /**
   * Make `record` durable, then answer `{ type: 'persisted', id }`. Records are applied in id order.
   * `deferrable`: nothing the core does soon waits for this record, so the host may hold it back
   * and write it with the next persist that is not deferrable, or at its next tick, whichever
   * comes first (one fsync for several records). The answer still means durable, whenever it comes.
   */
  | { readonly type: 'persist'; readonly id: number; readonly record: S; readonly deferrable?: boolean }
  /**
   * Apply `commit`. With `checkpoint` (PBFT), right after applying it the host takes a durable app
   * snapshot at the commit's last index, keeps it to serve `sendSnapshot`, and steps
   * `snapshotTaken { index, digest }` with the digest of the snapshot bytes.
   */
  | { readonly type: 'commit'; readonly commit: Commit; readonly checkpoint?: boolean }
  /** The proposal `ref` was accepted for ordering (it may still be lost in a leader change). */
  | { readonly type: 'proposeAccepted'; readonly ref: number }
  | { readonly type: 'proposeFailed'; readonly ref: number; readonly error: CoreError }
  /** Reads `ref` may be served once the app has applied up to `index`. */
  | { readonly type: 'readReady'; readonly ref: number; readonly index: number }
  | { readonly type: 'readFailed'; readonly ref: number; readonly error: CoreError }
  /**
   * Ask the host to send `to` the app snapshot it took at `index` (the log was compacted past what
   * `to` needs), together with `meta` (the core's own metadata: term, membership). The receiving
   * host installs it in its app and then steps its core with `snapshotApplied`.
   */
  | { readonly type: 'sendSnapshot'; readonly to: NodeId; readonly index: number; readonly meta: Uint8Array }
  | { readonly type: 'evidence'; readonly evidence: Evidence }
  | { readonly type: 'status'; readonly status: CoreStatus }

export interface Core<M, S> {
  step(input: Input<M>): Effect<M, S>[]
  status(): CoreStatus
}

/**
 * Signatures and digests for Byzantine cores, injected so the core stays pure: ed25519 signing is
 * deterministic and sha256 is a function, so a core that calls these is still a function of its
 * inputs. A node passes its identity key; the simulator a deterministic stand-in (src/sim/crypto.ts).
 */
export interface Crypto {
  // `bytes` are valid only during a call (a core may reuse the buffer afterwards): copy to keep them.
  /** Sign `bytes` with this node's key. */
  sign(bytes: Uint8Array): Uint8Array
  /** Whether `signature` is `node`'s signature of `bytes`. */
  verify(node: NodeId, bytes: Uint8Array, signature: Uint8Array): boolean
  /** A collision-resistant digest (sha256). */
  digest(bytes: Uint8Array): Uint8Array
}

export interface CoreConfig {
  readonly id: NodeId
  /** Voting members at genesis, including `id` when it votes. */
  readonly voters: readonly NodeId[]
  readonly rng: Rng
  /** Required by Byzantine protocols (PBFT); crash-fault protocols (Raft) ignore it. */
  readonly crypto?: Crypto
}

/** Builds a core from configuration and the acknowledged persist records, oldest first. */
export type CoreFactory<M, S> = (config: CoreConfig, persisted: readonly S[]) => Core<M, S>

export function assertNever(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`)
}
