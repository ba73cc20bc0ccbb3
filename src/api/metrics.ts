// One prom-client registry per node: Node process metrics (including event-loop
// lag), libp2p's metrics, actor mailbox metrics and the node's own gauges all land
// here and are served at GET /metrics.

import { Gauge, Registry, collectDefaultMetrics } from 'prom-client'

export interface NodeMetrics {
  readonly registry: Registry
  readonly peers: Gauge
  readonly healthScore: Gauge
}

export function createNodeMetrics (): NodeMetrics {
  const registry = new Registry()
  // eventLoopMonitoringPrecision drives nodejs_eventloop_lag_{p50,p99,...}_seconds.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 })
  return {
    registry,
    peers: new Gauge({ name: 'blackhole_peers', help: 'Connected libp2p peers', registers: [registry] }),
    healthScore: new Gauge({ name: 'blackhole_health_score', help: 'Health score from 0 (failing) to 1 (healthy)', registers: [registry] })
  }
}
