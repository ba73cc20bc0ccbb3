// Port helpers for the local mesh and for tests: everything binds 127.0.0.1.

import net from 'node:net'

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

/** A base port with `count` free ports after it on 127.0.0.1 (random start, then linear probe). */
export async function freePortRange (count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 30000)
    let free = true
    for (let i = 0; i < count && free; i++) free = await isPortFree(base + i)
    if (free) return base
  }
  throw new Error('no free port range')
}
