// The validator actor: everything a frame must pass before a protocol core sees it.
// It owns the network's validator set (from the genesis) and answers membership
// questions; signature and digest checks with their caches join it with the
// Byzantine protocols.

import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import type { Genesis } from '../config/genesis.js'

export type ValidatorMsg =
  | { readonly type: 'isValidator'; readonly peerId: string; readonly replyTo: ActorRef<boolean> }
  | { readonly type: 'validatorSet'; readonly replyTo: ActorRef<ReadonlySet<string>> }

export function validatorBehaviour (genesis: Genesis): Behaviour<ValidatorMsg> {
  return {
    create () {
      const validators: ReadonlySet<string> = new Set(genesis.validators.map((validator) => validator.peerId))
      return {
        receive (msg) {
          switch (msg.type) {
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
