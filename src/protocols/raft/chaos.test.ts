import assert from 'node:assert/strict'
import { cluster, seededRng } from './testing.js'

// Seeded runs under partitions, crashes with restarts from acknowledged records, snapshots, and a
// network that drops, duplicates and reorders. The harness fails a run at the first violation of
// Election Safety (two leaders in a term) or State Machine Safety (different entries committed at
// one index, or a node's commits not contiguous). After the faults stop, the cluster must agree.
describe('raft under faults (seeded)', () => {
  const seeds = 30
  it(`safety holds and the cluster converges after the faults stop (${seeds} seeds)`, () => {
    for (let seed = 1; seed <= seeds; seed++) {
      try {
        runSeed(seed)
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`, { cause: error })
      }
    }
  })
})

function runSeed(seed: number): void {
  const rng = seededRng(seed)
  const c = cluster(5, { seed, params: { maxInflightAppends: 8, maxEntriesPerAppend: 4 } })
  const pick = <T>(items: readonly T[]): T => {
    const item = items[rng.int(0, items.length - 1)]
    if (item === undefined) throw new Error('pick from nothing')
    return item
  }
  let proposed = 0
  for (let round = 0; round < 400; round++) {
    if (round % 40 === 0) {
      if (rng.next() < 0.5) c.heal()
      else {
        const shuffled = [...c.ids].sort(() => rng.next() - 0.5)
        const cut = rng.int(1, 3)
        c.partition(shuffled.slice(0, cut), shuffled.slice(cut))
      }
    }
    const up = c.ids.filter(id => c.host(id).up)
    const down = c.ids.filter(id => !c.host(id).up)
    if (down.length < 2 && rng.next() < 0.02) c.crash(pick(up))
    if (down.length > 0 && rng.next() < 0.05) c.restart(pick(down))
    if (rng.next() < 0.03) c.takeSnapshot(pick(c.ids.filter(id => c.host(id).up)))
    const leader = c.leader()
    if (leader !== undefined && rng.next() < 0.6) c.propose(leader, `s${seed}-${proposed++}`)
    if (leader !== undefined && rng.next() < 0.2) c.read(leader)
    c.tick()
    c.deliverShuffled(rng, { dropRate: 0.05, duplicateRate: 0.02 })
  }
  c.heal()
  for (const id of c.ids) if (!c.host(id).up) c.restart(id)
  const leader = c.leader() ?? 'n0'
  for (let round = 0; round < 100; round++) {
    c.tick()
    c.deliverShuffled(rng)
    if (round === 50) c.propose(c.leader() ?? leader, 'final')
  }
  const reference = c.applied(c.ids[0] ?? 'n0')
  assert.ok(reference.includes('final'), 'the final write commits once faults stop')
  assert.ok(reference.length > 20, `only ${reference.length} entries committed`)
  for (const id of c.ids) assert.deepEqual(c.applied(id), reference, `${id} converged`)
}
