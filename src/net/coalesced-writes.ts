// One write syscall per connection per tick instead of one per buffer.
//
// `@libp2p/tcp` writes every buffer it is handed to the socket at once, and Noise hands it
// two per message (length, ciphertext) while yamux sends each frame's header and body as two
// messages: one frame of ours costs 4 write syscalls, each a TCP segment the receiver must
// take in too. (`--cpu-prof` put these writes at a quarter of a Raft leader's CPU; perf later
// showed that to be a sampling artefact, each writev being about 60 µs.) Corking the socket for the rest of the tick makes Node hand them to the
// kernel as one writev: in 9 alternated pairs on a 3-node Raft mesh (64 clients) the mesh's
// write syscalls fell by a quarter to a third, CPU per put by 13 % and puts/s rose 15 % on
// average (bench/README.md).
//
// The hook sits where libp2p hands the raw connection to the encrypter, the one place it is
// ours to see (`tunedNoise` in noise.ts). It relies on @libp2p/tcp's connection keeping its `socket` and `sendData`;
// `coalescingStats` counts the connections it could not hook, and a test fails if any are
// (test/net/coalesced-writes.test.ts), so an upgrade that changes them is noticed.

import { Socket } from 'node:net'
import type { MessageStream } from '@libp2p/interface'

export const coalescingStats = { hooked: 0, notHooked: 0 }

interface TcpConnectionShape {
  socket?: unknown
  sendData?: (data: unknown) => unknown
}

/** Cork `connection`'s socket from its first write in a tick to the end of that tick. */
export function coalesceWrites (connection: MessageStream): MessageStream {
  const shape = connection as unknown as TcpConnectionShape
  const socket = shape.socket
  const sendData = shape.sendData
  if (!(socket instanceof Socket) || typeof sendData !== 'function') {
    coalescingStats.notHooked++
    return connection
  }
  let corked = false
  const uncork = (): void => {
    corked = false
    socket.uncork()
  }
  shape.sendData = (data) => {
    if (!corked && !socket.destroyed) {
      corked = true
      socket.cork()
      process.nextTick(uncork)
    }
    return sendData.call(connection, data)
  }
  coalescingStats.hooked++
  return connection
}
