// What a PBFT core asks its host to make durable, applied in persist-id order. A restarted core
// is rebuilt from exactly the acknowledged records (PbftCore's constructor). The rule they serve:
// a replica never sends a message it could contradict after a crash (core.ts, "Persistence").

import { assertNever } from '../core.js'
import type { CheckpointCertificate, NewView, PreparedCertificate, PrePrepare, ViewChange } from './messages.js'

/**
 * A pre-prepare this replica accepted (a backup) or issued (the primary), before its prepare (or
 * the pre-prepare itself) leaves: after a restart it neither accepts nor issues another digest for
 * that (view, sequence), and reports it in view changes (the fast path's evidence).
 */
export interface PrePrepareRecord {
  readonly type: 'prePrepare'
  readonly prePrepare: PrePrepare
}

/**
 * A prepared certificate, before this replica's commit leaves: view changes must report it.
 * Deferrable while the fast path works (the commit is held then, core.ts `holdOrSendCommit`).
 */
export interface PreparedRecord {
  readonly type: 'prepared'
  readonly certificate: PreparedCertificate
}

/** This replica moved to `viewChange.view` and sent this view change (it re-sends the same one). */
export interface ViewChangeRecord {
  readonly type: 'viewChange'
  readonly viewChange: ViewChange
}

/** This replica entered `newView.view` (as its primary: issued it); the re-issued pre-prepares are accepted. */
export interface NewViewRecord {
  readonly type: 'newView'
  readonly newView: NewView
}

/**
 * The app holds a durable snapshot of the state at this stable checkpoint: the restart point. A
 * restarted core continues executing at certificate.seq + 1 (log index certificate.index + 1).
 */
export interface CheckpointRecord {
  readonly type: 'checkpoint'
  readonly certificate: CheckpointCertificate
}

/**
 * A hint: the pre-prepare's sequence committed, with this proof (the Commit certificate). Lets a
 * restarted replica execute it again at once. Nothing waits for it to be durable: deferrable.
 */
export interface CommittedRecord {
  readonly type: 'committed'
  readonly prePrepare: PrePrepare
  readonly signers: readonly string[]
  readonly proof: Uint8Array
}

export type PbftRecord = PrePrepareRecord | PreparedRecord | ViewChangeRecord | NewViewRecord | CheckpointRecord | CommittedRecord

/**
 * A shorter list of records that rebuilds the same core: the latest checkpoint, the latest view
 * record, and for each sequence above the checkpoint its latest accepted pre-prepare (from a
 * pre-prepare record or a new-view's re-issued ones), prepared certificate and commit hint. For a
 * host that wants to compact its record store after a checkpoint record. Persist ids of a core
 * rebuilt from it start at length + 1.
 */
export function compactPbftRecords(records: readonly PbftRecord[]): PbftRecord[] {
  let checkpoint: CheckpointRecord | undefined
  let view: ViewChangeRecord | NewViewRecord | undefined
  const prePrepares = new Map<number, PrePrepareRecord>()
  const prepared = new Map<number, PreparedRecord>()
  const committed = new Map<number, CommittedRecord>()
  const keepLatest = (prePrepare: PrePrepare): void => {
    const known = prePrepares.get(prePrepare.seq)
    if (known === undefined || prePrepare.view >= known.prePrepare.view) prePrepares.set(prePrepare.seq, { type: 'prePrepare', prePrepare })
  }
  for (const record of records) {
    switch (record.type) {
      case 'checkpoint':
        if (checkpoint === undefined || record.certificate.seq > checkpoint.certificate.seq) checkpoint = record
        break
      case 'viewChange':
      case 'newView': {
        const at = record.type === 'viewChange' ? record.viewChange.view : record.newView.view
        const current = view === undefined ? -1 : view.type === 'viewChange' ? view.viewChange.view : view.newView.view
        if (at > current || (at === current && record.type === 'newView')) view = record
        // The pre-prepares a new-view re-issued are accepted ones like any other.
        if (record.type === 'newView') for (const prePrepare of record.newView.prePrepares) keepLatest(prePrepare)
        break
      }
      case 'prePrepare':
        keepLatest(record.prePrepare)
        break
      case 'prepared': {
        const known = prepared.get(record.certificate.prePrepare.seq)
        if (known === undefined || record.certificate.prePrepare.view >= known.certificate.prePrepare.view) prepared.set(record.certificate.prePrepare.seq, record)
        break
      }
      case 'committed':
        committed.set(record.prePrepare.seq, record)
        break
      default:
        assertNever(record)
    }
  }
  const low = checkpoint?.certificate.seq ?? 0
  const compacted: PbftRecord[] = []
  if (checkpoint !== undefined) compacted.push(checkpoint)
  // The view record first: a new-view record's own pre-prepares come again below, after it.
  if (view !== undefined) compacted.push(view)
  const above = <R>(map: Map<number, R>): R[] => [...map.entries()].filter(([seq]) => seq > low).sort((a, b) => a[0] - b[0]).map(([, record]) => record)
  compacted.push(...above(prePrepares), ...above(prepared), ...above(committed))
  return compacted
}
