// The api actor: owns the HTTP server. Requests become asks to the other actors,
// so the API never reaches into another actor's state.

import type { FastifyInstance } from 'fastify'
import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import { actorsCheck, eventLoopCheck, peersCheck, summarize, type HealthReport } from '../api/health.js'
import type { NodeMetrics } from '../api/metrics.js'
import { createApiServer } from '../api/server.js'
import type { Genesis } from '../config/genesis.js'
import type { Logger } from '../log.js'
import type { EventLoopMonitor } from './event-loop.js'
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

      const view: NodeView = {
        async status (): Promise<NodeStatus> {
          const router = await routerStatus()
          return {
            peerId: init.peerId,
            chainId: init.genesis.chainId,
            protocol: init.genesis.protocol,
            role: 'idle',
            leader: null,
            term: 0,
            commitIndex: 0,
            appliedIndex: 0,
            peers: router.peers,
            validators: init.genesis.validators.length,
            addrs: router.addrs,
            uptimeSeconds: (Date.now() - init.startedAt) / 1000,
            eventLoopLagMs: init.eventLoop.meanMs(),
            rssBytes: process.memoryUsage.rss()
          }
        },
        async health (): Promise<HealthReport> {
          const router = await routerStatus()
          const report = summarize([
            peersCheck(router.peers.filter((peer) => peer.validator).length, otherValidators),
            eventLoopCheck(init.eventLoop.p99Ms()),
            actorsCheck(init.escalated())
          ])
          init.metrics.healthScore.set(report.score)
          return report
        },
        async metrics () {
          return { contentType: init.metrics.registry.contentType, text: await init.metrics.registry.metrics() }
        }
      }

      const server: FastifyInstance = createApiServer({ view, logger: init.logger })
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
