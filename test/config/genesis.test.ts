import assert from 'node:assert/strict'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { ConfigError, type Genesis, canonicalJson, genesisHash, loadGenesis, parseGenesis, parseParamOverrides } from '../../src/config/genesis.js'
import { loadNetwork, parseNetwork } from '../../src/config/network.js'

async function validator (weight = 1): Promise<Genesis['validators'][number]> {
  const key = await generateKeyPair('Ed25519')
  return { peerId: peerIdFromPrivateKey(key).toString(), publicKey: Buffer.from(key.publicKey.raw).toString('base64'), weight }
}

async function goodGenesis (): Promise<Genesis> {
  return { chainId: 'test-chain', genesisTime: '2026-11-25T00:00:00.000Z', protocol: 'raft', params: {}, validators: [await validator(), await validator()] }
}

function rejects (value: unknown, field: string, problem: RegExp): void {
  assert.throws(() => parseGenesis(value, 'g.json'), (err: unknown) => {
    assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`)
    assert.equal(err.field, field)
    assert.match(err.problem, problem)
    assert.ok(err.message.startsWith('g.json: '), err.message)
    return true
  })
}

describe('genesis file', () => {
  it('accepts a well-formed genesis and hashes it independently of key order', async () => {
    const genesis = await goodGenesis()
    assert.deepEqual(parseGenesis(genesis), genesis)
    const reordered = JSON.parse(canonicalJson(genesis)) as Genesis
    assert.equal(genesisHash(reordered), genesisHash(genesis))
    assert.notEqual(genesisHash({ ...genesis, chainId: 'other' }), genesisHash(genesis))
  })

  it('names the field and the problem for each kind of mistake', async () => {
    const genesis = await goodGenesis()
    const [first, second] = genesis.validators
    assert.ok(first !== undefined && second !== undefined)
    rejects({ ...genesis, chainId: 'Bad Chain!' }, 'chainId', /lower-case/)
    rejects({ ...genesis, protocol: 'paxos' }, 'protocol', /raft/)
    rejects({ ...genesis, validators: [] }, 'validators', /at least one validator/)
    rejects({ ...genesis, validators: [{ ...first, weight: 0 }] }, 'validators[0].weight', /./)
    rejects({ ...genesis, validators: [first, { ...second, peerId: 'not-a-peer-id' }] }, 'validators[1].peerId', /ed25519 peer id/)
    rejects({ ...genesis, validators: [first, { ...second, publicKey: first.publicKey }] }, 'validators[1].publicKey', /does not match/)
    rejects({ ...genesis, validators: [first, first] }, 'validators[1].peerId', /twice/)
    rejects({ ...genesis, params: { heartbeatMs: 'fast' } }, 'params.heartbeatMs', /number/)
    rejects({ ...genesis, params: { noSuchKnob: 1 } }, 'params.noSuchKnob', /unknown parameter/)
    rejects({ ...genesis, params: { heartbeatMs: 600, electionMs: 1000 } }, 'params.electionMs', /twice heartbeatMs/)
    rejects({ ...genesis, extra: true }, '', /extra|Unrecognized/i)
    rejects({ ...genesis, genesisTime: 'yesterday' }, 'genesisTime', /./)
  })

  it('reports unreadable and malformed files with the file name', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bh-genesis-'))
    await assert.rejects(loadGenesis(path.join(dir, 'missing.json')), /missing\.json: cannot read: ENOENT/)
    await writeFile(path.join(dir, 'broken.json'), '{ "chainId": ')
    await assert.rejects(loadGenesis(path.join(dir, 'broken.json')), /broken\.json: not valid JSON/)
  })

  it('types --param overrides', () => {
    assert.deepEqual(parseParamOverrides(['electionMs=1500', 'preVote=false', 'name=x']), { electionMs: 1500, preVote: false, name: 'x' })
    assert.throws(() => parseParamOverrides(['=1']), ConfigError)
  })
})

describe('network file', () => {
  it('accepts a genesis with /p2p/ and /dnsaddr/ bootstrap entries', async () => {
    const genesis = await goodGenesis()
    const network = parseNetwork({ name: 'n', genesis, bootstrap: [`/ip4/127.0.0.1/tcp/7000/p2p/${genesis.validators[0]?.peerId ?? ''}`, '/dnsaddr/bootstrap.example.org'] }, 'n.json')
    assert.equal(network.bootstrap.length, 2)
  })

  it('names bad bootstrap entries and nested genesis fields', async () => {
    const genesis = await goodGenesis()
    assert.throws(() => parseNetwork({ name: 'n', genesis, bootstrap: ['/ip4/127.0.0.1/tcp/7000'] }, 'n.json'), /n\.json: bootstrap\[0\]: must end in \/p2p\//)
    assert.throws(() => parseNetwork({ name: 'n', genesis, bootstrap: ['nonsense'] }, 'n.json'), /bootstrap\[0\]: not a multiaddr/)
    assert.throws(() => parseNetwork({ name: 'n', genesis: { ...genesis, protocol: 'paxos' }, bootstrap: [] }, 'n.json'), /n\.json: genesis\.protocol:/)
    assert.throws(() => parseNetwork({ name: 'n', bootstrap: [] }, 'n.json'), /n\.json: genesis/)
  })

  it('looks a bare name up in networks/ and says where it looked', async () => {
    await assert.rejects(loadNetwork('no-such-network'), /no network file .*networks\/no-such-network\.json/)
  })
})
