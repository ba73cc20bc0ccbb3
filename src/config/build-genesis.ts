// `blackhole genesis`: a genesis from the identities in key directories.

import { peerIdFromString } from '@libp2p/peer-id'
import { readPublicIdentity } from '../net/identity.js'
import { type Genesis, type ProtocolName, parseGenesis } from './genesis.js'

export interface GenesisInit {
  readonly protocol: ProtocolName
  /** Directories made by `blackhole keygen` (or node data directories). */
  readonly keyDirs: readonly string[]
  readonly params: Record<string, number | boolean | string>
  readonly chainId: string
  readonly genesisTime?: Date
}

export async function buildGenesis (init: GenesisInit): Promise<Genesis> {
  const validators = []
  for (const [i, dir] of init.keyDirs.entries()) {
    const identity = await readPublicIdentity(dir)
    // The genesis carries the raw 32-byte ed25519 key (base64), the form other tools use.
    const raw = peerIdFromString(identity.peerId).publicKey?.raw
    if (raw === undefined) throw new Error(`${dir}: peer id ${identity.peerId} carries no public key`)
    validators.push({ name: `validator${i}`, peerId: identity.peerId, publicKey: Buffer.from(raw).toString('base64'), weight: 1 })
  }
  // Validate what we built, so `genesis` never writes a file `node` would refuse.
  return parseGenesis({
    chainId: init.chainId,
    genesisTime: (init.genesisTime ?? new Date()).toISOString(),
    protocol: init.protocol,
    params: init.params,
    validators
  }, 'genesis')
}
