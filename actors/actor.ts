// The types an actor author sees (Akka Typed, Erlang/OTP).
//
// An actor is defined by a `Behaviour<M>`: `M` is its closed message union, `create` builds a
// fresh `Actor<M>` (its state and its one `receive`), and the runtime calls `create` again on
// every restart, so a restart always starts from fresh state. The runtime hands an actor one
// message at a time; when `receive` returns a promise, the next message waits until it settles.

import type { Clock } from './clock.js'
import type { OverflowPolicy } from './mailbox.js'
import type { Timers } from './timers.js'

export type { OverflowPolicy } from './mailbox.js'
export type { Timers } from './timers.js'

/** Why a message was not accepted. `actor` is the path of the refusing actor. */
export type TellError =
  | { readonly code: 'MAILBOX_FULL'; readonly actor: string }
  | { readonly code: 'STOPPED'; readonly actor: string }

export type TellResult = { readonly ok: true } | { readonly ok: false; readonly error: TellError }

export type AskError =
  | TellError
  | { readonly code: 'TIMEOUT'; readonly actor: string; readonly timeoutMs: number }

export type AskResult<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: AskError }

/** The one accepted-result object: `tell` allocates nothing on its hot path. */
export const TELL_OK: TellResult = Object.freeze({ ok: true })

/**
 * The address of an actor, a probe, or a one-shot reply. Contravariant like Akka's
 * ActorRef[-T]: a ref that accepts more messages can stand in for one that accepts fewer, so a
 * `replyTo: ActorRef<number>` cannot be handed a ref that only takes strings.
 */
export interface ActorRef<in M> {
  /** Slash-separated path from the system root, e.g. "node/router". */
  readonly path: string
  /**
   * Enqueue without waiting. On a full mailbox, 'drop-oldest' drops the oldest queued message
   * and accepts this one; 'reject' and 'block' answer MAILBOX_FULL (a 'block' sender that wants
   * to wait uses `send`).
   */
  tell(msg: M): TellResult
  /** Like `tell`, but on a full 'block' mailbox waits for space. Other policies answer at once. */
  send(msg: M): Promise<TellResult>
  /**
   * Request/reply: `build` wraps a one-shot `replyTo` in a request. Settles with the first
   * reply, or TIMEOUT after `timeoutMs`, or at once with the refusal if the request is not
   * accepted (on a full 'block' mailbox it waits for space within the same timeout). `R` is
   * every reply type in `M`; annotate `replyTo` to narrow it.
   *
   * Awaiting an ask inside `receive` holds the asking actor's mailbox until the answer, like
   * gen_server:call; two actors asking each other that way deadlock until the timeout.
   */
  ask<R = ReplyOf<M>>(build: (replyTo: ActorRef<R>) => M, timeoutMs: number): Promise<AskResult<R>>
}

/** The reply types named by the `replyTo` fields of a message union. */
export type ReplyOf<M> = M extends { readonly replyTo: ActorRef<infer R> } ? R : never

/** One incarnation of an actor: its state lives in the object, its messages arrive in `receive`. */
export interface Actor<M> {
  receive(msg: M, ctx: ActorContext<M>): void | Promise<void>
  /** Runs on stop and before a restart, after this actor's children have stopped. */
  cleanup?(): void | Promise<void>
}

export interface Behaviour<M> {
  /** Called at start and again on every restart. May be async (opening a database). */
  create(ctx: ActorContext<M>): Actor<M> | Promise<Actor<M>>
}

export interface MailboxConfig {
  /** Most user messages queued at once (timer messages are not counted, see timers.ts). */
  readonly capacity: number
  readonly overflow: OverflowPolicy
}

/** OTP's intensity/period: more than `maxRestarts` restarts within `windowMs` escalates. */
export interface RestartPolicy {
  readonly maxRestarts: number
  readonly windowMs: number
}

/** Everything a parent states about one child, in one place. */
export interface ChildSpec<M> {
  /** Unique among the parent's live children; no '/'. */
  readonly name: string
  readonly behaviour: Behaviour<M>
  readonly mailbox: MailboxConfig
  readonly restart: RestartPolicy
}

export interface ActorContext<M> {
  readonly self: ActorRef<M>
  readonly path: string
  readonly clock: Clock
  /** Timers deliver `M` messages to this actor; all are cancelled on restart and stop. */
  readonly timers: Timers<M>
  /** Start a child supervised one-for-one by this actor. Children stop before this actor's cleanup. */
  spawn<C>(spec: ChildSpec<C>): ActorRef<C>
  /**
   * `target.ask(build, timeoutMs)`, for code that holds the context. Pass the type arguments
   * (`ctx.ask<StoreMsg, Reply>(...)`): with `target` as an argument TypeScript cannot infer the
   * message literal types, which `target.ask` can.
   */
  ask<T, R = ReplyOf<T>>(target: ActorRef<T>, build: (replyTo: ActorRef<R>) => T, timeoutMs: number): Promise<AskResult<R>>
}

/** Why an actor failed. `actor` is the failing actor's path. */
export type ActorFailure =
  | { readonly code: 'CRASHED'; readonly actor: string; readonly phase: 'create' | 'receive'; readonly error: unknown }
  /** `actor` failed because its child gave up after exceeding its restart limit. */
  | { readonly code: 'CHILD_ESCALATED'; readonly actor: string; readonly child: ActorFailure }

/** Supervision events, for logs. */
export type SystemEvent =
  | { readonly type: 'restarted'; readonly actor: string; readonly failure: ActorFailure; readonly restartsInWindow: number }
  | { readonly type: 'escalated'; readonly actor: string; readonly failure: ActorFailure }
  | { readonly type: 'cleanupFailed'; readonly actor: string; readonly error: unknown }

/** How an actor system ended: stopped on request, or a failure escalated past the top-level actors. */
export type Termination = { readonly type: 'stopped' } | { readonly type: 'failed'; readonly failure: ActorFailure }

/** One line for a log: the chain of escalations down to the original error. */
export function describeFailure(failure: ActorFailure): string {
  switch (failure.code) {
    case 'CRASHED':
      return `${failure.actor} crashed in ${failure.phase}: ${describeError(failure.error)}`
    case 'CHILD_ESCALATED':
      return `${failure.actor} failed because its child gave up: ${describeFailure(failure.child)}`
    default:
      return assertNever(failure)
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

export function assertNever(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`)
}
