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
