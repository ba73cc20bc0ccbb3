// Port helpers for the local mesh and for tests: everything binds 127.0.0.1.

import { readFileSync } from 'node:fs'
import net from 'node:net'

/**
 * The low end of the kernel's ephemeral port range (Linux: 32768 by default). Ports for our
 * listeners are picked below it: a port above it that is free when checked can be handed to an
 * outgoing connection (the bench's 64 clients, libp2p dials) before the node binds it, which is
 * how a bench once failed with EADDRINUSE.
 */
function ephemeralLow (): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0])
    return Number.isInteger(low) && low > 21000 ? low : 32768
  } catch {
    return 32768
  }
}
const LISTEN_PORT_LOW = 20000
const LISTEN_PORT_HIGH = ephemeralLow()

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => { resolve(port) })
    })
  })
}

/** True when nothing listens on 127.0.0.1:port. */
export async function isPortFree (port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const server = net.createServer()
    server.unref()
    server.once('error', () => { resolve(false) })
    server.listen(port, '127.0.0.1', () => { server.close(() => { resolve(true) }) })
  })
}

/** A base port with `count` free ports after it on 127.0.0.1, below the ephemeral range (random start). */
export async function freePortRange (count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = LISTEN_PORT_LOW + Math.floor(Math.random() * (LISTEN_PORT_HIGH - LISTEN_PORT_LOW - count))
    let free = true
    for (let i = 0; i < count && free; i++) free = await isPortFree(base + i)
    if (free) return base
  }
  throw new Error('no free port range')
}
