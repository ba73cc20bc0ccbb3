import assert from 'node:assert/strict'
import { FixtureProcess, isReady, isRss } from '../fixtures/processes.js'

describe('net/host resources', function () {
  this.timeout(30_000)
  const processes: FixtureProcess[] = []
  after(async () => { await Promise.allSettled(processes.splice(0).map(async p => { await p.kill() })) })

  it('an idle host process stays within a modest resident set', async () => {
    const idleMs = 3_000
    const node = FixtureProcess.start('idle host', { reportRssAfterMs: idleMs })
    processes.push(node)
    const ready = await node.waitFor(isReady, 15_000, 'ready')
    assert.ok(ready.addrs.every(a => a.startsWith('/ip4/127.0.0.1/')))
    const { rss, heapUsed } = await node.waitFor(isRss, idleMs + 15_000, 'rss report')
    const mib = (n: number): string => (n / 1024 / 1024).toFixed(1)
    console.log(`      idle host after ${idleMs} ms: rss ${mib(rss)} MiB, heap used ${mib(heapUsed)} MiB`)
    // A generous bound: the point is to notice a leak or an accidental large cache.
    assert.ok(rss < 256 * 1024 * 1024, `rss ${mib(rss)} MiB`)
  })
})
