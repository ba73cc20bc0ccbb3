// The client key-value routes (DESIGN.md "HTTP API"):
//   PUT    /v1/kv/:key   raw body -> {"index"} once committed and applied
//   GET    /v1/kv/:key   raw value or 404; linearizable unless ?consistency=stale
//   DELETE /v1/kv/:key   {"index","deleted"}
//   POST   /v1/txn       {"compare","success","failure"} -> {"succeeded","results","index"}
// X-Client-Id + X-Request-Seq make a retried request apply once. Errors are JSON with
// a fitting status: 400 bad key or body, 413 too large, 429 overloaded, 503 with
// Retry-After when there is no leader or the request timed out — never a hang.

import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { Compare, KeyValue, KvOp, KvQuery, Session, StepResult, TxnStep } from '../app/kv-ops.js'
import { KV_LIMITS } from '../app/kv-ops.js'
import { formatPath } from '../config/genesis.js'
import type { SubmitError, SubmitOutcome } from '../node/app.js'
import { apiError } from './server.js'

/** The node's answer to a client request (the mempool's and app's outcome types). */
export type KvFailure = SubmitError
export type KvAnswer = SubmitOutcome

/** What the routes need from the node (the api actor implements it with asks). */
export interface KvService {
  submit(op: KvOp, session: Session | undefined): Promise<KvAnswer>
  query(query: KvQuery, consistency: 'linearizable' | 'stale'): Promise<KvAnswer>
}

const RETRY_AFTER_SECONDS = '1'

export function registerKvRoutes (app: FastifyInstance, service: KvService): void {
  // Values are raw bytes of any content type.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => { done(null, body) })

  app.put<{ Params: { key: string } }>('/v1/kv/:key', async (request, reply) => {
    const key = checkKey(request.params.key)
    const value = request.body instanceof Buffer ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : '')
    if (value.byteLength > KV_LIMITS.maxValueBytes) return await reply.code(413).send(apiError('TOO_LARGE', `value of ${value.byteLength} bytes exceeds ${KV_LIMITS.maxValueBytes}`))
    const answer = await service.submit({ type: 'put', key, value }, session(request.headers))
    if (!answer.ok) return await failure(reply, answer.error)
    return { index: answer.index, ...certificateJson(answer) }
  })

  app.get<{ Params: { key: string }, Querystring: { consistency?: string } }>('/v1/kv/:key', async (request, reply) => {
    const key = checkKey(request.params.key)
    const consistency = request.query.consistency ?? 'linearizable'
    if (consistency !== 'linearizable' && consistency !== 'stale') throw new BadRequest('consistency must be "linearizable" or "stale"')
    const answer = await service.query({ type: 'get', key }, consistency)
    if (!answer.ok) return await failure(reply, answer.error)
    if (answer.result.type !== 'get') throw new Error(`get answered with ${answer.result.type}`)
    const found = answer.result.found
    reply.header('x-index', String(answer.index))
    if (found === undefined) return await reply.code(404).send(apiError('NOT_FOUND', `no key ${JSON.stringify(key)}`))
    reply.header('x-version', String(found.version)).header('x-mod-index', String(found.modIndex))
    return await reply.type('application/octet-stream').send(Buffer.from(found.value))
  })

  app.delete<{ Params: { key: string } }>('/v1/kv/:key', async (request, reply) => {
    const key = checkKey(request.params.key)
    const answer = await service.submit({ type: 'delete', key }, session(request.headers))
    if (!answer.ok) return await failure(reply, answer.error)
    if (answer.result.type !== 'delete') throw new Error(`delete answered with ${answer.result.type}`)
    return { index: answer.index, deleted: answer.result.deleted, ...certificateJson(answer) }
  })

  app.post('/v1/txn', async (request, reply) => {
    const parsed = txnSchema.safeParse(parseJsonBody(request.body))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new BadRequest(`${formatPath(issue?.path ?? []) || 'body'}: ${issue?.message ?? 'invalid'}`)
    }
    const answer = await service.submit(toTxn(parsed.data), session(request.headers))
    if (!answer.ok) return await failure(reply, answer.error)
    if (answer.result.type !== 'txn') throw new Error(`txn answered with ${answer.result.type}`)
    return { succeeded: answer.result.succeeded, results: answer.result.results.map(stepJson), index: answer.index, ...certificateJson(answer) }
  })
}

/**
 * The commit certificate of a write, for protocols that sign one (PBFT): the replicas that
 * certified it and their proof (pbft/signing.ts `decodeCommitProof`), base64. A client that
 * holds the validators' keys checks it without trusting the node that answered.
 */
function certificateJson (answer: KvAnswer): { certificate?: { protocol: string, epoch: number, signers: readonly string[], proof: string } } {
  if (!answer.ok || answer.certificate === undefined) return {}
  const { protocol, epoch, signers, proof } = answer.certificate
  return { certificate: { protocol, epoch, signers, proof: Buffer.from(proof).toString('base64') } }
}

export class BadRequest extends Error {
  readonly statusCode = 400
  readonly code = 'BAD_REQUEST'
}

