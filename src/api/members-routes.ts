// Cluster membership routes (etcd's `member list/promote/remove`):
//   GET    /v1/members                   {"voters","learners","leader"}
//   POST   /v1/members/:peerId/promote   a caught-up learner becomes a voter
//   DELETE /v1/members/:peerId           the node leaves the membership
// Any node takes them; a follower passes the command to the leader. A node joins by
// itself as a learner (started with the network's genesis on a fresh data directory).
// 409 REFUSED: the leader would not make the change (a learner that has not caught up,
// a change still in progress); 503 with Retry-After: no leader.

import type { FastifyInstance, FastifyReply } from 'fastify'
import { apiError } from './server.js'

export interface MembersView {
  readonly voters: readonly string[]
  readonly learners: readonly string[]
  readonly leader: string | null
}

export type MembershipChange = { readonly kind: 'promote' | 'remove'; readonly node: string }

export type ChangeOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'NO_LEADER' | 'REFUSED' | 'TIMEOUT'; readonly message: string }

/** What the routes need from the node (the api actor implements it with asks). */
export interface MembersService {
  members(): Promise<MembersView>
  change(change: MembershipChange): Promise<ChangeOutcome>
}

export function registerMembersRoutes (app: FastifyInstance, service: MembersService): void {
  app.get('/v1/members', async () => await service.members())

  const change = async (kind: MembershipChange['kind'], node: string, reply: FastifyReply): Promise<FastifyReply> => {
    const outcome = await service.change({ kind, node })
    if (outcome.ok) return await reply.send({ ok: true })
    if (outcome.code === 'REFUSED') return await reply.code(409).send(apiError(outcome.code, outcome.message))
    return await reply.code(503).header('retry-after', '1').send(apiError(outcome.code, outcome.message))
  }
  app.post<{ Params: { peerId: string } }>('/v1/members/:peerId/promote', async (request, reply) => await change('promote', request.params.peerId, reply))
  app.delete<{ Params: { peerId: string } }>('/v1/members/:peerId', async (request, reply) => await change('remove', request.params.peerId, reply))
}
