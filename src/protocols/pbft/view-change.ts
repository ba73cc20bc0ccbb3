// The view change (§4.4): what a view-change message must hold to be valid, how the new primary
// turns Q of them into the pre-prepares of the new view (O), and how a backup checks a new-view
// before entering it (by recomputing O). The choice for one sequence is the rule argued in
// quorums.ts: PBFT's "highest-view prepared certificate", except that a digest whose latest
// pre-prepares, above that view, come from f + 1 or more reporters wins (the fast path's trace).

import type { Batch, CheckpointCertificate, NewView, PreparedCertificate, PrePrepare, ViewChange } from './messages.js'
import { type Bodies, checkCheckpointCertificate, checkPreparedCertificate, checkPrePrepare, GENESIS_CHECKPOINT, type Check, type Validators } from './certificates.js'
import { bytesEqual, compareBytes, hex } from './signing.js'

const OK: Check = { ok: true }

function fail(kind: Extract<Check, { ok: false }>['kind'], detail: string): Check {
  return { ok: false, kind, detail }
}

/**
 * Every certificate in a view change checks, and every sequence is inside the sender's window.
 * Pre-prepares may omit their batches (withoutBodies): a batch that is there must match.
 */
export function checkViewChange(viewChange: ViewChange, validators: Validators): Check {
  const bodies: Bodies = 'omitted'
  if (viewChange.type !== 'viewChange' || !(viewChange.view >= 1)) return fail('invalid-message', 'a view change to view 0')
  const checkpoint = checkCheckpointCertificate(viewChange.checkpoint, validators)
  if (!checkpoint.ok) return checkpoint
  const low = viewChange.checkpoint.seq
  const high = low + validators.window
  const preparedAt = new Map<number, number>()
  for (const certificate of viewChange.prepared) {
    const { view, seq } = certificate.prePrepare
    if (view >= viewChange.view || seq <= low || seq > high || preparedAt.has(seq)) {
      return fail('invalid-message', `view change to ${viewChange.view}: prepared certificate (${view}, ${seq}) out of place`)
    }
    const check = checkPreparedCertificate(certificate, validators, bodies)
    if (!check.ok) return check
    preparedAt.set(seq, view)
  }
  const acceptedAt = new Set<number>()
  for (const prePrepare of viewChange.accepted) {
    const { view, seq } = prePrepare
    if (view >= viewChange.view || seq <= low || seq > high || acceptedAt.has(seq) || view <= (preparedAt.get(seq) ?? -1)) {
      return fail('invalid-message', `view change to ${viewChange.view}: accepted pre-prepare (${view}, ${seq}) out of place`)
    }
    const check = checkPrePrepare(prePrepare, validators, bodies)
    if (!check.ok) return check
    acceptedAt.add(seq)
  }
  return OK
}

/**
 * A view change's pre-prepares without their batches (PBFT §4.4 sends certificates "without the
 * corresponding client message"), except those `keep` names. Signatures cover digests only, so the
 * view change and its certificates still verify. What is left out is known by digest: planNewView
 * decides by digests, and the new primary finds the batches it re-issues in its own log (core.ts,
 * maybeSendNewView). Without this a view change holds every batch since the stable checkpoint,
 * and a new-view Q + 1 times that: past the 1 MiB frame under load, so the view change never
 * completed. A new-view embeds its view changes with no batch at all: its own pre-prepares carry
 * the batches it re-issues.
 */
export function withoutBodies(viewChange: ViewChange, keep: (prePrepare: PrePrepare) => boolean = () => false): ViewChange {
  const bare = (prePrepare: PrePrepare): PrePrepare => keep(prePrepare) ? prePrepare : withoutBatch(prePrepare)
  return {
    ...viewChange,
    prepared: viewChange.prepared.map((certificate) => ({ ...certificate, prePrepare: bare(certificate.prePrepare) })),
    accepted: viewChange.accepted.map(bare)
  }
}

