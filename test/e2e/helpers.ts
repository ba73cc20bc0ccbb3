// Helpers for multi-process tests: run the built CLI, poll HTTP until a condition
// holds (with a deadline, never a fixed sleep), and make sure every process a test
// started is gone afterwards.

import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePortRange } from '../../src/mesh/ports.js'

export { freePortRange }

export const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/blackhole.js')

export interface Spawned {
  readonly child: ChildProcess
  output: string
  readonly exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
}

export function runCli (args: readonly string[], env: NodeJS.ProcessEnv = {}): Spawned {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
  const spawned: Spawned = {
    child,
    output: '',
    exited: new Promise((resolve) => { child.once('exit', (code, signal) => { resolve({ code, signal }) }) })
  }
  child.stdout?.on('data', (chunk: Buffer) => { spawned.output += chunk.toString() })
  child.stderr?.on('data', (chunk: Buffer) => { spawned.output += chunk.toString() })
  return spawned
}

/** Polls `probe` until it returns a value (not undefined) or the deadline passes. */
export async function waitFor<T> (what: string, deadlineMs: number, probe: () => Promise<T | undefined>, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + deadlineMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      const value = await probe()
      if (value !== undefined) return value
    } catch (err) {
      lastError = err
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}${lastError !== undefined ? ` (last error: ${String(lastError)})` : ''}`)
}

export async function getJson<T> (url: string): Promise<{ status: number, body: T }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
  return { status: response.status, body: await response.json() as T }
}

export function isAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Kills a process (and, for a process-group leader, its group) by pid; ignores the already dead. */
export function killHard (pid: number | undefined): void {
  if (pid === undefined) return
  for (const target of [-pid, pid]) {
    try { process.kill(target, 'SIGKILL') } catch { /* gone */ }
  }
}

/** Pids of the node processes under a mesh directory (from each node's LOCK file), whatever state the test reached. */
export async function meshNodePids (dir: string): Promise<number[]> {
  const { readdir, readFile } = await import('node:fs/promises')
  const pids: number[] = []
  const entries = await readdir(dir).catch(() => [] as string[])
  for (const entry of entries) {
    if (!entry.startsWith('node')) continue
    try {
      const pid = Number((await readFile(path.join(dir, entry, 'LOCK'), 'utf8')).trim())
      if (Number.isInteger(pid) && pid > 0) pids.push(pid)
    } catch { /* no lock: not running */ }
  }
  return pids
}

/** Kills a test's mesh and every node process under `dir` by pid, waits for them to exit, removes `dir`. */
export async function reapMesh (dir: string, mesh: Spawned | undefined, knownPids: readonly number[]): Promise<void> {
  killHard(mesh?.child.pid)
  const pids = [...new Set([...knownPids, ...await meshNodePids(dir)])]
  for (const pid of pids) killHard(pid)
  await waitFor('killed processes to exit', 5000, async () => pids.some(isAlive) ? undefined : true)
  const { rm } = await import('node:fs/promises')
  await rm(dir, { recursive: true, force: true, maxRetries: 5 })
}
