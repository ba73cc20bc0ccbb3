// Process helpers for the benches that run real node processes (catch-up.ts, bft-vs-raft.ts):
// start the built CLI, poll a node's API until a condition holds, and stop what was started.

import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NodeStatus } from '../src/node/view.js'

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/blackhole.js')

export interface Proc {
  readonly child: ChildProcess
  output: string
  readonly exited: Promise<void>
}

export function start (args: readonly string[], onSpawn: ((pid: number) => void) | undefined): Proc {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  if (child.pid !== undefined) onSpawn?.(child.pid)
  const proc: Proc = { child, output: '', exited: new Promise((resolve) => { child.once('exit', () => { resolve() }) }) }
  const keep = (chunk: Buffer): void => { proc.output = (proc.output + chunk.toString()).slice(-20_000) }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return proc
}

/** SIGTERM, then SIGKILL if it has not exited in 10 s; the mesh stops its own nodes on SIGTERM. */
export async function stop (proc: Proc | undefined): Promise<void> {
  if (proc === undefined || proc.child.exitCode !== null || proc.child.signalCode !== null) return
  proc.child.kill('SIGTERM')
  const timer = setTimeout(() => { proc.child.kill('SIGKILL') }, 10_000)
  await proc.exited
  clearTimeout(timer)
}

export async function status (api: string): Promise<NodeStatus | undefined> {
  try {
    const response = await fetch(`${api}/status`, { signal: AbortSignal.timeout(2000) })
    return response.ok ? await response.json() as NodeStatus : undefined
  } catch {
    return undefined
  }
}

export async function until<T> (what: string, deadlineMs: number, probe: () => Promise<T | undefined>, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`)
}

export async function counter (api: string, name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${api}/metrics`)).text()
  let total = 0
  for (const match of text.matchAll(new RegExp(`^${name}\\{([^}]*)\\} (\\S+)$`, 'gm'))) {
    if ((match[1] ?? '').includes(labels)) total += Number(match[2])
  }
  return total
}

