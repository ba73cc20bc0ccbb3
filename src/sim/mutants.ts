// Raft with a known bug put back in: the simulator's own test. If the checkers are any good,
// sweeping seeds of a fault scenario must catch each mutant within a bounded number of seeds.
// They are registered as simulated protocols (protocols.ts) so a finding replays from the CLI:
// `node dist/src/sim/main.js --protocol raft-mutant-vote-any-log --scenario combined --seed N`.

import type { CoreFactory } from '../protocols/core.js'
import { RaftCore, type RaftParams } from '../protocols/raft/core.js'
import type { RaftMessage } from '../protocols/raft/messages.js'
import type { RaftRecord } from '../protocols/raft/records.js'

/** Votes for any candidate, whatever its log: drops the election restriction (paper §5.4.1). */
export class VoteAnyLogRaft extends RaftCore {
  protected override isLogUpToDate(): boolean {
    return true
  }
}

/** Commits entries of earlier terms by counting replicas: the Figure 8 bug (paper §5.4.2). */
export class CommitByCountingRaft extends RaftCore {
  protected override canCommitByCounting(): boolean {
    return true
  }
}

export const MUTANTS = {
  'raft-mutant-vote-any-log': (params: Partial<RaftParams>): CoreFactory<RaftMessage, RaftRecord> => (config, persisted) => new VoteAnyLogRaft(config, persisted, params),
  'raft-mutant-commit-old-terms': (params: Partial<RaftParams>): CoreFactory<RaftMessage, RaftRecord> => (config, persisted) => new CommitByCountingRaft(config, persisted, params)
} as const

export type MutantName = keyof typeof MUTANTS
