// Worker-thread side of sweep.ts: runs the seeds it is handed, one at a time.

import { parentPort } from 'node:worker_threads'
import { simProtocol } from './protocols.js'
import type { SweepTask } from './sweep.js'

const port = parentPort
if (port === null) throw new Error('sweep-worker.js runs only as a worker thread')

port.on('message', (task: SweepTask) => {
  const protocol = simProtocol(task.protocol)
  if (protocol === undefined) throw new Error(`unknown protocol ${task.protocol}`)
  const { scenario, seed, durationUs, nodes } = task
  port.postMessage(protocol.simulate(nodes === undefined ? { scenario, seed, durationUs } : { scenario, seed, durationUs, nodes }))
})
