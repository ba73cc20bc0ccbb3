// The validator actor: everything a frame must pass before a protocol core sees it.
// It owns the network's validator set (from the genesis) and the current membership
// (the protocol actor reports it as it changes: learners that joined, voters that were
// promoted), answers membership questions, and passes accepted frames on to the
// protocol, synchronizer or mempool. Consensus frames are accepted only from members;
// a join request from any peer that passed the handshake (same chain and genesis).
// Signature and digest checks with their caches join it with the Byzantine protocols.

import type { Registry } from 'prom-client'
import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import { registeredCounter } from '../api/metrics.js'
import type { Genesis } from '../config/genesis.js'
import type { Members } from '../protocols/core.js'
import type { PbftMessage } from '../protocols/pbft/messages.js'
import type { InboundFrame } from './router.js'

export type ValidatorMsg =
  | InboundFrame
  | { readonly type: 'isValidator'; readonly peerId: string; readonly replyTo: ActorRef<boolean> }
  | { readonly type: 'validatorSet'; readonly replyTo: ActorRef<ReadonlySet<string>> }
  /** Where accepted frames go; sent once these actors exist (they are spawned after the router). */
  | { readonly type: 'routes'; readonly routes: Routes }
  /** The membership the protocol now uses. */
  | { readonly type: 'members'; readonly members: Members }

export interface Routes {
  readonly protocol: ActorRef<InboundFrame>
  readonly synchronizer: ActorRef<InboundFrame>
  readonly mempool: ActorRef<InboundFrame>
}

export interface ValidatorInit {
  readonly genesis: Genesis
  readonly registry: Registry
  /** Whether a PBFT message is signed by its sender (`from`); the core relies on it. */
  readonly verifyPbft?: (from: string, message: PbftMessage) => boolean
}

export function validatorBehaviour (init: ValidatorInit): Behaviour<ValidatorMsg> {
  const frames = registeredCounter(init.registry, 'blackhole_validator_frames_total', 'Frames the validator judged, by message type and outcome', ['type', 'outcome'])
  return {
    create () {
      const validators: ReadonlySet<string> = new Set(init.genesis.validators.map((validator) => validator.peerId))
      // Genesis validators stay members until the protocol reports otherwise.
      let members: ReadonlySet<string> = validators
      // Until a protocol runs in the node, accepted frames are counted and dropped.
      let routes: Routes | undefined
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
              if (type !== 'joinRequest' && !members.has(msg.from)) {
                frames.inc({ type, outcome: 'not-a-member' })
                return
              }
              if (msg.message.type === 'pbft' && init.verifyPbft?.(msg.from, msg.message.message) !== true) {
                // Not signed by its sender: nothing a correct replica sends (a forgery, or a relay of another's message).
                frames.inc({ type, outcome: 'bad-signature' })
                return
              }
              frames.inc({ type, outcome: 'accepted' })
              // 'block' mailbox downstream: waiting here is what slows the peer's stream.
              await target.send(msg)
              return
            }
            case 'routes':
              routes = msg.routes
              return
            case 'members':
              members = new Set([...msg.members.voters, ...msg.members.learners])
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

/**
 * Consensus, read-index, join and operator frames go to the protocol, snapshot transfer to
 * the synchronizer, forwarded client requests to the mempool.
 */
function destination (type: InboundFrame['message']['type'], routes: Routes): ActorRef<InboundFrame> | undefined {
  switch (type) {
    case 'raft':
    case 'pbft':
    case 'readIndex':
    case 'readIndexResult':
    case 'joinRequest':
    case 'adminRequest':
    case 'adminResult':
      return routes.protocol
    case 'snapshotOffer':
    case 'snapshotChunkRequest':
    case 'snapshotChunk':
      return routes.synchronizer
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
