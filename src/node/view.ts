// What the outside world (HTTP API, mesh status table) can see of a node. The api
// actor answers these from the other actors' replies; the shapes are the public
// JSON of GET /status, /peers and /health (README, DESIGN.md "HTTP API").

import type { HealthReport } from '../api/health.js'

export interface PeerStatus {
  readonly peerId: string
  readonly addrs: readonly string[]
  /** Round-trip time of the last ping, or null before the first answer. */
  readonly latencyMs: number | null
  readonly direction: 'inbound' | 'outbound'
  readonly validator: boolean
  /** Wire score: falls with malformed frames, the peer is dropped past a threshold. */
  readonly score: number
  /** Bytes waiting to be sent to this peer (our queue plus the stream's buffer). */
  readonly queuedBytes: number
}

export interface NodeStatus {
  readonly peerId: string
  readonly chainId: string
  readonly protocol: string
  /** Protocol role; "idle" while no protocol core runs on this node. */
  readonly role: string
  readonly leader: string | null
  readonly term: number
  readonly commitIndex: number
  readonly appliedIndex: number
  readonly peers: readonly PeerStatus[]
  readonly validators: number
  readonly addrs: readonly string[]
  readonly uptimeSeconds: number
  readonly eventLoopLagMs: number
  readonly rssBytes: number
}

export interface NodeView {
  status(): Promise<NodeStatus>
  health(): Promise<HealthReport>
  metrics(): Promise<{ contentType: string, text: string }>
}
