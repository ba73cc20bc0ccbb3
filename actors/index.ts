// The actor runtime's public surface. Node code imports from here; tests also use ./testkit.js.
//
//   type CounterMsg =
//     | { readonly type: 'add'; readonly amount: number }
//     | { readonly type: 'get'; readonly replyTo: ActorRef<number> }
//
//   const counter: Behaviour<CounterMsg> = {
//     create: () => {
//       let total = 0                       // fresh on every restart
//       return {
//         receive(msg) {
//           switch (msg.type) {
//             case 'add': total += msg.amount; return
//             case 'get': msg.replyTo.tell(total); return
//             default: return assertNever(msg)
//           }
//         }
//       }
//     }
//   }
//
//   const system = new ActorSystem({ registry })
//   const ref = system.spawn({ name: 'counter', behaviour: counter,
//     mailbox: { capacity: 1024, overflow: 'reject' }, restart: { maxRestarts: 3, windowMs: 10_000 } })
//   ref.tell({ type: 'add', amount: 2 })
//   const answer = await ref.ask((replyTo) => ({ type: 'get', replyTo }), 1000)   // AskResult<number>
//   const end = await system.whenTerminated    // { type: 'failed', failure } => exit non-zero

export {
  assertNever,
  describeFailure,
  type Actor,
  type ActorContext,
  type ActorFailure,
  type ActorRef,
  type AskError,
  type AskResult,
  type Behaviour,
  type ChildSpec,
  type MailboxConfig,
  type OverflowPolicy,
  type ReplyOf,
  type RestartPolicy,
  type SystemEvent,
  type TellError,
  type TellResult,
  type Termination,
  type Timers
} from './actor.js'
export { ManualClock, SystemClock, type Clock, type ClockTimer } from './clock.js'
export { EventLoopDispatcher, type Dispatcher, type EventLoopDispatcherOptions, type Schedulable } from './dispatcher.js'
export { ActorSystem, type ActorSystemOptions } from './system.js'
