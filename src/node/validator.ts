// The validator actor: everything a frame must pass before a protocol core sees it.
// It owns the network's validator set (from the genesis), answers membership
// questions, and passes accepted frames on to the protocol actor. Signature and
// digest checks with their caches join it with the Byzantine protocols.

import type { Registry } from 'prom-client'
import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import { registeredCounter } from '../api/metrics.js'
import type { Genesis } from '../config/genesis.js'
import type { InboundFrame } from './router.js'

export type ValidatorMsg =
  | InboundFrame
  | { readonly type: 'isValidator'; readonly peerId: string; readonly replyTo: ActorRef<boolean> }
  | { readonly type: 'validatorSet'; readonly replyTo: ActorRef<ReadonlySet<string>> }
  /** Where accepted frames go; sent once these actors exist (they are spawned after the router). */
  | { readonly type: 'routes'; readonly protocol: ActorRef<InboundFrame>; readonly mempool: ActorRef<InboundFrame> }

export interface ValidatorInit {
  readonly genesis: Genesis
  readonly registry: Registry
}

export function validatorBehaviour (init: ValidatorInit): Behaviour<ValidatorMsg> {
  const frames = registeredCounter(init.registry, 'blackhole_validator_frames_total', 'Frames the validator judged, by message type and outcome', ['type', 'outcome'])
  return {
    create () {
      const validators: ReadonlySet<string> = new Set(init.genesis.validators.map((validator) => validator.peerId))
      // Until a protocol runs in the node, accepted frames are counted and dropped.
      let routes: { readonly protocol: ActorRef<InboundFrame>, readonly mempool: ActorRef<InboundFrame> } | undefined
      return {
        async receive (msg) {
          switch (msg.type) {
            case 'inbound': {
              const type = msg.message.type
              if (routes === undefined) {
                frames.inc({ type, outcome: 'no-protocol' })
                return
              }
              const target = destination(type, routes)
              if (target === undefined) {
                frames.inc({ type, outcome: 'not-for-consensus' })
                return
              }
              if (!validators.has(msg.from)) {
                // Learners and followers that are not validators join with the synchronizer (later).
                frames.inc({ type, outcome: 'not-a-validator' })
                return
              }
              frames.inc({ type, outcome: 'accepted' })
              // 'block' mailbox downstream: waiting here is what slows the peer's stream.
              await target.send(msg)
              return
            }
            case 'routes':
              routes = { protocol: msg.protocol, mempool: msg.mempool }
              return
            case 'isValidator':
              msg.replyTo.tell(validators.has(msg.peerId))
              return
            case 'validatorSet':
              msg.replyTo.tell(validators)
              return
            default:
              assertNever(msg)
          }
        }
      }
    }
  }
}

/** Consensus and read-index frames go to the protocol, forwarded client requests to the mempool. */
function destination (type: InboundFrame['message']['type'], routes: { readonly protocol: ActorRef<InboundFrame>, readonly mempool: ActorRef<InboundFrame> }): ActorRef<InboundFrame> | undefined {
  switch (type) {
    case 'raft':
    case 'readIndex':
    case 'readIndexResult':
      return routes.protocol
    case 'forward':
    case 'forwardResult':
      return routes.mempool
    case 'hello':
    case 'ping':
    case 'pong':
    case 'bench':
      return undefined
    default:
      return assertNever(type)
  }
}
