// The health report of GET /health: a set of named checks, each pass / warn / fail,
// folded into a score in [0, 1]. Any failing check makes the node "unhealthy" (503);
// warnings make it "degraded" (still 200, so load balancers keep it while an
// operator looks). Later protocols add their checks (leader election, progress).

export type CheckState = 'pass' | 'warn' | 'fail'

export interface HealthCheck {
  readonly name: string
  readonly state: CheckState
  readonly detail: string
}

export interface HealthReport {
  readonly status: 'healthy' | 'degraded' | 'unhealthy'
  readonly score: number
  readonly checks: readonly HealthCheck[]
}

const stateScore: Record<CheckState, number> = { pass: 1, warn: 0.5, fail: 0 }

export function summarize (checks: readonly HealthCheck[]): HealthReport {
  const score = checks.length === 0 ? 1 : checks.reduce((sum, check) => sum + stateScore[check.state], 0) / checks.length
  const status = checks.some((check) => check.state === 'fail') ? 'unhealthy' : checks.some((check) => check.state === 'warn') ? 'degraded' : 'healthy'
  return { status, score: Math.round(score * 1000) / 1000, checks }
}

/** Connected validators out of the others in the validator set. */
export function peersCheck (connectedValidators: number, otherValidators: number): HealthCheck {
  if (otherValidators === 0) return { name: 'peers', state: 'pass', detail: 'single-validator network' }
  const detail = `${connectedValidators}/${otherValidators} other validators connected`
  if (connectedValidators === 0) return { name: 'peers', state: 'fail', detail }
  // A quorum-sized share keeps a crash-fault protocol live; below all of them is worth a look.
  return { name: 'peers', state: connectedValidators === otherValidators ? 'pass' : 'warn', detail }
}

export function eventLoopCheck (lagP99Ms: number): HealthCheck {
  const detail = `event-loop lag p99 ${lagP99Ms.toFixed(1)} ms`
  if (lagP99Ms > 1000) return { name: 'event-loop', state: 'fail', detail }
  return { name: 'event-loop', state: lagP99Ms > 200 ? 'warn' : 'pass', detail }
}

export function actorsCheck (escalated: readonly string[]): HealthCheck {
  if (escalated.length === 0) return { name: 'actors', state: 'pass', detail: 'all actors running' }
  return { name: 'actors', state: 'fail', detail: `failed past restart limit: ${escalated.join(', ')}` }
}

/** Raft: a node that knows no leader cannot commit; a short gap (an election) is a warning. */
export function leaderCheck (leader: string | undefined, role: string): HealthCheck {
  if (leader !== undefined) return { name: 'leader', state: 'pass', detail: `${role}; leader ${leader}` }
  return { name: 'leader', state: 'warn', detail: `${role}; no leader known (an election may be running)` }
}

/** The app keeps up with what consensus committed. */
export function progressCheck (commitIndex: number, appliedIndex: number): HealthCheck {
  const lag = commitIndex - appliedIndex
  const detail = `commit ${commitIndex}, applied ${appliedIndex}`
  if (lag > 100_000) return { name: 'progress', state: 'fail', detail }
  return { name: 'progress', state: lag > 10_000 ? 'warn' : 'pass', detail }
}

/** Round trips to peers through the consensus links: p50/p95/p99 over the connected peers. */
export function latencyCheck (latenciesMs: readonly number[]): HealthCheck {
  if (latenciesMs.length === 0) return { name: 'latency', state: 'pass', detail: 'no peer latency measured yet' }
  const sorted = [...latenciesMs].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const detail = `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`
  if (at(0.99) > 1000) return { name: 'latency', state: 'fail', detail }
  return { name: 'latency', state: at(0.99) > 200 ? 'warn' : 'pass', detail }
}
