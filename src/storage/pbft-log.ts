// A PBFT core's persist records (protocols/pbft/records.ts) on disk: a RecordLog of records in
// their protobuf form (PbftStoredRecord, the wire's message definitions reused), compacted after
// checkpoints. Records are plain facts that only accumulate, so once a new stable checkpoint is
// recorded and the log has grown well past its last compaction, the whole log is replaced by
// the equivalent short list compactPbftRecords makes (the checkpoint, the latest view record,
// what each sequence above it needs): bounded disk and a fast restart.

import { decodePbftRecord, encodePbftRecord } from '../net/wire/pbft-codec.js'
import { compactPbftRecords, type PbftRecord } from '../protocols/pbft/records.js'
import { StorageCorruptError } from './errors.js'
import { RecordLog, type RecordLogWarning } from './record-log.js'

const DIRECTORY = 'pbft'
/** Compact once the log holds this many more records than the last compaction left. */
const COMPACT_SLACK = 256

export class PbftLog {
  private compactedLength: number

  private constructor (private readonly log: RecordLog, private readonly records: PbftRecord[]) {
    this.compactedLength = records.length
  }

  static async open (dataDir: string, warn?: (message: string, warning: RecordLogWarning) => void): Promise<PbftLog> {
    const log = await RecordLog.open(dataDir, DIRECTORY, warn === undefined ? {} : { warn })
    const records: PbftRecord[] = []
    for (const [position, bytes] of log.load().entries()) {
      try {
        records.push(decodePbftRecord(bytes))
      } catch (error) {
        // The checksum held, so these are the bytes we wrote: a format this build does not read.
        await log.close()
        throw new StorageCorruptError('record', DIRECTORY, `record ${position} does not decode: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    return new PbftLog(log, records)
  }

  async load (): Promise<readonly PbftRecord[]> {
    return this.records.slice()
  }

  async persist (records: readonly PbftRecord[]): Promise<void> {
    this.records.push(...records)
    const checkpointed = records.some((record) => record.type === 'checkpoint')
    if (checkpointed && this.records.length > this.compactedLength + COMPACT_SLACK) {
      const compacted = compactPbftRecords(this.records)
      this.records.length = 0
      this.records.push(...compacted)
      this.compactedLength = compacted.length
      await this.log.replace(compacted.map(encodePbftRecord))
      return
    }
    await this.log.append(records.map(encodePbftRecord))
  }

  async close (): Promise<void> {
    await this.log.close()
  }
}
