// `blackhole sim`: run scenarios over seeds, print one line per scenario, every failing seed
// with the one command that replays it, and the simulation speed. bin/blackhole.ts (commander)
// calls `runSim`; `node dist/src/sim/main.js` is the same thing without the rest of the CLI.

import { BYZANTINE_SCENARIOS, EXTRA_SCENARIOS, SCENARIOS, SCENARIO_DESCRIPTIONS, isScenario, scenarioNodes, type ScenarioName } from './scenarios.js'
import { DEFAULT_DURATION_US, type SimReport } from './simulation.js'
import { SIM_PROTOCOLS, simProtocol } from './protocols.js'
import { defaultJobs, runSweep } from './sweep.js'

export interface SimCliOptions {
  readonly protocol: string
  /**
   * One scenario, optionally with a cluster size: `combined` or `combined/7`; all of the
   * protocol's scenarios (at each of its sizes) when absent.
   */
  readonly scenario?: string
  /** Cluster size for every run (overrides the protocol's sizes and a `/N` suffix). */
  readonly nodes?: number
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

/** `scenario`, with `/N` when the run's cluster size is not the scenario's default. */
export function scenarioLabel(scenario: ScenarioName, nodes: number | undefined): string {
  return nodes === undefined || nodes === scenarioNodes(scenario) ? scenario : `${scenario}/${nodes}`
}

export function replayCommand(report: Pick<SimReport, 'protocol' | 'scenario' | 'seed' | 'durationUs'> & { readonly nodes?: number }): string {
  const duration = report.durationUs === DEFAULT_DURATION_US ? '' : ` --duration ${report.durationUs / SECOND}`
  const args = `--protocol ${report.protocol} --scenario ${scenarioLabel(report.scenario, report.nodes)} --seed ${report.seed}${duration}`
  // `blackhole sim --protocol` takes any simulated protocol, test mutants included.
  return `blackhole sim ${args}`
}

export async function runSim(options: SimCliOptions, out: (line: string) => void): Promise<number> {
  const protocol = simProtocol(options.protocol)
  if (protocol === undefined) {
    out(`blackhole sim: protocol "${options.protocol}" is not simulated; choose one of: ${SIM_PROTOCOLS.join(', ')}`)
    return 2
  }
  let scenarios: readonly ScenarioName[] = protocol.scenarios
  let sizeOf = (scenario: ScenarioName): readonly number[] => options.nodes !== undefined ? [options.nodes] : protocol.sizes(scenario)
  if (options.scenario !== undefined) {
    const [name, size] = options.scenario.split('/')
    const nodes = size === undefined ? undefined : Number(size)
    if (name === undefined || !isScenario(name) || (nodes !== undefined && !(Number.isInteger(nodes) && nodes >= 1))) {
      out(`blackhole sim: unknown scenario "${options.scenario}" (NAME or NAME/NODES); scenarios:`)
      for (const known of [...SCENARIOS, ...EXTRA_SCENARIOS, ...BYZANTINE_SCENARIOS]) out(`  ${known.padEnd(22)} ${SCENARIO_DESCRIPTIONS[known]}`)
      return 2
    }
    scenarios = [name]
    if (nodes !== undefined && options.nodes === undefined) sizeOf = () => [nodes]
  }
  if (options.nodes !== undefined && !(Number.isInteger(options.nodes) && options.nodes >= 1)) {
    out('blackhole sim: --nodes must be a positive integer')
    return 2
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

  const runs = scenarios.flatMap((scenario) => sizeOf(scenario).map((nodes) => ({ scenario, nodes })))

  if (options.seed !== undefined && options.trace === true) {
    // A traced replay runs in this thread so the event lines stream out in order.
    let code = 0
    for (const { scenario, nodes } of runs) {
      const report = protocol.simulate({ scenario, nodes, seed: options.seed, durationUs, trace: out })
      printReport(report, true, out)
      if (!report.ok) code = 1
    }
    return code
  }

  const what = runs.length === 1 ? scenarioLabel(runs[0]!.scenario, runs[0]!.nodes) : `${runs.length} scenarios`
  out(`blackhole sim: ${protocol.name}, ${what} x ${seeds.length === 1 ? `seed ${seeds[0]}` : `${seeds.length} seeds`}, ${durationUs / SECOND} virtual s each${jobs > 1 ? `, ${jobs} workers` : ''}`)
  const started = performance.now()
  let deliveries = 0
  let simMs = 0
  let virtualUs = 0
  let failedRuns = 0
  let runCount = 0
  for (const { scenario, nodes } of runs) {
    const scenarioStarted = performance.now()
    const reports = await runSweep({ protocol: options.protocol, scenario, durationUs, nodes }, seeds, jobs, (report) => {
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
    runCount += reports.length
    out(
      `${scenarioLabel(scenario, nodes).padEnd(24)} ${String(reports.length - failed.length).padStart(5)}/${reports.length} passed` +
        `${unknown.length > 0 ? `, linearizability unknown for seeds ${unknown.map((r) => r.seed).join(' ')}` : ''}` +
        `  ${rate(d, sum(reports, (r) => r.stats.wallMs))} deliveries/s per core, ${(v / SECOND / (wall / 1000)).toFixed(0)} virtual s/s  (${(wall / 1000).toFixed(1)} s)`
    )
  }
  const wall = performance.now() - started
  out(
    `${failedRuns === 0 ? 'all passed' : `${failedRuns} FAILED`}: ${runCount} runs, ${deliveries.toLocaleString('en-US')} deliveries in ${(wall / 1000).toFixed(1)} s: ` +
      `${rate(deliveries, wall)} deliveries/s overall (${rate(deliveries, simMs)} per core, checks included), ${(virtualUs / SECOND / (wall / 1000)).toFixed(0)} virtual s per wall s`
  )
  return failedRuns === 0 ? 0 : 1
}

function printReport(report: SimReport, verbose: boolean, out: (line: string) => void): void {
  const s = report.stats
  const head = `${report.ok ? 'ok  ' : 'FAIL'} ${scenarioLabel(report.scenario, report.nodes)} seed ${report.seed}: commit ${s.commitIndex}, ops ${s.opsCompleted} done ${s.opsPending} pending, ${s.crashes} crashes, ${s.leaderChanges} leader changes, ${s.snapshotsShipped} snapshots shipped, linearizability ${report.linearizability}, trace ${report.traceHash}`
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
