// Event-loop delay, sampled continuously: the status view, the mesh table and the
// health check read it. (prom-client's default metrics keep their own copy for /metrics.)

import { monitorEventLoopDelay } from 'node:perf_hooks'

export class EventLoopMonitor {
  private readonly histogram: ReturnType<typeof monitorEventLoopDelay> = monitorEventLoopDelay({ resolution: 10 })

  start (): void { this.histogram.enable() }
  stop (): void { this.histogram.disable() }

  /** Mean delay beyond the sampling resolution, ms. */
  meanMs (): number {
    return Number.isNaN(this.histogram.mean) ? 0 : Math.max(0, this.histogram.mean / 1e6 - 10)
  }

  p99Ms (): number {
    return Math.max(0, this.histogram.percentile(99) / 1e6 - 10)
  }
}
