// The genesis file defines a network (DESIGN.md, "Trust"): chain id, the agreement
// protocol and its parameters, and the validator set. Every node of a network must
// load byte-for-byte the same genesis; its hash is exchanged in the wire handshake.

import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { peerIdFromString } from '@libp2p/peer-id'
import { z } from 'zod'

export const PROTOCOLS = ['raft', 'pbft', 'hotstuff', 'avalanche'] as const
export type ProtocolName = (typeof PROTOCOLS)[number]

/** Parameter defaults per protocol; `blackhole genesis --param k=v` overrides them. */
export const DEFAULT_PARAMS: Record<ProtocolName, Record<string, number | boolean | string>> = {
  // etcd's defaults: 100 ms heartbeat, 1 s election timeout.
  raft: { heartbeatMs: 100, electionMs: 1000, preVote: true, checkQuorum: true, autoPromote: false, snapshotEvery: 10_000 },
  pbft: { requestTimeoutMs: 1000, checkpointInterval: 128, watermarkWindow: 256, maxInFlight: 8 },
  hotstuff: { viewTimeoutMs: 1000 },
  avalanche: { sampleSize: 20, quorumSize: 14, decisionThreshold: 20 }
}

const chainIdPattern = /^[a-z0-9][a-z0-9._-]{0,63}$/

const validatorSchema = z.object({
  name: z.string().min(1).max(64).optional(),
  peerId: z.string().min(1),
  /** base64 of the raw 32-byte ed25519 public key. */
  publicKey: z.string().min(1),
  weight: z.number().int().positive().max(1_000_000)
}).strict()

const genesisSchema = z.object({
  chainId: z.string().regex(chainIdPattern, 'lower-case letters, digits, ".", "_" or "-", at most 64, starting with a letter or digit'),
  genesisTime: z.iso.datetime(),
  protocol: z.enum(PROTOCOLS),
  params: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  validators: z.array(validatorSchema).min(1, 'a network needs at least one validator')
}).strict()

export type Validator = z.infer<typeof validatorSchema>
export type Genesis = z.infer<typeof genesisSchema>

export class ConfigError extends Error {
  readonly code = 'BAD_CONFIG'
  constructor (readonly file: string, readonly field: string, readonly problem: string) {
    super(`${file}: ${field === '' ? '' : `${field}: `}${problem}`)
  }
}

/** Validates a parsed genesis object; throws ConfigError naming the field and the problem. */
export function parseGenesis (value: unknown, file = 'genesis'): Genesis {
  const result = genesisSchema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new ConfigError(file, formatPath(issue?.path ?? []), issue?.message ?? 'invalid')
  }
  const genesis = result.data
  checkValidators(genesis.validators, file)
  checkParams(genesis, file)
  return genesis
}

function checkValidators (validators: readonly Validator[], file: string): void {
  const seen = new Set<string>()
  validators.forEach((validator, i) => {
    const field = `validators[${i}]`
    let raw: Uint8Array
    try {
      const peerId = peerIdFromString(validator.peerId)
      if (peerId.type !== 'Ed25519' || peerId.publicKey === undefined) {
        throw new Error('not an ed25519 peer id')
      }
      raw = peerId.publicKey.raw
    } catch (err) {
      throw new ConfigError(file, `${field}.peerId`, `not a valid ed25519 peer id (${(err as Error).message})`)
    }
    if (Buffer.from(raw).toString('base64') !== validator.publicKey) {
      throw new ConfigError(file, `${field}.publicKey`, 'does not match the key inside peerId')
    }
    if (seen.has(validator.peerId)) throw new ConfigError(file, `${field}.peerId`, 'listed twice')
    seen.add(validator.peerId)
  })
}

function checkParams (genesis: Genesis, file: string): void {
  const defaults = DEFAULT_PARAMS[genesis.protocol]
  for (const [key, value] of Object.entries(genesis.params)) {
    const expected = defaults[key]
    if (expected === undefined) {
      throw new ConfigError(file, `params.${key}`, `unknown parameter for ${genesis.protocol} (known: ${Object.keys(defaults).join(', ')})`)
    }
    if (typeof value !== typeof expected) {
      throw new ConfigError(file, `params.${key}`, `must be a ${typeof expected}`)
    }
    if (typeof value === 'number' && (!Number.isFinite(value) || value <= 0)) {
      throw new ConfigError(file, `params.${key}`, 'must be a positive number')
    }
  }
  if (genesis.protocol === 'raft') {
    const heartbeat = Number(genesis.params.heartbeatMs ?? defaults.heartbeatMs)
    const election = Number(genesis.params.electionMs ?? defaults.electionMs)
    if (election < 2 * heartbeat) {
      throw new ConfigError(file, 'params.electionMs', `must be at least twice heartbeatMs (${heartbeat})`)
    }
  }
}

/** The protocol parameters with defaults filled in. */
export function protocolParams (genesis: Genesis): Record<string, number | boolean | string> {
  return { ...DEFAULT_PARAMS[genesis.protocol], ...genesis.params }
}

/** JSON with keys sorted at every level: the form that is hashed and written. */
export function canonicalJson (value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys (value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]))
  }
  return value
}

/** sha256 of the canonical JSON, hex: identifies the network in the handshake. */
export function genesisHash (genesis: Genesis): string {
  return createHash('sha256').update(canonicalJson(genesis)).digest('hex')
}

export async function readJsonFile (file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new ConfigError(file, '', `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new ConfigError(file, '', `not valid JSON: ${(err as Error).message}`)
  }
}

export async function loadGenesis (file: string): Promise<Genesis> {
  return parseGenesis(await readJsonFile(file), file)
}

/** Parses `k=v` overrides: numbers and booleans are typed, the rest stay strings. */
export function parseParamOverrides (pairs: readonly string[]): Record<string, number | boolean | string> {
  const params: Record<string, number | boolean | string> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new ConfigError('--param', pair, 'expected key=value')
    const key = pair.slice(0, eq)
    const text = pair.slice(eq + 1)
    params[key] = text === 'true' ? true : text === 'false' ? false : text !== '' && Number.isFinite(Number(text)) ? Number(text) : text
  }
  return params
}

export function formatPath (path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`, '')
}
