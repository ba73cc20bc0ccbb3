// The wire format of Blackhole's direct streams: messages, codec, framing.
export type { Hello, Ping, Pong, Bench, Raft, Forward, ForwardedResult, ForwardResult, ReadIndex, ReadIndexResult, WireMessage, WireMessageType } from './messages.js'
export { WIRE_MESSAGE_TYPES } from './messages.js'
export type { DecodeError, DecodeErrorCode, DecodeLimits, DecodeOptions, DecodeResult } from './codec.js'
export { DEFAULT_DECODE_LIMITS, DEFAULT_MAX_FRAME_BYTES, decode, encode, writeEnvelope } from './codec.js'
export type { BatchAdd, FramingError, FramingErrorCode } from './framing.js'
export { FrameBatch, FrameDecoder, encodeFrame, encodeVarint, frameBytes, varintLength } from './framing.js'
export { SlabWriter } from './slab-writer.js'