/** The batch of (seq, digest) if one of these view changes carried it. */
export function carriedBatch(viewChanges: readonly ViewChange[], seq: number, digest: Uint8Array): Batch | undefined {
  for (const viewChange of viewChanges) {
    for (const prePrepare of [...viewChange.prepared.map((certificate) => certificate.prePrepare), ...viewChange.accepted]) {
      if (prePrepare.seq === seq && prePrepare.batch.length > 0 && bytesEqual(prePrepare.digest, digest)) return prePrepare.batch
    }
  }
  return undefined
}

/** The pre-prepare without its batch: it still proves (view, seq, digest). */
export function withoutBatch(prePrepare: PrePrepare): PrePrepare {
  return prePrepare.batch.length === 0 ? prePrepare : { ...prePrepare, batch: [] }
}

/**
 * What the new primary re-issues for one sequence: a digest and its batch (empty: a null request,
 * or a batch the view changes left out; the digest tells which).
 */
export interface Choice {
  readonly seq: number
  readonly digest: Uint8Array
  readonly batch: Batch
}

export interface NewViewPlan {
  /** The highest stable checkpoint in V: the new view's low watermark (min-s). */
  readonly checkpoint: CheckpointCertificate
  /** One choice per sequence in (checkpoint.seq, max-s], in order. */
  readonly choices: readonly Choice[]
}

/** Indexes one view change's reports by sequence. */
interface Reports {
  readonly prepared: ReadonlyMap<number, PreparedCertificate>
  /** The sender's latest accepted pre-prepare per sequence (from `accepted`, else its prepared certificate). */
  readonly latest: ReadonlyMap<number, PrePrepare>
}

function reportsOf(viewChange: ViewChange): Reports {
  const prepared = new Map<number, PreparedCertificate>()
  const latest = new Map<number, PrePrepare>()
  for (const certificate of viewChange.prepared) {
    prepared.set(certificate.prePrepare.seq, certificate)
    latest.set(certificate.prePrepare.seq, certificate.prePrepare)
  }
  for (const prePrepare of viewChange.accepted) latest.set(prePrepare.seq, prePrepare)
  return { prepared, latest }
}

/** O for a set of Q valid view changes (the caller checked them). Deterministic in V. */
export function planNewView(viewChanges: readonly ViewChange[], validators: Validators): NewViewPlan {
  let checkpoint = GENESIS_CHECKPOINT
  for (const viewChange of viewChanges) {
    const candidate = viewChange.checkpoint
    if (candidate.seq > checkpoint.seq || (candidate.seq === checkpoint.seq && compareBytes(candidate.stateDigest, checkpoint.stateDigest) < 0)) checkpoint = candidate
  }
  const reports = viewChanges.map(reportsOf)
  let maxSeq = checkpoint.seq
  for (const report of reports) for (const seq of report.latest.keys()) if (seq > maxSeq) maxSeq = seq
  const choices: Choice[] = []
  for (let seq = checkpoint.seq + 1; seq <= maxSeq; seq++) choices.push(chooseForSequence(seq, reports, validators))
  return { checkpoint, choices }
}

/**
 * The digest the new view re-proposes at `seq` (quorums.ts has the safety argument):
 * h = the highest view of a prepared certificate for `seq` in V; every reporter whose latest
 * pre-prepare for `seq` is above h supports that pre-prepare's digest; the digest with the most
 * support wins if it has at least f + 1 (ties: the higher view, then the smaller digest); else the
 * prepared certificate at h; else a null request.
 */
