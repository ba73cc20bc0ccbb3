// The live status view of `blackhole mesh` on a terminal, and its one-line-per-event
// form when stdout is not a terminal. Pure functions of the observed rows.

export type NodeState = 'starting' | 'running' | 'restarting' | 'exited' | 'stopping'

export interface MeshRow {
  readonly name: string
  readonly state: NodeState
  readonly pid: number | undefined
  readonly apiUrl: string
  readonly peerId: string
  readonly role: string
  readonly term: number
  readonly leader: string | null
  readonly peers: number
  readonly height: number
  readonly commitsPerSecond: number
  readonly eventLoopLagMs: number
  readonly rssMb: number
  readonly restarts: number
}

const columns: ReadonlyArray<readonly [string, number, (row: MeshRow) => string]> = [
  ['node', 7, (row) => row.name],
  ['state', 11, (row) => row.state],
  ['pid', 8, (row) => row.pid?.toString() ?? '-'],
  ['peer', 14, (row) => shortPeerId(row.peerId)],
  ['role', 10, (row) => row.role],
  ['term', 6, (row) => String(row.term)],
  ['peers', 6, (row) => String(row.peers)],
  ['height', 9, (row) => String(row.height)],
  ['commits/s', 10, (row) => row.commitsPerSecond.toFixed(0)],
  ['lag ms', 7, (row) => row.eventLoopLagMs.toFixed(1)],
  ['rss MB', 7, (row) => row.rssMb.toFixed(0)],
  ['restarts', 8, (row) => String(row.restarts)],
  ['api', 22, (row) => row.apiUrl]
]

export function shortPeerId (peerId: string): string {
  return peerId.length > 12 ? `…${peerId.slice(-12)}` : peerId
}

export function renderTable (title: string, rows: readonly MeshRow[]): string {
  const header = columns.map(([name, width]) => name.padEnd(width)).join(' ')
  const lines = rows.map((row) => columns.map(([, width, cell]) => cell(row).padEnd(width)).join(' '))
  return [title, '', header, ...lines, '', 'Ctrl-C stops every node.'].join('\n')
}

/** Lines worth logging when a row changes (non-terminal mode). */
export function describeChange (before: MeshRow | undefined, after: MeshRow): string[] {
  const changes: string[] = []
  if (before?.state !== after.state) changes.push(`${after.name} ${after.state}${after.pid !== undefined ? ` pid=${after.pid}` : ''}`)
  if (before !== undefined && before.peers !== after.peers) changes.push(`${after.name} peers=${after.peers}`)
  if (before !== undefined && (before.role !== after.role || before.leader !== after.leader)) {
    changes.push(`${after.name} role=${after.role} term=${after.term} leader=${after.leader === null ? '-' : shortPeerId(after.leader)}`)
  }
  return changes
}