function checkKey (key: string): string {
  if (key.length === 0) throw new BadRequest('the key is empty')
  if (Buffer.byteLength(key) > KV_LIMITS.maxKeyBytes) throw new BadRequest(`the key is longer than ${KV_LIMITS.maxKeyBytes} bytes`)
  return key
}

function session (headers: Record<string, string | string[] | undefined>): Session | undefined {
  const client = headers['x-client-id']
  const seqText = headers['x-request-seq']
  if (client === undefined && seqText === undefined) return undefined
  if (typeof client !== 'string' || client === '' || Buffer.byteLength(client) > KV_LIMITS.maxClientIdBytes) throw new BadRequest(`X-Client-Id must be 1 to ${KV_LIMITS.maxClientIdBytes} bytes, sent with X-Request-Seq`)
  const seq = Number(seqText)
  if (typeof seqText !== 'string' || !Number.isSafeInteger(seq) || seq < 1) throw new BadRequest('X-Request-Seq must be a positive integer, sent with X-Client-Id')
  return { client, seq }
}

async function failure (reply: FastifyReply, error: KvFailure): Promise<FastifyReply> {
  switch (error.code) {
    case 'NOT_LEADER':
    case 'NO_LEADER':
      return await reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).send({ error: { code: error.code, message: 'no leader to order the request; retry', ...('leader' in error && error.leader !== undefined ? { leader: error.leader } : {}) } })
    case 'TIMEOUT':
      return await reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).send(apiError('TIMEOUT', 'the request was not committed in time; retry with the same X-Client-Id and X-Request-Seq to apply it at most once'))
    case 'OVERLOADED':
      return await reply.code(429).header('retry-after', RETRY_AFTER_SECONDS).send(apiError('OVERLOADED', 'too many requests in flight on this node; retry later'))
    case 'DROPPED':
      return await reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).send(apiError('DROPPED', error.reason))
    default:
      return error satisfies never
  }
}

function parseJsonBody (body: unknown): unknown {
  if (body instanceof Buffer) {
    try {
      return JSON.parse(body.toString('utf8'))
    } catch (err) {
      throw new BadRequest(`body is not valid JSON: ${(err as Error).message}`)
    }
  }
  return body
}

const keySchema = z.string().min(1).refine((key) => Buffer.byteLength(key) <= KV_LIMITS.maxKeyBytes, `at most ${KV_LIMITS.maxKeyBytes} bytes`)
const stepSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), key: keySchema, value: z.string() }).strict(),
  z.object({ op: z.literal('delete'), key: keySchema }).strict(),
  z.object({ op: z.literal('get'), key: keySchema }).strict(),
  z.object({ op: z.literal('range'), prefix: z.string(), limit: z.number().int().min(0).default(0) }).strict()
])
const compareOp = z.enum(['equal', 'notEqual', 'less', 'greater'])
const compareSchema = z.discriminatedUnion('target', [
  z.object({ target: z.literal('value'), key: keySchema, op: compareOp, value: z.string() }).strict(),
  z.object({ target: z.enum(['version', 'createIndex', 'modIndex']), key: keySchema, op: compareOp, value: z.number().int().min(0) }).strict()
])
const txnSchema = z.object({
  compare: z.array(compareSchema).max(KV_LIMITS.maxCompares).default([]),
  success: z.array(stepSchema).max(KV_LIMITS.maxTxnSteps).default([]),
  failure: z.array(stepSchema).max(KV_LIMITS.maxTxnSteps).default([])
}).strict()

type TxnJson = z.infer<typeof txnSchema>

function toTxn (txn: TxnJson): KvOp {
  const compare: Compare[] = txn.compare.map((guard) => guard.target === 'value'
    ? { target: 'value', key: guard.key, op: guard.op, operand: Buffer.from(guard.value) }
    : { target: guard.target, key: guard.key, op: guard.op, operand: guard.value })
  const step = (json: TxnJson['success'][number]): TxnStep => {
    switch (json.op) {
      case 'put': return { type: 'put', key: json.key, value: Buffer.from(json.value) }
      case 'delete': return { type: 'delete', key: json.key }
      case 'get': return { type: 'get', key: json.key }
      case 'range': return { type: 'range', prefix: json.prefix, limit: json.limit }
      default: return json satisfies never
    }
  }
  return { type: 'txn', compare, success: txn.success.map(step), failure: txn.failure.map(step) }
}

function keyValueJson (kv: KeyValue): Record<string, unknown> {
  return { key: kv.key, value: Buffer.from(kv.value).toString('utf8'), version: kv.version, createIndex: kv.createIndex, modIndex: kv.modIndex }
}

function stepJson (result: StepResult): Record<string, unknown> {
  switch (result.type) {
    case 'put': return { op: 'put' }
    case 'delete': return { op: 'delete', deleted: result.deleted }
    case 'get': return { op: 'get', found: result.found === undefined ? null : keyValueJson(result.found) }
    case 'range': return { op: 'range', entries: result.entries.map(keyValueJson), more: result.more }
    default: return result satisfies never
  }
}
