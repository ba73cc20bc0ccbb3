// What the links decide about a frame from a peer, at the one place frames enter
// the node. accept: delivered. ignore: dropped, the peer is not blamed. reject:
// dropped and the peer penalised. Either way `resetStream` cuts the stream when
// its framing can no longer be trusted (an oversized or unreadable length prefix)
// or the peer never said a valid Hello.

import type { DecodeErrorCode } from '../wire/codec.js'
import type { FramingErrorCode } from '../wire/framing.js'

/** Why a frame was not delivered. Decode and framing codes keep their names. */
export type Offence =
  | DecodeErrorCode
  | `FRAMING_${FramingErrorCode}`
  | 'RATE_LIMITED'
  | 'HANDSHAKE'
  /** Blamed by a layer above (validator, detector) through PeerLinks.report(). */
  | 'REPORTED'

export type Verdict =
  | { action: 'accept' }
  | { action: 'ignore', offence: Offence, detail: string, resetStream: boolean }
  | { action: 'reject', offence: Offence, detail: string, penalty: number, resetStream: boolean }

/** Penalty per offence; 0 turns a reject into an ignore. */
export type PenaltyTable = Record<Exclude<Offence, 'REPORTED'>, number>

/**
 * Defaults against the default ban threshold of 100: five malformed frames, two
 * oversized ones or one failed handshake ban a peer; unknown types cost little
 * because a newer peer may send them in good faith; a peer that floods past its
 * rate limit is banned after 50 excess frames within a half-life.
 */
export const DEFAULT_PENALTIES: PenaltyTable = {
  TRUNCATED: 20,
  MALFORMED: 20,
  UNKNOWN_TYPE: 5,
  TOO_LARGE: 50,
  FRAMING_TOO_LARGE: 50,
  FRAMING_MALFORMED: 50,
  RATE_LIMITED: 2,
  HANDSHAKE: 100
}

/** Offences after which the stream is reset: its byte stream cannot be resynchronised. */
export function resetsStream (offence: Offence): boolean {
  return offence === 'FRAMING_TOO_LARGE' || offence === 'FRAMING_MALFORMED' || offence === 'HANDSHAKE'
}
