import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildGenesis, createLogger, createNode, type RunningNode } from '../../src/index.js'
import { writeIdentity } from '../../src/net/identity.js'
import type { NodeStatus } from '../../src/node/view.js'
import { getJson, waitFor } from '../e2e/helpers.js'

interface ErrorBody { error: { code: string, message: string } }

describe('key-value API of a single-node raft network (embedded)', function () {
  this.timeout(30_000)
  let dir: string
  let node: RunningNode
  let api: string

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bh-kv-'))
    await writeIdentity(dir)
    const genesis = await buildGenesis({ protocol: 'raft', keyDirs: [dir], params: { heartbeatMs: 20, electionMs: 100 }, chainId: 'kv-test' })
    node = await createNode({ dataDir: dir, genesis, logger: createLogger({ level: 'silent' }) })
    api = node.apiUrl
    await waitFor('the node to lead', 10_000, async () => (await getJson<NodeStatus>(`${api}/status`)).body.role === 'leader' ? true : undefined)
  })
  after(async () => {
    await node.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('put, linearizable and stale get, delete and txn answer as documented', async () => {
    const put = await fetch(`${api}/v1/kv/greeting`, { method: 'PUT', body: 'hello' })
    assert.equal(put.status, 200)
    const { index } = await put.json() as { index: number }
    assert.ok(index > 0)
    const get = await fetch(`${api}/v1/kv/greeting`)
    assert.equal(get.status, 200)
    assert.equal(await get.text(), 'hello')
    assert.equal(get.headers.get('x-version'), '1')
    assert.equal(await (await fetch(`${api}/v1/kv/greeting?consistency=stale`)).text(), 'hello')
    const txn = await fetch(`${api}/v1/txn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ compare: [{ target: 'value', key: 'greeting', op: 'equal', value: 'hello' }], success: [{ op: 'put', key: 'greeting', value: 'bye' }], failure: [] })
    })
    assert.equal(txn.status, 200)
    assert.equal((await txn.json() as { succeeded: boolean }).succeeded, true)
    const del = await fetch(`${api}/v1/kv/greeting`, { method: 'DELETE' })
    assert.deepEqual(await del.json(), { index: index + 2, deleted: true })
    assert.equal((await fetch(`${api}/v1/kv/greeting`)).status, 404)
  })

  it('a retried request with the same X-Client-Id and X-Request-Seq is applied once', async () => {
    const headers = { 'x-client-id': 'retrying-client', 'x-request-seq': '1' }
    const first = await (await fetch(`${api}/v1/kv/counter`, { method: 'PUT', body: 'one', headers })).json() as { index: number }
    const retry = await (await fetch(`${api}/v1/kv/counter`, { method: 'PUT', body: 'one', headers })).json() as { index: number }
    // The retry is ordered as an entry of its own, which the state machine recognises as a
    // duplicate: the state changes once, and the answer's index is at or after the original.
    assert.ok(retry.index >= first.index)
    const version = (await fetch(`${api}/v1/kv/counter`)).headers.get('x-version')
    assert.equal(version, '1', 'applied once')
    await fetch(`${api}/v1/kv/counter`, { method: 'PUT', body: 'two', headers: { 'x-client-id': 'retrying-client', 'x-request-seq': '2' } })
    assert.equal((await fetch(`${api}/v1/kv/counter`)).headers.get('x-version'), '2', 'the next sequence number is a new write')
  })

  it('bad input gets a clear 4xx error and the node keeps serving', async () => {
    const expectError = async (response: Response, status: number, code: string, message?: RegExp): Promise<void> => {
      assert.equal(response.status, status)
      const body = await response.json() as ErrorBody
      assert.equal(body.error.code, code)
      if (message !== undefined) assert.match(body.error.message, message)
    }
    await expectError(await fetch(`${api}/v1/txn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"compare": [' }), 400, 'BAD_REQUEST')
    await expectError(await fetch(`${api}/v1/txn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"success":[{"op":"launch"}]}' }), 400, 'BAD_REQUEST', /success/)
    await expectError(await fetch(`${api}/v1/kv/big`, { method: 'PUT', body: Buffer.alloc(2 * 1024 * 1024) }), 413, 'TOO_LARGE')
    await expectError(await fetch(`${api}/v1/kv/${'k'.repeat(5000)}`, { method: 'PUT', body: 'v' }), 400, 'BAD_REQUEST', /longer than/)
    await expectError(await fetch(`${api}/v1/kv/x?consistency=eventual`), 400, 'BAD_REQUEST', /consistency/)
    await expectError(await fetch(`${api}/v1/kv/x`, { method: 'PUT', body: 'v', headers: { 'x-client-id': 'c' } }), 400, 'BAD_REQUEST', /X-Request-Seq/)
    await expectError(await fetch(`${api}/v1/nothing-here`), 404, 'NOT_FOUND')
    await expectError(await fetch(`${api}/v1/kv/x`, { method: 'PATCH', body: 'v' }), 404, 'NOT_FOUND')
    // Still serving.
    assert.equal((await fetch(`${api}/v1/kv/after-bad-input`, { method: 'PUT', body: 'fine' })).status, 200)
    assert.equal((await fetch(`${api}/health`)).status, 200)
  })

  it('exports the consensus metrics named in the specification', async () => {
    const text = await (await fetch(`${api}/metrics`)).text()
    for (const name of ['consensus_proposals_received_total', 'consensus_proposals_accepted_total', 'consensus_transactions_committed_total', 'consensus_latency_seconds_bucket', 'consensus_term']) {
      assert.match(text, new RegExp(`^${name}`, 'm'), name)
    }
  })
})
