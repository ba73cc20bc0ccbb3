// A network file is what a node needs to join a network that already runs: its
// genesis and a bootstrap list of multiaddrs (DESIGN.md, "CLI"). `--network NAME`
// looks NAME up in the package's networks/ folder; anything that looks like a path
// is read as a file.

import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { multiaddr } from '@multiformats/multiaddr'
import { z } from 'zod'
import { ConfigError, type Genesis, formatPath, parseGenesis, readJsonFile } from './genesis.js'

export interface NetworkFile {
  readonly name: string
  readonly genesis: Genesis
  readonly bootstrap: readonly string[]
}

const networkSchema = z.object({
  name: z.string().min(1).max(64),
  genesis: z.unknown(),
  bootstrap: z.array(z.string())
}).strict()

/** The folder of known networks shipped with the package (`networks/`). */
export function networksDir (): string {
  // dist/src/config/network.js -> package root; src/config/network.ts (unbuilt) -> package root.
  const here = path.dirname(fileURLToPath(import.meta.url))
  const fromDist = path.resolve(here, '../../../networks')
  return existsSync(fromDist) ? fromDist : path.resolve(here, '../../networks')
}

/** Resolves `--network NAME|FILE` to a file path. */
export function resolveNetworkPath (nameOrFile: string): string {
  if (nameOrFile.includes('/') || nameOrFile.endsWith('.json')) return path.resolve(nameOrFile)
  const file = path.join(networksDir(), `${nameOrFile}.json`)
  if (!existsSync(file)) {
    throw new ConfigError('--network', nameOrFile, `no network file ${file}; known networks are the .json files in ${networksDir()}`)
  }
  return file
}

export function parseNetwork (value: unknown, file: string): NetworkFile {
  const result = networkSchema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new ConfigError(file, formatPath(issue?.path ?? []), issue?.message ?? 'invalid')
  }
  const genesis = parseGenesisField(result.data.genesis, file)
  result.data.bootstrap.forEach((address, i) => { checkBootstrapAddress(address, `bootstrap[${i}]`, file) })
  return { name: result.data.name, genesis, bootstrap: result.data.bootstrap }
}

function parseGenesisField (value: unknown, file: string): Genesis {
  try {
    return parseGenesis(value, file)
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(file, `genesis.${err.field}`.replace(/\.$/, ''), err.problem)
    throw err
  }
}

/** A bootstrap entry must be a multiaddr ending in /p2p/<peer id>, or a /dnsaddr/ name. */
export function checkBootstrapAddress (address: string, field: string, file: string): void {
  let parsed
  try {
    parsed = multiaddr(address)
  } catch (err) {
    throw new ConfigError(file, field, `not a multiaddr: ${(err as Error).message}`)
  }
  const protocols = parsed.getComponents().map((component) => component.name)
  if (protocols[0] === 'dnsaddr') return
  if (!protocols.includes('p2p')) throw new ConfigError(file, field, 'must end in /p2p/<peer id> (or be a /dnsaddr/ entry)')
}

export async function loadNetwork (nameOrFile: string): Promise<NetworkFile> {
  const file = resolveNetworkPath(nameOrFile)
  return parseNetwork(await readJsonFile(file), file)
}
