// A network of in-process nodes (createNode) for the node tests, Raft unless asked: each node
// bootstraps from every node started before it, so every pair is connected directly.

import assert from 'node:assert/strict'
import path from 'node:path'
import { buildGenesis, createLogger, createNode, type Genesis, type RunningNode } from '../../src/index.js'
import { writeIdentity } from '../../src/net/identity.js'
import type { NodeStatus } from '../../src/node/view.js'
import { getJson, waitFor } from '../e2e/helpers.js'

export interface Cluster {
  readonly genesis: Genesis
  /** Every node started, the genesis validators first. */
  readonly nodes: RunningNode[]
  status(node: RunningNode): Promise<NodeStatus>
  /** Waits until every node names the same leader in the same term. */
  settled(): Promise<{ leader: RunningNode, term: number }>
  /** Cuts `isolated` off from every other node, both ways, at every node's router. */
  isolate(isolated: RunningNode): Promise<void>
  heal(): Promise<void>
  /** Starts a node that is not in the genesis, on a fresh data directory, bootstrapping from the others. */
  join(name: string): Promise<RunningNode>
  /** Starts the genesis validators that `startCluster` was told not to start yet. */
  startRest(): Promise<void>
}

/**
 * Starts the first `startNow` of `count` validators with these genesis params (`startRest` starts
 * the others); every node started goes into `started` (stop them in afterEach).
 */
export async function startCluster (dir: string, params: Record<string, number | boolean>, started: RunningNode[], count = 3, protocol: 'raft' | 'pbft' = 'raft', startNow = count): Promise<Cluster> {
  const dirs = Array.from({ length: count }, (_, i) => path.join(dir, `v${i}`))
  for (const dataDir of dirs) await writeIdentity(dataDir)
  const genesis = await buildGenesis({ protocol, keyDirs: dirs, params, chainId: `test-${path.basename(dir).toLowerCase().replace(/[^a-z0-9._-]/g, '-')}` })
  const logger = createLogger({ level: 'silent' })
  const nodes: RunningNode[] = []
  const start = async (dataDir: string): Promise<RunningNode> => {
    const node = await createNode({ dataDir, genesis, logger, bootstrap: nodes.map((earlier) => earlier.addrs()[0] ?? '') })
    started.push(node)
    nodes.push(node)
    return node
  }
  for (const dataDir of dirs.slice(0, startNow)) await start(dataDir)
  // The genesis validators started so far (they start before any node that joins).
  const validators = (): RunningNode[] => nodes.slice(0, count)
  const status = async (node: RunningNode): Promise<NodeStatus> => (await getJson<NodeStatus>(`${node.apiUrl}/status`)).body
  return {
    genesis,
    nodes,
    status,
    async settled () {
      return await waitFor('one leader that every validator agrees on', 15_000, async () => {
        const all = await Promise.all(validators().map(status))
        const first = all[0]
        if (first === undefined || first.leader === null) return undefined
        if (!all.every((s) => s.leader === first.leader && s.term === first.term && s.peers.length >= count - 1)) return undefined
        const leader = validators().find((node) => node.peerId === first.leader)
        return leader === undefined ? undefined : { leader, term: first.term }
      })
    },
    async isolate (isolated) {
      const others = nodes.filter((node) => node !== isolated)
      await isolated.partition(others.map((node) => node.peerId))
      await Promise.all(others.map(async (node) => { await node.partition([isolated.peerId]) }))
    },
    async heal () {
      await Promise.all(nodes.map(async (node) => { await node.partition([]) }))
    },
    async join (name) {
      return await start(path.join(dir, name))
    },
    async startRest () {
      for (const dataDir of dirs.slice(nodes.length)) await start(dataDir)
    }
  }
}

export async function put (node: RunningNode, key: string, value: string): Promise<void> {
  const response = await fetch(`${node.apiUrl}/v1/kv/${encodeURIComponent(key)}`, { method: 'PUT', body: value, signal: AbortSignal.timeout(10_000) })
  assert.equal(response.status, 200, `PUT ${key}: ${await response.text()}`)
}

/** `count` puts of key-<i> = value-<i>, `concurrency` at a time, through the given nodes in turn. */
export async function putMany (nodes: readonly RunningNode[], count: number, prefix: string, concurrency = 16): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async (_, worker) => {
    for (let i = next++; i < count; i = next++) {
      const node = nodes[(i + worker) % nodes.length]
      assert.ok(node !== undefined)
      await put(node, `${prefix}-${i}`, `value-${i}`)
    }
  }))
}

/** Sum of a Prometheus counter's samples whose labels contain `labels` (e.g. 'outcome="installed"'). */
export async function metricTotal (node: RunningNode, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${node.apiUrl}/metrics`)).text()
  let total = 0
  for (const match of text.matchAll(new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm'))) {
    if (labels === '' || (match[1] ?? '').includes(labels)) total += Number(match[2])
  }
  return total
}
