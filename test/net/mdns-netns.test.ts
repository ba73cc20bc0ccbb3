import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { VethLan } from '../fixtures/netns.js'
import { FixtureProcess, isConnectTo, isReady } from '../fixtures/processes.js'

// mDNS multicast on the host would leave the machine: these nodes run only inside two
// network namespaces this test creates, joined by a veth pair and nothing else.
describe('net/discovery over mDNS (network namespaces)', function () {
  this.timeout(60_000)
  const tag = `${process.pid}${randomBytes(2).toString('hex').slice(0, 3)}`
  const lan = VethLan.named(tag, '10.231.0')
  const processes: FixtureProcess[] = []

  before(async function () {
    const reason = await VethLan.unavailable()
    if (reason != null) {
      console.log(`      skipped: ${reason}`)
      this.skip()
    }
    await lan.create()
  })

  after(async () => {
    // Processes first: a namespace with a process in it outlives `ip netns del`.
    await Promise.allSettled(processes.splice(0).map(async p => { await p.kill() }))
    await lan.destroy()
  })

  it('two nodes with mdns and no bootstrap list find and connect to each other', async () => {
    const start = Date.now()
    const nodeA = FixtureProcess.start('node A', { listen: [`/ip4/${lan.a.address}/tcp/0`], mdns: true }, lan.exec(lan.a))
    processes.push(nodeA)
    const nodeB = FixtureProcess.start('node B', { listen: [`/ip4/${lan.b.address}/tcp/0`], mdns: true }, lan.exec(lan.b))
    processes.push(nodeB)

    const [readyA, readyB] = await Promise.all([nodeA.waitFor(isReady, 15_000, 'ready'), nodeB.waitFor(isReady, 15_000, 'ready')])
    assert.ok(readyA.addrs.every(a => a.startsWith(`/ip4/${lan.a.address}/`)), `A listens only in its namespace: ${readyA.addrs.join(', ')}`)
    assert.ok(readyB.addrs.every(a => a.startsWith(`/ip4/${lan.b.address}/`)), `B listens only in its namespace: ${readyB.addrs.join(', ')}`)

    const [aSeesB, bSeesA] = await Promise.all([
      nodeA.waitFor(isConnectTo(readyB.peerId), 30_000, `connection to ${readyB.peerId}`),
      nodeB.waitFor(isConnectTo(readyA.peerId), 30_000, `connection to ${readyA.peerId}`)
    ])
    console.log(`      mDNS discovery and connection after ${Date.now() - start} ms (incl. process start)`)
    // The only route between them is the veth: each reached the other's namespace address.
    assert.ok(aSeesB.remoteAddr.startsWith(`/ip4/${lan.b.address}/`), aSeesB.remoteAddr)
    assert.ok(bSeesA.remoteAddr.startsWith(`/ip4/${lan.a.address}/`), bSeesA.remoteAddr)
  })
})
