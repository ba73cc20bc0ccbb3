// Many seeds of one scenario, spread over worker threads: seeds are independent runs, so a
// sweep scales with cores. Results come back in seed order whatever order workers finish in;
// each run is deterministic, so parallelism changes the speed, never a verdict.

import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { simProtocol } from './protocols.js'
import type { ScenarioName } from './scenarios.js'
import type { SimReport } from './simulation.js'

export interface SweepJob {
  readonly protocol: string
  readonly scenario: ScenarioName
  readonly durationUs: number
  /** Cluster size; default the scenario's (scenarioNodes). */
  readonly nodes?: number
}

/** Worker <- main: run this seed. */
export interface SweepTask extends SweepJob {
  readonly seed: number
}

export function defaultJobs(seeds: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(seeds / 4)))
}

/** Run `seeds` (in order) of `job`; `onReport` sees each report as it arrives. */
export async function runSweep(job: SweepJob, seeds: readonly number[], jobs: number, onReport?: (report: SimReport) => void): Promise<SimReport[]> {
  if (jobs <= 1 || seeds.length <= 1) {
    const protocol = simProtocol(job.protocol)
    if (protocol === undefined) throw new Error(`unknown protocol ${job.protocol}`)
    const reports: SimReport[] = []
    for (const seed of seeds) {
      const report = protocol.simulate(job.nodes === undefined ? { scenario: job.scenario, seed, durationUs: job.durationUs } : { scenario: job.scenario, seed, durationUs: job.durationUs, nodes: job.nodes })
      onReport?.(report)
      reports.push(report)
      // Let other work on the event loop (mocha's timers, output) breathe between runs.
      await new Promise((resolve) => setImmediate(resolve))
    }
    return reports
  }
  const bySeed = new Map<number, SimReport>()
  let next = 0
  const workers = Array.from({ length: Math.min(jobs, seeds.length) }, () => new Worker(new URL('./sweep-worker.js', import.meta.url)))
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= seeds.length) {
                resolve()
                return
              }
              const task: SweepTask = { ...job, seed: seeds[next++]! }
              worker.postMessage(task)
            }
            worker.on('message', (report: SimReport) => {
              bySeed.set(report.seed, report)
              onReport?.(report)
              feed()
            })
            worker.on('error', reject)
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`sweep worker exited with ${code}`))
            })
            feed()
          })
      )
    )
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return seeds.map((seed) => bySeed.get(seed >>> 0)!)
}
