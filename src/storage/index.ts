// Durable state of a node (DESIGN.md, "Storage"): the Raft log, term and vote in LevelDB with
// group commit, and the app's snapshots as checksummed files.
export {
  RaftStore,
  type RaftStoreOptions,
  type RaftStoreStats,
  type StorageWarning,
  type SyncedBatch
} from './raft-store.js'
export {
  SnapshotStore,
  type SnapshotFile,
  type SnapshotInfo,
  type SnapshotReader,
  type SnapshotReceiver,
  type SnapshotStoreOptions,
  type SnapshotWarning,
  type StoredSnapshot
} from './snapshot-store.js'
export {
  InvalidRecordError,
  SnapshotTransferError,
  StorageClosedError,
  StorageCorruptError,
  StorageError,
  StorageOpenError,
  StorageWriteError,
  UnsupportedFormatError,
  type CorruptPart,
  type SnapshotTransferProblem,
  type StorageErrorCode
} from './errors.js'
