// Checks of the certificates PBFT messages carry: checkpoint proofs, prepared certificates,
// committed certificates, pre-prepares. Every signature a certificate relies on is verified (the
// Verifier caches the ones seen before). A failed check names the evidence it is against the
// replica that sent it: a correct replica never sends a certificate that does not check.

import type { Evidence, NodeId } from '../core.js'
import type { CheckpointCertificate, CommitVote, CommittedCertificate, PbftMessage, PreparedCertificate, Prepare, PrePrepare } from './messages.js'
import { faultsTolerated, fastQuorumSize, quorumSize, recoverySupport } from './quorums.js'
import { bytesEqual, type Digests, type Verifier } from './signing.js'

/** The fixed facts of one network: who votes, quorum sizes, the log window. */
export class Validators {
  readonly n: number
  readonly f: number
  /** Q: prepared needs the pre-prepare and Q - 1 prepares; committed needs Q commits. */
  readonly quorum: number
  readonly fastQuorum: number
  /** Support that makes a view change re-propose a digest over a prepared certificate (quorums.ts). */
  readonly recoverySupport: number
  private readonly members: ReadonlySet<NodeId>

  constructor(
    readonly voters: readonly NodeId[],
    /** L: sequences a replica accepts above its low watermark (the last stable checkpoint). */
    readonly window: number,
    readonly verifier: Verifier,
    fastQuorum?: number
  ) {
    this.n = voters.length
    this.f = faultsTolerated(this.n)
    this.quorum = quorumSize(this.n)
    this.fastQuorum = fastQuorum ?? fastQuorumSize(this.n)
    this.recoverySupport = recoverySupport(this.n)
    this.members = new Set(voters)
  }

  get digests(): Digests {
    return this.verifier.digests
  }

  /** primary = view mod n (§4.1). */
  primary(view: number): NodeId {
    return this.voters[view % this.n]!
  }

  isVoter(node: NodeId): boolean {
    return this.members.has(node)
  }
}

export type Check = { readonly ok: true } | { readonly ok: false; readonly kind: Evidence['kind']; readonly detail: string }

const OK: Check = { ok: true }

function fail(kind: Evidence['kind'], detail: string): Check {
  return { ok: false, kind, detail }
}

/** The genesis checkpoint: sequence 0, index 0, no proof needed. */
export const GENESIS_CHECKPOINT: CheckpointCertificate = { seq: 0, index: 0, stateDigest: new Uint8Array(), proof: [] }

function signedBy(message: PbftMessage, signer: NodeId, validators: Validators, what: string): Check {
  if (message.signer !== signer) return fail('invalid-message', `${what} signed by ${message.signer}, expected ${signer}`)
  return validators.verifier.verify(message) ? OK : fail('invalid-signature', `${what}: bad signature of ${message.signer}`)
}

/**
 * Whether the pre-prepares in a certificate carry their batches. A new-view carries each batch once,
 * in the pre-prepares it re-issues; in the view changes it embeds, the pre-prepares leave their
 * batches out (PBFT §4.4: "without the corresponding client message"). Signatures cover only the
 * digest, so a pre-prepare without its batch still proves (view, seq, digest).
 */
export type Bodies = 'carried' | 'omitted'

/** A pre-prepare signed by the primary of its view whose batch matches its digest (or is omitted, where allowed). */
export function checkPrePrepare(prePrepare: PrePrepare, validators: Validators, bodies: Bodies = 'carried'): Check {
  if (prePrepare.type !== 'prePrepare') return fail('invalid-message', 'not a pre-prepare')
  if (!Number.isSafeInteger(prePrepare.seq) || prePrepare.seq < 1) return fail('invalid-message', `pre-prepare at sequence ${prePrepare.seq}`)
  const signed = signedBy(prePrepare, validators.primary(prePrepare.view), validators, `pre-prepare (${prePrepare.view}, ${prePrepare.seq})`)
  if (!signed.ok) return signed
  if (bodies === 'omitted' && prePrepare.batch.length === 0) return OK
  if (!bytesEqual(validators.digests.batch(prePrepare.batch), prePrepare.digest)) {
    return fail('invalid-proposal', `pre-prepare (${prePrepare.view}, ${prePrepare.seq}): the batch does not match its digest`)
  }
  return OK
}

