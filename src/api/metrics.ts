// One prom-client registry per node: Node process metrics (including event-loop
// lag), libp2p's metrics, actor mailbox metrics and the node's own gauges all land
// here and are served at GET /metrics.

import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client'

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

/**
 * A metric registered once per registry: actors are created again on restart, and
 * prom-client refuses a second metric of the same name.
 */
export function registered<T> (registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create()
}

export function registeredCounter<L extends string> (registry: Registry, name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
  return registered(registry, name, () => new Counter({ name, help, labelNames, registers: [registry] }))
}
