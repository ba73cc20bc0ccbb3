// Byzantine PBFT replicas for the simulator (src/sim/types.ts `Adversary`), next to the core they
// attack. Each runs an honest core with its own identity (so it keeps up and its attacks are
// timely) and tampers with what it sends or hears. An adversary signs only with its own key
// (AdversaryContext.crypto); what it claims in others' names carries signatures it cannot make.
// Adversaries never invent client requests: requests are authenticated by the client layer, out
// of the core's reach (the validity checker would flag an invented one as no client's), so they
// only reorder, drop, duplicate or withhold real ones.
//
// Behaviours: an equivocating primary (different pre-prepares to different replicas, aimed at
// the fast path too, with its fellow adversaries voting for everything), silence (stock), replay
// of old messages (its own and others'), forged signatures, a primary that censors one client,
// conflicting and spurious view changes.

import type { NodeId, Rng } from '../core.js'
import { silent, stepHonestly } from '../../sim/adversaries.js'
import type { Adversary, AdversaryContext, Outgoing } from '../../sim/types.js'
import type { Batch, PbftMessage, PrePrepare, ViewChange } from './messages.js'
import type { PbftRecord } from './records.js'
import { Digests, sign } from './signing.js'
import { faultsTolerated } from './quorums.js'

type PbftAdversary = Adversary<PbftMessage, PbftRecord>
type Context = AdversaryContext<PbftMessage, PbftRecord>

/** What colluding adversaries share: every pre-prepare any of them signed or saw. */
export interface Coalition {
  readonly prePrepares: PrePrepare[]
}

function peersShuffled(context: Context): NodeId[] {
  const peers = context.peers.slice()
  for (let i = peers.length - 1; i > 0; i--) {
    const j = context.rng.int(0, i)
    const t = peers[i]!
    peers[i] = peers[j]!
    peers[j] = t
  }
  return peers
}

/** Another ordering of the same real requests (or the null request): a conflicting batch. */
function conflictingBatch(batch: Batch, rng: Rng): Batch {
  if (batch.length > 1) return rng.next() < 0.5 ? batch.slice().reverse() : batch.slice(1)
  return []
}

/**
 * An equivocating primary: every pre-prepare it issues goes, as issued, to some replicas and, for
 * the same (view, sequence), with a conflicting batch to the others (sometimes to just one, the
 * split that would let a too-small fast quorum commit). It sends both to its coalition, and votes
 * (prepare and commit) for every pre-prepare it learns of: a double voter.
 */
export function equivocator(coalition: Coalition): PbftAdversary {
  return (input, context) => {
    const digests = new Digests(context.crypto)
    const out: Outgoing<PbftMessage>[] = []
    for (const message of stepHonestly(context.honest, input)) {
      const original = message.message
      if (original.type !== 'prePrepare' || original.signer !== context.id || message.to !== 'all') {
        out.push(message)
        continue
      }
      const batch = conflictingBatch(original.batch, context.rng)
      const { signer: _signer, signature: _signature, ...body } = original
      const other = sign({ ...body, batch, digest: digests.batch(batch) }, context.id, digests)
      coalition.prePrepares.push(original, other)
      const peers = peersShuffled(context)
      const split = context.rng.next() < 0.5 ? 1 : context.rng.int(1, peers.length - 1)
      peers.forEach((peer, i) => out.push({ to: peer, message: i < split ? other : original }))
    }
    if (input.type === 'message' && input.message.type === 'prePrepare') coalition.prePrepares.push(input.message)
    return [...out, ...doubleVotes(coalition, context, digests)]
  }
}

/** A colluding backup: runs honestly, and also votes for every pre-prepare the coalition knows. */
export function doubleVoter(coalition: Coalition): PbftAdversary {
  return (input, context) => {
    const out = stepHonestly(context.honest, input)
    if (input.type === 'message' && input.message.type === 'prePrepare') coalition.prePrepares.push(input.message)
    return [...out, ...doubleVotes(coalition, context, new Digests(context.crypto))]
  }
}

const voted = new WeakMap<Context, Set<PrePrepare>>()

function doubleVotes(coalition: Coalition, context: Context, digests: Digests): Outgoing<PbftMessage>[] {
  let done = voted.get(context)
  if (done === undefined) voted.set(context, (done = new Set()))
  const out: Outgoing<PbftMessage>[] = []
  for (const prePrepare of coalition.prePrepares.slice(-64)) {
    if (done.has(prePrepare)) continue
    done.add(prePrepare)
    const { view, seq, digest } = prePrepare
    if (prePrepare.signer !== context.id) out.push({ to: 'all', message: sign({ type: 'prepare', view, seq, digest }, context.id, digests) })
    out.push({ to: 'all', message: sign({ type: 'commit', view, seq, digest }, context.id, digests) })
  }
  if (coalition.prePrepares.length > 1024) coalition.prePrepares.splice(0, coalition.prePrepares.length - 256)
  return out
}

/**
 * Replays old messages: every input, with probability `rate`, re-sends to a random peer one of
 * the messages it sent or received earlier (others' too, passed off as its own delivery).
 */
export function pbftReplayer(rate = 0.3): PbftAdversary {
  const seen: PbftMessage[] = []
  return (input, context) => {
    const out = stepHonestly(context.honest, input)
    const remember = (message: PbftMessage): void => {
      if (seen.length < 1024) seen.push(message)
      else seen[context.rng.int(0, seen.length - 1)] = message
    }
    for (const message of out) remember(message.message)
    if (input.type === 'message') remember(input.message)
    if (seen.length > 0 && context.rng.next() < rate) {
      out.push({ to: context.peers[context.rng.int(0, context.peers.length - 1)]!, message: seen[context.rng.int(0, seen.length - 1)]! })
    }
    return out
  }
}

