// `blackhole node`: one node as an operating-system process. Resolves configuration,
// takes the data directory's lock, starts the node and owns the process lifecycle:
// SIGINT/SIGTERM (and a closed IPC channel when a mesh started us) stop it cleanly,
// with a hard deadline so a stuck stop can never leave the process behind.

import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ConfigError, type Genesis, loadGenesis } from '../config/genesis.js'
import { checkBootstrapAddress, loadNetwork } from '../config/network.js'
import { createLogger, type Logger } from '../log.js'
import type { LevelWithSilent } from 'pino'
import { TEST_BYZANTINE_MODES, type TestByzantineMode } from './pbft-protocol.js'
import { startNode } from './node.js'

export interface NodeProcessOptions {
  readonly dataDir: string
  readonly genesisFile: string | undefined
  readonly network: string | undefined
  readonly listen: readonly string[]
  readonly bootstrap: readonly string[]
  readonly api: string
  readonly mdns: boolean
  readonly logLevel: LevelWithSilent
}

export class NodeStartError extends Error {
  readonly code = 'NODE_START'
}

/** Stop must finish within this; then the process exits regardless. */
const STOP_DEADLINE_MS = 4000

export function parseApiAddress (value: string): { host: string, port: number } {
  const match = /^(.+):(\d+)$/.exec(value)
  const port = Number(match?.[2])
  if (match?.[1] === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('--api', value, 'expected HOST:PORT, for example 127.0.0.1:8700')
  }
  return { host: match[1].replace(/^\[(.*)\]$/, '$1'), port }
}

export async function runNodeProcess (options: NodeProcessOptions): Promise<number> {
  const api = parseApiAddress(options.api)
  const { genesis, bootstrap } = await resolveNetwork(options)
  options.bootstrap.forEach((address, i) => { checkBootstrapAddress(address, `--bootstrap[${i}]`, 'command line') })

  const dataDir = path.resolve(options.dataDir)
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const releaseLock = await lockDataDir(dataDir)
  const logger = createLogger({ level: options.logLevel, dataDir })

  // Signals are taken from before the start: a SIGTERM while the node starts (its API may
  // already answer) stops it cleanly once it is up, instead of killing it mid-write.
  let stop = (reason: string, exitCode: number): void => { earlyStop ??= { reason, exitCode } }
  let earlyStop: { reason: string, exitCode: number } | undefined
  process.once('SIGINT', () => { stop('SIGINT', 0) })
  process.once('SIGTERM', () => { stop('SIGTERM', 0) })
  // Started by a mesh with an IPC channel: if the mesh goes away (even by SIGKILL), go too.
  if (process.send !== undefined) process.once('disconnect', () => { stop('parent mesh went away', 0) })

  let node
  try {
    const testByzantine = testByzantineMode(process.env.BLACKHOLE_TEST_BYZANTINE)
    if (testByzantine !== undefined && genesis.protocol !== 'pbft') throw new ConfigError('environment', 'BLACKHOLE_TEST_BYZANTINE', 'applies to pbft networks only')
    node = await startNode({ dataDir, genesis, bootstrap, listen: options.listen, api, mdns: options.mdns, logger, ...(testByzantine !== undefined ? { testByzantine } : {}) })
  } catch (err) {
    logger.fatal({ err }, 'node failed to start')
    await releaseLock()
    throw err instanceof ConfigError ? err : new NodeStartError(`node failed to start: ${(err as Error).message}`)
  }
  await writeFile(path.join(dataDir, 'node.json'), JSON.stringify({ peerId: node.peerId, addrs: node.addrs(), api: node.apiUrl, pid: process.pid }, null, 2) + '\n')
  logger.info({ peerId: node.peerId, addrs: node.addrs(), api: node.apiUrl, chainId: genesis.chainId, protocol: genesis.protocol }, 'node started')

  const done = Promise.withResolvers<number>()
  let stopping = false
  stop = (reason: string, exitCode: number): void => {
    if (stopping) return
    stopping = true
    logger.info({ reason }, 'node stopping')
    const deadline = setTimeout(() => {
      logger.error('stop took too long; exiting')
      done.resolve(exitCode === 0 ? 1 : exitCode)
    }, STOP_DEADLINE_MS)
    deadline.unref()
    node.stop().then(() => {
      clearTimeout(deadline)
      logger.info('node stopped')
      done.resolve(exitCode)
    }, (err: unknown) => {
      logger.error({ err }, 'node stop failed')
      done.resolve(1)
    })
  }
  if (earlyStop !== undefined) stop(earlyStop.reason, earlyStop.exitCode)
  node.failed.then((err) => {
    logger.fatal({ err }, 'node failed past its restart limits')
    stop('failure', 1)
  }, () => {})

  const exitCode = await done.promise
  await releaseLock()
  await new Promise<void>((resolve) => { logger.flush(() => { resolve() }) })
  // Exit explicitly: a library handle left open must not keep a stopped node alive.
  process.exit(exitCode)
}

/** TESTING ONLY: BLACKHOLE_TEST_BYZANTINE makes this node a Byzantine PBFT replica (pbft-protocol.ts). */
function testByzantineMode (value: string | undefined): TestByzantineMode | undefined {
  if (value === undefined || value === '') return undefined
  const mode = TEST_BYZANTINE_MODES.find((candidate) => candidate === value)
  if (mode === undefined) throw new ConfigError('environment', 'BLACKHOLE_TEST_BYZANTINE', `one of ${TEST_BYZANTINE_MODES.join(', ')}`)
  return mode
}

async function resolveNetwork (options: NodeProcessOptions): Promise<{ genesis: Genesis, bootstrap: string[] }> {
  if (options.network !== undefined) {
    const network = await loadNetwork(options.network)
    return { genesis: network.genesis, bootstrap: [...network.bootstrap, ...options.bootstrap] }
  }
  if (options.genesisFile === undefined) throw new ConfigError('node', '--genesis/--network', 'one is required')
  return { genesis: await loadGenesis(options.genesisFile), bootstrap: [...options.bootstrap] }
}

/**
 * One node per data directory, like etcd's flock on its data dir: two processes
 * writing one log would corrupt it. A lock left by a dead process is taken over.
 */
async function lockDataDir (dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'LOCK')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx', 0o600)
      await handle.writeFile(String(process.pid))
      await handle.close()
      return async () => { await rm(lockFile, { force: true }) }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim())
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new NodeStartError(`data directory ${dataDir} is in use by process ${holder}`)
      }
      await rm(lockFile, { force: true })
    }
  }
  throw new NodeStartError(`cannot lock data directory ${dataDir}`)
}

function isAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export type { Logger }