function chooseForSequence(seq: number, reports: readonly Reports[], validators: Validators): Choice {
  let highest: PrePrepare | undefined
  for (const report of reports) {
    const prePrepare = report.prepared.get(seq)?.prePrepare
    if (prePrepare === undefined) continue
    if (highest === undefined || prePrepare.view > highest.view || (prePrepare.view === highest.view && compareBytes(prePrepare.digest, highest.digest) < 0)) highest = prePrepare
  }
  const floor = highest?.view ?? -1
  const support = new Map<string, { count: number; best: PrePrepare }>()
  for (const report of reports) {
    const latest = report.latest.get(seq)
    if (latest === undefined || latest.view <= floor) continue
    const key = hex(latest.digest)
    const entry = support.get(key)
    if (entry === undefined) support.set(key, { count: 1, best: latest })
    else {
      entry.count++
      if (latest.view > entry.best.view) entry.best = latest
    }
  }
  let winner: { count: number; best: PrePrepare } | undefined
  for (const entry of support.values()) {
    if (
      winner === undefined ||
      entry.count > winner.count ||
      (entry.count === winner.count && (entry.best.view > winner.best.view || (entry.best.view === winner.best.view && compareBytes(entry.best.digest, winner.best.digest) < 0)))
    ) winner = entry
  }
  const chosen = winner !== undefined && winner.count >= validators.recoverySupport ? winner.best : highest
  if (chosen !== undefined) return { seq, digest: chosen.digest, batch: chosen.batch }
  return { seq, digest: validators.digests.batch([]), batch: [] }
}

/** The outcome of checking a new-view: its plan when it is valid. */
export type NewViewCheck = (Check & { readonly ok: false }) | { readonly ok: true; readonly plan: NewViewPlan }

/**
 * A backup enters a new view only if the new-view is signed by that view's primary (the caller
 * verified the top-level signature), carries Q valid view changes for that view from distinct
 * validators, and re-issues exactly the pre-prepares O those view changes determine.
 */
export function checkNewView(newView: NewView, validators: Validators): NewViewCheck {
  const primary = validators.primary(newView.view)
  if (newView.signer !== primary) return { ok: false, kind: 'invalid-message', detail: `new-view for ${newView.view} from ${newView.signer}, not its primary ${primary}` }
  const signers = new Set<string>()
  for (const viewChange of newView.viewChanges) {
    if (viewChange.view !== newView.view || !validators.isVoter(viewChange.signer) || signers.has(viewChange.signer)) {
      return { ok: false, kind: 'invalid-proposal', detail: `new-view for ${newView.view} carries a view change for ${viewChange.view} by ${viewChange.signer} (wrong view, repeated, or not a validator)` }
    }
    if (!validators.verifier.verify(viewChange)) return { ok: false, kind: 'invalid-signature', detail: `new-view for ${newView.view}: forged view change of ${viewChange.signer}` }
    const check = checkViewChange(viewChange, validators)
    if (!check.ok) return { ok: false, kind: check.kind, detail: `new-view for ${newView.view}: view change of ${viewChange.signer}: ${check.detail}` }
    signers.add(viewChange.signer)
  }
  if (signers.size < validators.quorum) {
    return { ok: false, kind: 'invalid-proposal', detail: `new-view for ${newView.view} carries ${signers.size} of ${validators.quorum} view changes` }
  }
  const plan = planNewView(newView.viewChanges, validators)
  if (newView.prePrepares.length !== plan.choices.length) {
    return { ok: false, kind: 'invalid-proposal', detail: `new-view for ${newView.view} re-issues ${newView.prePrepares.length} pre-prepares, its view changes determine ${plan.choices.length}` }
  }
  for (let i = 0; i < plan.choices.length; i++) {
    const choice = plan.choices[i]!
    const prePrepare = newView.prePrepares[i]!
    if (prePrepare.view !== newView.view || prePrepare.seq !== choice.seq || !bytesEqual(prePrepare.digest, choice.digest)) {
      return { ok: false, kind: 'invalid-proposal', detail: `new-view for ${newView.view} re-issues the wrong pre-prepare at sequence ${choice.seq}` }
    }
    // The new primary sends the batches it executed by digest only (core.ts, maybeSendNewView).
    const check = checkPrePrepare(prePrepare, validators, 'omitted')
    if (!check.ok) return { ok: false, kind: check.kind, detail: `new-view for ${newView.view}: ${check.detail}` }
  }
  return { ok: true, plan }
}
