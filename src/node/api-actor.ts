// The api actor: owns the HTTP server. Requests become asks to the other actors,
// so the API never reaches into another actor's state.

import type { FastifyInstance } from 'fastify'
import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import { actorsCheck, eventLoopCheck, latencyCheck, leaderCheck, peersCheck, progressCheck, summarize, type HealthCheck, type HealthReport } from '../api/health.js'
import type { NodeMetrics } from '../api/metrics.js'
import { createApiServer } from '../api/server.js'
import type { Genesis } from '../config/genesis.js'
import type { Logger } from '../log.js'
import type { EventLoopMonitor } from './event-loop.js'
import type { KvAnswer, KvService } from '../api/kv-routes.js'
import type { MembersService } from '../api/members-routes.js'
import type { CoreStatus } from '../protocols/core.js'
import { type AppMsg, type QueryOutcome, type SubmitOutcome, submitError } from './app.js'
import type { MempoolMsg } from './mempool.js'
import type { HostMsg, ProposeOutcome, ReadOutcome } from './protocol.js'
import type { RouterMsg, RouterStatus } from './router.js'
import type { NodeStatus, NodeView } from './view.js'

export type ApiMsg =
  | { readonly type: 'address'; readonly replyTo: ActorRef<string> }

export interface ApiActorInit {
  readonly host: string
  readonly port: number
  readonly peerId: string
  readonly genesis: Genesis
  readonly router: ActorRef<RouterMsg>
  /** The protocol's actors, when one runs in the node. */
  readonly consensus?: {
    readonly protocol: ActorRef<HostMsg>
    readonly app: ActorRef<AppMsg>
    readonly mempool: ActorRef<MempoolMsg>
  }
  /** How long a client request may wait for commit before 503 TIMEOUT. */
  readonly requestTimeoutMs?: number
  readonly metrics: NodeMetrics
  readonly eventLoop: EventLoopMonitor
  readonly logger: Logger
  readonly startedAt: number
  /** Actors that failed past their restart limit (read by the health check). */
  readonly escalated: () => readonly string[]
}

/** Asks inside a request answer within this, or the request fails with 503. */
const ASK_TIMEOUT_MS = 2000

export class Unavailable extends Error {
  readonly statusCode = 503
  readonly code = 'UNAVAILABLE'
}

