// The HTTP API (fastify). Read-only node endpoints for now; the client key-value
// routes arrive with the first protocol. Errors are JSON {"error":{"code","message"}}.

import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify'
import type { Logger } from '../log.js'
import type { NodeView } from '../node/view.js'
import { type KvService, registerKvRoutes } from './kv-routes.js'
import { type MembersService, registerMembersRoutes } from './members-routes.js'

export interface ApiInit {
  readonly view: NodeView
  /** The key-value routes, when a protocol runs in the node. */
  readonly kv?: KvService
  /** The membership routes, when the protocol has a membership (raft). */
  readonly members?: MembersService
  readonly logger: Logger
  /** Largest request body accepted; larger gets 413. */
  readonly bodyLimit?: number
}

export interface ApiError {
  readonly error: { readonly code: string, readonly message: string }
}

export function apiError (code: string, message: string): ApiError {
  return { error: { code, message } }
}

export function createApiServer (init: ApiInit): FastifyInstance {
  const app = Fastify({ loggerInstance: init.logger.child({ actor: 'api' }) as FastifyBaseLogger, bodyLimit: init.bodyLimit ?? 1024 * 1024,
    // Keys are path parameters; fastify's default cap (100) would 404 long keys before the
    // key-length check (KV_LIMITS.maxKeyBytes, 4096 bytes) can answer 400.
    routerOptions: { maxParamLength: 8192 },
    // One log line per request would drown the node's own log; errors are still logged.
    logController: new LogController({ disableRequestLogging: true })
  })

  app.setNotFoundHandler(async (request, reply) => {
    return await reply.code(404).send(apiError('NOT_FOUND', `no route ${request.method} ${request.url}`))
  })
  app.setErrorHandler(async (error: { statusCode?: number, code?: string, message: string }, _request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500
    if (status >= 500) init.logger.error({ err: error }, 'api request failed')
    const code = status === 413 ? 'TOO_LARGE' : status === 400 ? 'BAD_REQUEST' : status >= 500 ? 'INTERNAL' : (error.code ?? 'ERROR')
    return await reply.code(status).send(apiError(code, error.message))
  })

  app.get('/health', async (_request, reply) => {
    const report = await init.view.health()
    return await reply.code(report.status === 'unhealthy' ? 503 : 200).send(report)
  })
  app.get('/status', async () => await init.view.status())
  app.get('/peers', async () => ({ peers: (await init.view.status()).peers }))
  app.get('/metrics', async (_request, reply) => {
    const { contentType, text } = await init.view.metrics()
    return await reply.type(contentType).send(text)
  })
  if (init.kv !== undefined) registerKvRoutes(app, init.kv)
  if (init.members !== undefined) registerMembersRoutes(app, init.members)
  return app
}
