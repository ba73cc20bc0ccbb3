// Blackhole as a library: embed a node in your own program.
//
//   import { createNode, loadGenesis, createLogger } from 'blackhole'
//   const node = await createNode({ dataDir, genesis: await loadGenesis('genesis.json'), ... })
//   ...
//   await node.stop()

import type { Genesis } from './config/genesis.js'
import { createLogger, type Logger } from './log.js'
import { type RunningNode, startNode } from './node/node.js'

export { ConfigError, DEFAULT_PARAMS, PROTOCOLS, genesisHash, loadGenesis, parseGenesis, type Genesis, type ProtocolName, type Validator } from './config/genesis.js'
export { loadNetwork, parseNetwork, type NetworkFile } from './config/network.js'
export { buildGenesis, type GenesisInit } from './config/build-genesis.js'
export { createLogger, type Logger } from './log.js'
export type { RunningNode } from './node/node.js'
export type { NodeStatus, PeerStatus } from './node/view.js'
export type { HealthReport, HealthCheck } from './api/health.js'

export interface CreateNodeOptions {
  /** Identity, logs and state live here; created if missing. */
  readonly dataDir: string
  readonly genesis: Genesis
  readonly bootstrap?: readonly string[]
  /** libp2p listen multiaddrs; default /ip4/127.0.0.1/tcp/0. */
  readonly listen?: readonly string[]
  /** HTTP API address; default 127.0.0.1 on a free port. */
  readonly api?: { readonly host: string, readonly port: number }
  readonly mdns?: boolean
  /** Default: a pino logger at "info" writing to stderr and <dataDir>/node.log. */
  readonly logger?: Logger
}

/** Starts a node in this process. Stop it with `node.stop()`. */
export async function createNode (options: CreateNodeOptions): Promise<RunningNode> {
  return await startNode({
    dataDir: options.dataDir,
    genesis: options.genesis,
    bootstrap: options.bootstrap ?? [],
    listen: options.listen ?? ['/ip4/127.0.0.1/tcp/0'],
    api: options.api ?? { host: '127.0.0.1', port: 0 },
    mdns: options.mdns ?? false,
    logger: options.logger ?? createLogger({ level: 'info', dataDir: options.dataDir })
  })
}