/** Q matching checkpoint messages from distinct validators (§4.3), or the genesis. */
export function checkCheckpointCertificate(certificate: CheckpointCertificate, validators: Validators): Check {
  if (certificate.seq === 0) {
    return certificate.index === 0 && certificate.stateDigest.length === 0 ? OK : fail('invalid-message', 'a genesis checkpoint with state')
  }
  const signers = new Set<NodeId>()
  for (const checkpoint of certificate.proof) {
    if (checkpoint.type !== 'checkpoint' || checkpoint.seq !== certificate.seq || checkpoint.index !== certificate.index || !bytesEqual(checkpoint.stateDigest, certificate.stateDigest)) {
      return fail('invalid-message', `checkpoint proof for ${certificate.seq} holds a non-matching message`)
    }
    if (!validators.isVoter(checkpoint.signer) || signers.has(checkpoint.signer)) return fail('invalid-message', `checkpoint proof for ${certificate.seq}: signer ${checkpoint.signer} repeated or not a validator`)
    if (!validators.verifier.verify(checkpoint)) return fail('invalid-signature', `checkpoint proof for ${certificate.seq}: bad signature of ${checkpoint.signer}`)
    signers.add(checkpoint.signer)
  }
  return signers.size >= validators.quorum ? OK : fail('invalid-message', `checkpoint proof for ${certificate.seq} has ${signers.size} of ${validators.quorum} signers`)
}

/** Votes (prepares or commits) for exactly (view, seq, digest) from distinct validators; returns how many, or a failure. */
function countVotes(votes: readonly (Prepare | CommitVote)[], type: 'prepare' | 'commit', prePrepare: PrePrepare, validators: Validators, exclude: NodeId | undefined): Check | number {
  const signers = new Set<NodeId>()
  for (const vote of votes) {
    if (vote.type !== type || vote.view !== prePrepare.view || vote.seq !== prePrepare.seq || !bytesEqual(vote.digest, prePrepare.digest)) {
      return fail('invalid-message', `certificate for (${prePrepare.view}, ${prePrepare.seq}) holds a non-matching ${type}`)
    }
    if (!validators.isVoter(vote.signer) || signers.has(vote.signer) || vote.signer === exclude) {
      return fail('invalid-message', `certificate for (${prePrepare.view}, ${prePrepare.seq}): ${type} signer ${vote.signer} repeated, the primary, or not a validator`)
    }
    if (!validators.verifier.verify(vote)) return fail('invalid-signature', `certificate for (${prePrepare.view}, ${prePrepare.seq}): bad ${type} signature of ${vote.signer}`)
    signers.add(vote.signer)
  }
  return signers.size
}

/** prepared(m, v, n): the pre-prepare and Q - 1 prepares from distinct backups (§4.2). */
export function checkPreparedCertificate(certificate: PreparedCertificate, validators: Validators, bodies: Bodies = 'carried'): Check {
  const prePrepare = checkPrePrepare(certificate.prePrepare, validators, bodies)
  if (!prePrepare.ok) return prePrepare
  const count = countVotes(certificate.prepares, 'prepare', certificate.prePrepare, validators, validators.primary(certificate.prePrepare.view))
  if (typeof count !== 'number') return count
  return count >= validators.quorum - 1 ? OK : fail('invalid-message', `prepared certificate for (${certificate.prePrepare.view}, ${certificate.prePrepare.seq}) has ${count} of ${validators.quorum - 1} prepares`)
}

/** Committed: the pre-prepare and Q commits, or (fast path) the pre-prepare and fastQuorum - 1 prepares. */
export function checkCommittedCertificate(certificate: CommittedCertificate, validators: Validators): Check {
  const prePrepare = checkPrePrepare(certificate.prePrepare, validators)
  if (!prePrepare.ok) return prePrepare
  const primary = validators.primary(certificate.prePrepare.view)
  if (certificate.commits.length > 0) {
    const count = countVotes(certificate.commits, 'commit', certificate.prePrepare, validators, undefined)
    if (typeof count !== 'number') return count
    return count >= validators.quorum ? OK : fail('invalid-message', `committed certificate with ${count} of ${validators.quorum} commits`)
  }
  const count = countVotes(certificate.prepares, 'prepare', certificate.prePrepare, validators, primary)
  if (typeof count !== 'number') return count
  return count + 1 >= validators.fastQuorum && count + 1 >= validators.quorum ? OK : fail('invalid-message', `fast certificate with ${count + 1} of ${validators.fastQuorum} votes`)
}
