// Small libp2p nodes for the wire/links tests and bench: TCP + Noise + Yamux on
// 127.0.0.1 and nothing else, so the links are measured without the full host.

import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { tcp } from '@libp2p/tcp'
import { createLibp2p } from 'libp2p'
import type { ConnectionGater, Libp2p } from '@libp2p/interface'

export interface TestNodeOptions {
  connectionGater?: ConnectionGater
  /** Yamux's largest per-stream window (default 16 MiB): what a paused stream may still receive. */
  maxStreamWindowBytes?: number
}

export async function createTestNode (options: TestNodeOptions = {}): Promise<Libp2p> {
  const window = options.maxStreamWindowBytes
  return await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux(window === undefined ? {} : { streamOptions: { maxStreamWindowSize: window } })],
    ...(options.connectionGater === undefined ? {} : { connectionGater: options.connectionGater })
  })
}

/** Connects `from` to `to` and tells `from` where `to` listens, so it can dial again. */
export async function connect (from: Libp2p, to: Libp2p): Promise<void> {
  await from.peerStore.merge(to.peerId, { multiaddrs: to.getMultiaddrs() })
  await from.dial(to.peerId)
}

/**
 * Resolves when `condition` holds, checking after every turn of the event loop;
 * the test's own timeout bounds it. Used to wait for network effects without
 * guessing a sleep.
 */
export async function until (condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise<void>((resolve) => { setImmediate(resolve) })
  }
}
