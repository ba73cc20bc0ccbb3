// Stock adversaries for the simulator's node-replacement hook (types.ts `Adversary`). An
// adversary sees every input its node would (ticks, messages) and answers with arbitrary
// messages; it never touches a disk or a client. Byzantine protocols get their own
// (equivocating, forging) next to their cores; these are protocol-agnostic.

import type { Core, Effect, Input } from '../protocols/core.js'
import { assertNever } from '../protocols/core.js'
import type { Adversary, Outgoing } from './types.js'

/**
 * Run an honest core on `input` with an instant, infallible disk (persists are acknowledged on
 * the spot) and return what it sends. Adversaries build on it to run the protocol and then
 * tamper with the messages.
 */
export function stepHonestly<M, S>(core: Core<M, S>, input: Input<M>): Outgoing<M>[] {
  const out: Outgoing<M>[] = []
  const pending: Input<M>[] = [input]
  while (pending.length > 0) {
    const effects: Effect<M, S>[] = core.step(pending.shift()!)
    for (const effect of effects) {
      switch (effect.type) {
        case 'send':
          out.push({ to: effect.to, message: effect.message })
          break
        case 'broadcast':
          out.push({ to: 'all', message: effect.message })
          break
        case 'persist':
          pending.push({ type: 'persisted', id: effect.id })
          break
        case 'commit':
        case 'proposeAccepted':
        case 'proposeFailed':
        case 'readReady':
        case 'readFailed':
        case 'sendSnapshot':
        case 'evidence':
        case 'status':
          break
        default:
          assertNever(effect)
      }
    }
  }
  return out
}

/** Says nothing, ever (a crash that the others cannot tell from a partition). */
export function silent<M, S>(): Adversary<M, S> {
  return () => []
}

/** Runs the protocol honestly; `onInput` observes each input (tests use it to see the hook work). */
export function honest<M, S>(onInput?: (input: Input<M>) => void): Adversary<M, S> {
  return (input, context) => {
    onInput?.(input)
    return stepHonestly(context.honest, input)
  }
}

/**
 * Runs the protocol honestly and also re-sends, with probability `rate` per input, one of its
 * own earlier messages to a random peer: stale votes and appends arriving long after the fact.
 */
export function replayer<M, S>(rate = 0.2): Adversary<M, S> {
  const sent: Outgoing<M>[] = []
  return (input, context) => {
    const out = stepHonestly(context.honest, input)
    for (const message of out) {
      if (sent.length < 512) sent.push(message)
      else sent[context.rng.int(0, sent.length - 1)] = message
    }
    if (sent.length > 0 && context.rng.next() < rate) {
      const old = sent[context.rng.int(0, sent.length - 1)]!
      out.push({ to: context.peers[context.rng.int(0, context.peers.length - 1)]!, message: old.message })
    }
    return out
  }
}
