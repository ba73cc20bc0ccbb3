// The Raft protocol core: what hosts (the simulator, the protocol actor) and codecs import.
export { createRaftCore, defaultRaftParams, resolveRaftParams, RaftCore, type RaftParams, type RaftRole } from './core.js'
export type {
  Append,
  AppendResponse,
  Heartbeat,
  HeartbeatResponse,
  RaftEntry,
  RaftMessage,
  TimeoutNow,
  VoteRequest,
  VoteResponse
} from './messages.js'
export { compactRecords, type CommitRecord, type EntriesRecord, type HardStateRecord, type RaftRecord, type SnapshotRecord } from './records.js'
export {
  decodeMembership,
  decodeSnapshotMeta,
  encodeMembership,
  encodeSnapshotMeta,
  type Membership,
  type SnapshotMeta
} from './membership.js'