/**
 * Forges signatures: alongside what it honestly sends, with probability `rate` per message, a
 * variant that cannot verify: the digest changed under the original signature, the same vote in
 * another replica's name, or a certificate padded with forged votes.
 */
export function forger(rate = 0.3): PbftAdversary {
  return (input, context) => {
    const out = stepHonestly(context.honest, input)
    const forged: Outgoing<PbftMessage>[] = []
    for (const { to, message } of out) {
      if (context.rng.next() >= rate) continue
      const victim = context.peers[context.rng.int(0, context.peers.length - 1)]!
      const garbage = new Uint8Array(16).map(() => context.rng.int(0, 255))
      switch (message.type) {
        case 'prepare':
        case 'commit':
        case 'prePrepare': {
          const digest = new Uint8Array(message.digest)
          digest[0] = digest[0]! ^ 0xff
          forged.push({ to, message: { ...message, digest } }) // signature no longer matches
          forged.push({ to, message: { ...message, signer: victim, signature: garbage } }) // in another's name
          break
        }
        case 'viewChange': {
          // A prepared certificate whose prepares are forged, claiming a sequence was prepared.
          const certificate = message.prepared[0]
          if (certificate !== undefined) {
            const prepares = certificate.prepares.map((p) => ({ ...p, signature: garbage }))
            const { signer: _s, signature: _sig, ...body } = message
            forged.push({ to, message: sign({ ...body, prepared: [{ ...certificate, prepares }, ...message.prepared.slice(1)] }, context.id, new Digests(context.crypto)) })
          }
          forged.push({ to, message: { ...message, signature: garbage } })
          break
        }
        case 'committed': {
          const commits = message.commits.map((c) => ({ ...c, signature: garbage }))
          forged.push({ to, message: { ...message, commits, prepares: message.prepares.map((p) => ({ ...p, signature: garbage })) } })
          break
        }
        default:
          forged.push({ to, message: { ...message, signer: victim, signature: garbage } })
      }
    }
    return [...out, ...forged]
  }
}

/**
 * A primary (or any replica) that never lets one client's requests through: it drops them from
 * every request message it hears, so its honest core never orders them (or times them out).
 */
export function censor(censored: (payload: Uint8Array) => boolean): PbftAdversary {
  return (input, context) => {
    if (input.type === 'message' && input.message.type === 'request') {
      const requests = input.message.requests.filter((request) => request.kind !== 'app' || !censored(request.payload))
      if (requests.length < input.message.requests.length) {
        // It cannot re-sign the sender's message without the censored requests, so it hands its
        // core the others as its own proposal (and read markers not at all).
        const payloads = requests.filter((r) => r.kind === 'app').map((r) => r.payload)
        return payloads.length === 0 ? [] : stepHonestly(context.honest, { type: 'propose', ref: 0, payloads })
      }
    }
    return stepHonestly(context.honest, input)
  }
}

/**
 * Conflicting view changes: every view change its core sends goes as is to some replicas and
 * stripped of its certificates (or with an older checkpoint) to the others; and now and then it
 * starts a view change by itself (a valid, empty one for the next view).
 */
export function viewChangeLiar(spuriousRate = 0.02): PbftAdversary {
  return (input, context) => {
    const digests = new Digests(context.crypto)
    const out: Outgoing<PbftMessage>[] = []
    for (const message of stepHonestly(context.honest, input)) {
      if (message.message.type !== 'viewChange' || message.message.signer !== context.id) {
        out.push(message)
        continue
      }
      const honest = message.message
      const { signer: _s, signature: _sig, ...body } = honest
      const conflicting: ViewChange = sign({ ...body, prepared: [], accepted: honest.accepted.slice(0, 1) }, context.id, digests)
      const peers = peersShuffled(context)
      const half = Math.floor(peers.length / 2)
      peers.forEach((peer, i) => out.push({ to: peer, message: i < half ? conflicting : honest }))
    }
    if (input.type === 'tick' && context.rng.next() < spuriousRate) {
      const view = context.honest.status().epoch + 1
      const checkpoint = { seq: 0, index: 0, stateDigest: new Uint8Array(), proof: [] }
      out.push({ to: 'all', message: sign({ type: 'viewChange', view, checkpoint, prepared: [], accepted: [] }, context.id, digests) })
    }
    return out
  }
}

export type PbftByzantineBehaviour = 'silent' | 'equivocate' | 'replay' | 'forge' | 'censor' | 'view-change'

/**
 * f = floor((n - 1) / 3) Byzantine replicas of one behaviour. Primary behaviours (equivocate,
 * censor) take the first f replicas, the primaries of views 0 .. f - 1, so f views in a row have
 * a Byzantine primary; the others take f replicas chosen by `rng`.
 */
export function byzantineReplicas(behaviour: PbftByzantineBehaviour, n: number, rng: Rng, censored: (payload: Uint8Array) => boolean): Map<number, PbftAdversary> {
  const f = faultsTolerated(n)
  const chosen: number[] = []
  if (behaviour === 'equivocate' || behaviour === 'censor') for (let i = 0; i < f; i++) chosen.push(i)
  else {
    const all = Array.from({ length: n }, (_, i) => i)
    for (let i = 0; i < f; i++) chosen.push(all.splice(rng.int(0, all.length - 1), 1)[0]!)
  }
  const coalition: Coalition = { prePrepares: [] }
  const build = (): PbftAdversary => {
    switch (behaviour) {
      case 'silent': return silent()
      case 'equivocate': return equivocator(coalition)
      case 'replay': return pbftReplayer()
      case 'forge': return forger()
      case 'censor': return censor(censored)
      case 'view-change': return viewChangeLiar()
    }
  }
  return new Map(chosen.map((index) => [index, build()]))
}
