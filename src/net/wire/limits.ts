// Caps the decoder puts on what one frame may make it allocate. A frame is at most
// maxBytes long, but an empty Raft entry or forwarded payload costs two bytes on the
// wire and an object (and a view) in memory, so counts are bounded on their own:
// past a cap the frame is TOO_LARGE. The defaults are the `limit`s in wire.proto.

export interface DecodeLimits {
  /** Entries in one Raft Append; keep it at or above the senders' maxEntriesPerAppend (raft params, default 1024). */
  appendEntries: number
  /** Payloads in one Forward. */
  forwardPayloads: number
  /** Results in one ForwardResult. */
  forwardResults: number
  /** Bytes of one Raft entry payload, forwarded payload or forwarded result (the frame bounds them anyway). */
  payloadBytes: number
  /** UTF-8 bytes of an error code or a leader id in a forwarding result. */
  stringBytes: number
}

export const DEFAULT_DECODE_LIMITS: Readonly<DecodeLimits> = {
  appendEntries: 8192,
  forwardPayloads: 8192,
  forwardResults: 8192,
  payloadBytes: 1024 * 1024,
  stringBytes: 256
}
