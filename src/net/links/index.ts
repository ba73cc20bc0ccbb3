// Peer links: one long-lived stream per peer and protocol, with backpressure,
// rate limits and verdicts on every frame a peer sends.
export type {
  FrameHandler, Handshake, LinkState, LinksLibp2p, LinksLog, PeerLinkStatus, PeerLinksComponents, PeerLinksInit,
  PingError, PingResult, RateLimit, SendError, SendResult, VerdictEvent
} from './peer-links.js'
export { PeerLinks } from './peer-links.js'
export type { PeerScoresInit, PenaltyOutcome } from './peer-scores.js'
export { PeerScores } from './peer-scores.js'
export type { Offence, PenaltyTable, Verdict } from './verdict.js'
export { DEFAULT_PENALTIES } from './verdict.js'
export type { DropReason, LinkStatsSnapshot } from './metrics.js'
