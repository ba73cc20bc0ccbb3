// Reads frames off one libp2p stream and hands them, one by one, to a sink.
//
// Receiver backpressure: when the sink returns a promise (its consumer is busy),
// the reader stops pulling frames and pauses the stream. A paused yamux stream
// stops granting window to the sender, so the sender's send() returns false and
// its queue fills instead of ours; nothing is dropped, and what waits here is
// bounded by one stream window (held by the decoder after a resume) plus one more
// in the paused stream's buffer: keep the muxer's maxStreamWindowSize modest.
//
// Every listener here runs inside the muxer's data path: an exception would take
// the whole connection down, so none escapes.

import { FrameDecoder } from '../wire/framing.js'
import type { FramingError } from '../wire/framing.js'
import type { Stream, StreamCloseEvent, StreamMessageEvent } from '@libp2p/interface'

export interface FrameSink {
  /** One frame's Envelope bytes; a returned promise pauses the stream until it settles. */
  receive: (reader: StreamReader, envelope: Uint8Array) => PromiseLike<unknown> | undefined
  /** The byte stream cannot be split into frames any more; the reader stops right after. */
  framingFailed: (reader: StreamReader, failure: FramingError) => void
  /** Called once, when the stream has closed for any reason. */
  closed: (reader: StreamReader) => void
  /** The sink's promise rejected; reading continues. */
  handlerFailed: (reader: StreamReader, err: unknown) => void
}

export class StreamReader {
  /** Set once a valid Hello arrived on this stream (when the links run a handshake). */
  helloSeen = false
  /** Why the stream closed, when it closed on an error (a reset, a buffer overflow). */
  closeError: Error | undefined

  private readonly decoder: FrameDecoder
  private paused = false
  private finished = false

  constructor (
    readonly peerKey: string,
    readonly stream: Stream,
    maxFrameBytes: number,
    private readonly sink: FrameSink
  ) {
    this.decoder = new FrameDecoder(maxFrameBytes)
    stream.addEventListener('message', this.onMessage)
    stream.addEventListener('close', this.onClose)
  }

  /** Bytes received but not yet delivered. */
  get bufferedBytes (): number {
    return this.decoder.bufferedBytes
  }

  get isPaused (): boolean {
    return this.paused
  }

  /** Resets the stream (the peer misbehaved, or the links are stopping). */
  abort (reason: string): void {
    this.finish()
    try {
      this.stream.abort(new Error(reason))
    } catch {
      // already closed: nothing left to reset
    }
  }

  private readonly onMessage = (evt: StreamMessageEvent): void => {
    if (this.finished) return
    try {
      this.decoder.push(evt.data)
      if (!this.paused) this.pump()
    } catch (err) {
      // A bug in the sink, not the peer's doing: keep the connection, lose the stream.
      this.sink.handlerFailed(this, err)
      this.abort('reader failed')
    }
  }

  private readonly onClose = (evt: StreamCloseEvent): void => {
    this.closeError = evt.error
    this.finish()
  }

  private pump (): void {
    while (!this.finished) {
      const envelope = this.decoder.next()
      if (envelope === undefined) {
        const failure = this.decoder.failure
        if (failure !== undefined) {
          // The sink judges first (it still knows this reader), then we stop.
          this.sink.framingFailed(this, failure)
          this.finish()
        }
        return
      }
      const busy = this.sink.receive(this, envelope)
      if (busy !== undefined) {
        this.waitFor(busy)
        return
      }
    }
  }

  private waitFor (busy: PromiseLike<unknown>): void {
    this.paused = true
    try {
      this.stream.pause()
    } catch {
      // The stream is closing; there is nothing more to hold back.
    }
    busy.then(() => { this.carryOn() }, (err: unknown) => {
      this.sink.handlerFailed(this, err)
      this.carryOn()
    })
  }

  private carryOn (): void {
    if (this.finished) return
    this.paused = false
    try {
      this.pump()
      if (!this.paused && !this.finished && this.stream.readStatus === 'paused') this.resumeStream()
    } catch (err) {
      this.sink.handlerFailed(this, err)
      this.abort('reader failed')
    }
  }

  // Only once what we hold is delivered does the stream reopen its window and hand
  // over what it buffered. resume() would hand it over synchronously, from inside
  // itself, and then reopen the window; had the sink paused us again during that
  // hand-over, the window would be reopened behind the pause and the sender let
  // loose (libp2p then resets the stream when its read buffer overflows). So the
  // listener is off during resume() and back on after it: libp2p dispatches the
  // buffer in a microtask once a 'message' listener is added, outside resume().
  private resumeStream (): void {
    this.stream.removeEventListener('message', this.onMessage)
    this.stream.resume()
    this.stream.addEventListener('message', this.onMessage)
  }

  private finish (): void {
    if (this.finished) return
    this.finished = true
    this.decoder.clear()
    this.stream.removeEventListener('message', this.onMessage)
    this.stream.removeEventListener('close', this.onClose)
    this.sink.closed(this)
  }
}
