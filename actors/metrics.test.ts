import assert from 'node:assert/strict'
import { Registry } from 'prom-client'
import type { Behaviour } from './index.js'
import { TestKit } from './testkit.js'

type Msg = { readonly type: 'ok' } | { readonly type: 'crash' }

const flaky: Behaviour<Msg> = {
  create: () => ({
    receive(msg) {
      if (msg.type === 'crash') throw new Error('crash')
    }
  })
}

async function sample(registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = registry.getSingleMetric(name)
  assert.ok(metric !== undefined, `${name} is registered`)
  const { values } = await metric.get()
  return values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value
}

describe('actor metrics', () => {
  it('export mailbox depth, drops by reason, restarts and processed messages per actor', async () => {
    const registry = new Registry()
    const kit = new TestKit({ registry })
    const ref = kit.spawn({ name: 'router', behaviour: flaky, mailbox: { capacity: 3, overflow: 'reject' }, restart: { maxRestarts: 5, windowMs: 1000 } })
    for (let i = 0; i < 4; i++) ref.tell({ type: 'ok' })

    assert.equal(await sample(registry, 'actor_mailbox_depth', { actor: 'router' }), 3)
    assert.equal(await sample(registry, 'actor_mailbox_dropped_total', { actor: 'router', reason: 'rejected' }), 1)
    assert.equal(await sample(registry, 'actor_restarts_total', { actor: 'router' }), 0)

    await kit.settle()
    ref.tell({ type: 'crash' })
    ref.tell({ type: 'crash' })
    await kit.settle()

    assert.equal(await sample(registry, 'actor_mailbox_depth', { actor: 'router' }), 0)
    assert.equal(await sample(registry, 'actor_messages_processed_total', { actor: 'router' }), 5)
    assert.equal(await sample(registry, 'actor_restarts_total', { actor: 'router' }), 2)
    // Scraping twice must not count twice.
    assert.equal(await sample(registry, 'actor_messages_processed_total', { actor: 'router' }), 5)
  })
})
