// `blackhole sim`: run scenarios over seeds, print one line per scenario, every failing seed
// with the one command that replays it, and the simulation speed. bin/blackhole.ts (commander)
// calls `runSim`; `node dist/src/sim/main.js` is the same thing without the rest of the CLI.

import { EXTRA_SCENARIOS, SCENARIOS, SCENARIO_DESCRIPTIONS, isScenario, type ScenarioName } from './scenarios.js'
import { DEFAULT_DURATION_US, type SimReport } from './simulation.js'
import { SIM_PROTOCOLS, simProtocol } from './protocols.js'
import { defaultJobs, runSweep } from './sweep.js'

export interface SimCliOptions {
  readonly protocol: string
  /** One scenario; all of them when absent. */
  readonly scenario?: string
  /** Seeds per scenario (1..seeds, or firstSeed..), default 10. */
  readonly seeds?: number
  /** Run exactly this seed. */
  readonly seed?: number
  /** Print every run, and with --seed the history around a linearizability violation. */
  readonly verbose?: boolean
  /** Virtual seconds per run, default 60. */
  readonly duration?: number
  /** Worker threads for a sweep; default from the core count. */
  readonly jobs?: number
  /** With --seed: print every event of the run. */
  readonly trace?: boolean
  /** First seed of a sweep, default 1. */
  readonly firstSeed?: number
}

const SECOND = 1_000_000

export function replayCommand(report: Pick<SimReport, 'protocol' | 'scenario' | 'seed' | 'durationUs'>): string {
  const duration = report.durationUs === DEFAULT_DURATION_US ? '' : ` --duration ${report.durationUs / SECOND}`
  const args = `--protocol ${report.protocol} --scenario ${report.scenario} --seed ${report.seed}${duration}`
  // `blackhole sim --protocol` takes any simulated protocol, test mutants included.
  return `blackhole sim ${args}`
}

export async function runSim(options: SimCliOptions, out: (line: string) => void): Promise<number> {
  const protocol = simProtocol(options.protocol)
  if (protocol === undefined) {
    out(`blackhole sim: protocol "${options.protocol}" is not simulated; choose one of: ${SIM_PROTOCOLS.join(', ')}`)
    return 2
  }
  let scenarios: readonly ScenarioName[] = SCENARIOS
  if (options.scenario !== undefined) {
    if (!isScenario(options.scenario)) {
      out(`blackhole sim: unknown scenario "${options.scenario}"; scenarios:`)
      for (const name of [...SCENARIOS, ...EXTRA_SCENARIOS]) out(`  ${name.padEnd(13)} ${SCENARIO_DESCRIPTIONS[name]}`)
      return 2
    }
    scenarios = [options.scenario]
  }
  const durationUs = Math.round((options.duration ?? DEFAULT_DURATION_US / SECOND) * SECOND)
  if (!(durationUs >= SECOND)) {
    out('blackhole sim: --duration must be at least 1 virtual second')
    return 2
  }
  if (durationUs < 6 * SECOND) out(`note: faults stop 5 virtual s before the end (the liveness bound and catch-up); ${durationUs / SECOND} s leaves little or no fault window`)
  const first = options.firstSeed ?? 1
  const seeds = options.seed !== undefined ? [options.seed] : Array.from({ length: Math.max(1, options.seeds ?? 10) }, (_, i) => first + i)
  const jobs = options.jobs ?? defaultJobs(seeds.length)

  if (options.seed !== undefined && options.trace === true) {
    // A traced replay runs in this thread so the event lines stream out in order.
    let code = 0
    for (const scenario of scenarios) {
      const report = protocol.simulate({ scenario, seed: options.seed, durationUs, trace: out })
      printReport(report, true, out)
      if (!report.ok) code = 1
    }
    return code
  }

  out(`blackhole sim: ${protocol.name}, ${scenarios.length === 1 ? scenarios[0] : `${scenarios.length} scenarios`} x ${seeds.length === 1 ? `seed ${seeds[0]}` : `${seeds.length} seeds`}, ${durationUs / SECOND} virtual s each${jobs > 1 ? `, ${jobs} workers` : ''}`)
  const started = performance.now()
  let deliveries = 0
  let simMs = 0
  let virtualUs = 0
  let failedRuns = 0
  let runs = 0
  for (const scenario of scenarios) {
    const scenarioStarted = performance.now()
    const reports = await runSweep({ protocol: options.protocol, scenario, durationUs }, seeds, jobs, (report) => {
      if (options.verbose === true || !report.ok) printReport(report, options.verbose === true, out)
    })
    const wall = performance.now() - scenarioStarted
    const failed = reports.filter((r) => !r.ok)
    const unknown = reports.filter((r) => r.linearizability === 'unknown')
    const d = sum(reports, (r) => r.stats.deliveries)
    const sim = sum(reports, (r) => r.stats.wallMs + r.stats.checkMs)
    const v = sum(reports, (r) => r.stats.virtualUs)
    deliveries += d
    simMs += sim
    virtualUs += v
    failedRuns += failed.length
    runs += reports.length
    out(
      `${scenario.padEnd(13)} ${String(reports.length - failed.length).padStart(5)}/${reports.length} passed` +
        `${unknown.length > 0 ? `, linearizability unknown for seeds ${unknown.map((r) => r.seed).join(' ')}` : ''}` +
        `  ${rate(d, sum(reports, (r) => r.stats.wallMs))} deliveries/s per core, ${(v / SECOND / (wall / 1000)).toFixed(0)} virtual s/s  (${(wall / 1000).toFixed(1)} s)`
    )
  }
  const wall = performance.now() - started
  out(
    `${failedRuns === 0 ? 'all passed' : `${failedRuns} FAILED`}: ${runs} runs, ${deliveries.toLocaleString('en-US')} deliveries in ${(wall / 1000).toFixed(1)} s: ` +
      `${rate(deliveries, wall)} deliveries/s overall (${rate(deliveries, simMs)} per core, checks included), ${(virtualUs / SECOND / (wall / 1000)).toFixed(0)} virtual s per wall s`
  )
  return failedRuns === 0 ? 0 : 1
}

function printReport(report: SimReport, verbose: boolean, out: (line: string) => void): void {
  const s = report.stats
  const head = `${report.ok ? 'ok  ' : 'FAIL'} ${report.scenario} seed ${report.seed}: commit ${s.commitIndex}, ops ${s.opsCompleted} done ${s.opsPending} pending, ${s.crashes} crashes, ${s.leaderChanges} leader changes, ${s.snapshotsShipped} snapshots shipped, linearizability ${report.linearizability}, trace ${report.traceHash}`
  out(head)
  for (const failure of report.failures) out(`     ${failure.check}: ${failure.detail}`)
  if (!report.ok) {
    if (verbose) for (const line of report.evidence.slice(0, 200)) out(`       ${line}`)
    out(`     replay: ${replayCommand(report)}`)
  }
}

function sum<T>(items: readonly T[], f: (item: T) => number): number {
  let total = 0
  for (const item of items) total += f(item)
  return total
}

function rate(count: number, ms: number): string {
  return ms <= 0 ? '-' : Math.round(count / (ms / 1000)).toLocaleString('en-US')
}
