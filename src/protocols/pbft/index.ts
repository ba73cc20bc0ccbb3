// The PBFT protocol core: what hosts (the simulator, a protocol actor) and codecs import.
export { createPbftCore, defaultPbftParams, resolvePbftParams, PbftCore, type PbftParams } from './core.js'
export type {
  Batch,
  Checkpoint,
  CheckpointCertificate,
  CommitVote,
  CommittedCertificate,
  FetchState,
  NewView,
  PbftMessage,
  PbftRequest,
  Prepare,
  PreparedCertificate,
  PrePrepare,
  RequestMessage,
  SignedFields,
  StableCheckpoint,
  Status,
  ViewChange
} from './messages.js'
export { compactPbftRecords, type CheckpointRecord, type CommittedRecord, type NewViewRecord, type PbftRecord, type PrePrepareRecord, type PreparedRecord, type ViewChangeRecord } from './records.js'
export {
  Digests,
  decodeCommitProof,
  decodeSnapshotMeta,
  encodeSnapshotMeta,
  signingBytes,
  verifyCommitCertificate,
  type CommitProof,
  type SnapshotMeta
} from './signing.js'
export { faultsTolerated, fastQuorumSize, quorumSize, recoverableFastQuorum } from './quorums.js'