export function apiBehaviour (init: ApiActorInit): Behaviour<ApiMsg> {
  return {
    async create (ctx) {
      const routerStatus = async (): Promise<RouterStatus> => {
        const reply = await ctx.ask<RouterMsg, RouterStatus>(init.router, (replyTo) => ({ type: 'status', replyTo }), ASK_TIMEOUT_MS)
        if (!reply.ok) throw new Unavailable(`router did not answer: ${reply.error.code}`)
        return reply.value
      }
      const otherValidators = init.genesis.validators.filter((validator) => validator.peerId !== init.peerId).length
      const consensus = init.consensus
      const requestTimeoutMs = init.requestTimeoutMs ?? 5000
      // The ask outlives the mempool's own deadline a little, so the mempool's TIMEOUT answers first.
      const askTimeoutMs = requestTimeoutMs + 1000

      const protocolStatus = async (): Promise<{ core: CoreStatus, appliedIndex: number } | undefined> => {
        if (consensus === undefined) return undefined
        const [core, applied] = await Promise.all([
          consensus.protocol.ask<CoreStatus>((replyTo) => ({ type: 'status', replyTo }), ASK_TIMEOUT_MS),
          consensus.app.ask<number>((replyTo) => ({ type: 'appliedIndex', replyTo }), ASK_TIMEOUT_MS)
        ])
        if (!core.ok) throw new Unavailable(`protocol did not answer: ${core.error.code}`)
        if (!applied.ok) throw new Unavailable(`app did not answer: ${applied.error.code}`)
        return { core: core.value, appliedIndex: applied.value }
      }

      const kv: KvService | undefined = consensus === undefined
        ? undefined
        : {
            async submit (op, session) {
              const reply = await consensus.mempool.ask<SubmitOutcome>((replyTo) => ({ type: 'submit', op, ...(session !== undefined ? { session } : {}), replyTo }), askTimeoutMs)
              return reply.ok ? reply.value : { ok: false, error: { code: 'TIMEOUT' } }
            },
            async query (query, consistency): Promise<KvAnswer> {
              let atIndex = 0
              if (consistency === 'linearizable') {
                const read = await consensus.protocol.ask<ReadOutcome>((replyTo) => ({ type: 'read', replyTo }), askTimeoutMs)
                if (!read.ok) return { ok: false, error: { code: 'TIMEOUT' } }
                if (!read.value.ok) return { ok: false, error: submitError(read.value.error) }
                atIndex = read.value.index
              }
              const answer = await consensus.app.ask<QueryOutcome>((replyTo) => ({ type: 'query', query, atIndex, replyTo }), askTimeoutMs)
              return answer.ok ? answer.value : { ok: false, error: { code: 'TIMEOUT' } }
            }
          }

      const members: MembersService | undefined = consensus === undefined
        ? undefined
        : {
            async members () {
              const status = await consensus.protocol.ask<CoreStatus>((replyTo) => ({ type: 'status', replyTo }), ASK_TIMEOUT_MS)
              if (!status.ok) throw new Unavailable(`protocol did not answer: ${status.error.code}`)
              return { voters: status.value.members?.voters ?? [], learners: status.value.members?.learners ?? [], leader: status.value.leader ?? null }
            },
            async change (change) {
              const reply = await consensus.protocol.ask<ProposeOutcome>((replyTo) => ({ type: 'admin', command: change, replyTo }), askTimeoutMs)
              if (!reply.ok) return { ok: false, code: 'TIMEOUT', message: 'the leader did not answer in time; retry' }
              if (reply.value.ok) return { ok: true }
              const error = reply.value.error
              switch (error.code) {
                case 'NOT_LEADER':
                case 'NO_LEADER':
                case 'NO_QUORUM':
                  return { ok: false, code: 'NO_LEADER', message: 'no leader to make the change; retry' }
                case 'DROPPED':
                  return { ok: false, code: 'REFUSED', message: error.reason }
                default:
                  return assertNever(error)
              }
            }
          }

      const view: NodeView = {
        async status (): Promise<NodeStatus> {
          const [router, consensusStatus] = await Promise.all([routerStatus(), protocolStatus()])
          return {
            peerId: init.peerId,
            chainId: init.genesis.chainId,
            protocol: init.genesis.protocol,
            role: consensusStatus?.core.role ?? 'idle',
            leader: consensusStatus?.core.leader ?? null,
            term: consensusStatus?.core.epoch ?? 0,
            commitIndex: consensusStatus?.core.commitIndex ?? 0,
            appliedIndex: consensusStatus?.appliedIndex ?? 0,
            peers: router.peers,
            validators: init.genesis.validators.length,
            addrs: router.addrs,
            uptimeSeconds: (Date.now() - init.startedAt) / 1000,
            eventLoopLagMs: init.eventLoop.meanMs(),
            rssBytes: process.memoryUsage.rss()
          }
        },
        async health (): Promise<HealthReport> {
          const [router, consensusStatus] = await Promise.all([routerStatus(), protocolStatus()])
          const checks: HealthCheck[] = [
            peersCheck(router.peers.filter((peer) => peer.validator).length, otherValidators),
            latencyCheck(router.peers.flatMap((peer) => peer.latencyMs === null ? [] : [peer.latencyMs])),
            eventLoopCheck(init.eventLoop.p99Ms()),
            actorsCheck(init.escalated())
          ]
          if (consensusStatus !== undefined) {
            checks.push(leaderCheck(consensusStatus.core.leader, consensusStatus.core.role))
            checks.push(progressCheck(consensusStatus.core.commitIndex, consensusStatus.appliedIndex))
          }
          const report = summarize(checks)
          init.metrics.healthScore.set(report.score)
          return report
        },
        async metrics () {
          return { contentType: init.metrics.registry.contentType, text: await init.metrics.registry.metrics() }
        }
      }

      const server: FastifyInstance = createApiServer({ view, logger: init.logger, ...(kv !== undefined ? { kv } : {}), ...(members !== undefined ? { members } : {}) })
      await server.listen({ host: init.host, port: init.port })
      const address = server.server.address()
      const url = address === null || typeof address === 'string'
        ? `http://${init.host}:${init.port}`
        : `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      init.logger.info({ url }, 'api listening')

      return {
        receive (msg) {
          switch (msg.type) {
            case 'address':
              msg.replyTo.tell(url)
              return
            default:
              assertNever(msg.type)
          }
        },
        async cleanup () { await server.close() }
      }
    }
  }
}
