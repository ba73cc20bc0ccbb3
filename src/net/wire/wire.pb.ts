import { decodeMessage, encodeMessage, enumeration, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from './alloc.js'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface Hello {
  chainId: string
  genesisHash: Uint8Array<ArrayBuffer>
  protocol: string
  nodeVersion: string
  listenAddrs: Uint8Array<ArrayBuffer>[]
}

export namespace Hello {
  let _codec: Codec<Hello>

  export const codec = (): Codec<Hello> => {
    if (_codec == null) {
      _codec = message<Hello>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.chainId != null && obj.chainId !== '')) {
          w.uint32(10)
          w.string(obj.chainId)
        }

        if ((obj.genesisHash != null && obj.genesisHash.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.genesisHash)
        }

        if ((obj.protocol != null && obj.protocol !== '')) {
          w.uint32(26)
          w.string(obj.protocol)
        }

        if ((obj.nodeVersion != null && obj.nodeVersion !== '')) {
          w.uint32(34)
          w.string(obj.nodeVersion)
        }

        if (obj.listenAddrs != null && obj.listenAddrs.length > 0) {
          for (const value of obj.listenAddrs) {
            w.uint32(42)
            w.bytes(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          chainId: '',
          genesisHash: uint8ArrayAlloc(0),
          protocol: '',
          nodeVersion: '',
          listenAddrs: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.chainId = reader.string()
              break
            }
            case 2: {
              obj.genesisHash = reader.bytes()
              break
            }
            case 3: {
              obj.protocol = reader.string()
              break
            }
            case 4: {
              obj.nodeVersion = reader.string()
              break
            }
            case 5: {
              if (opts.limits?.listenAddrs != null && obj.listenAddrs.length === opts.limits.listenAddrs) {
                throw new MaxLengthError('Decode error - repeated field "listenAddrs" had too many elements')
              }

              if (obj.listenAddrs.length === 32) {
                throw new MaxLengthError('Decode error - repeated field "listenAddrs" had too many elements')
              }

              obj.listenAddrs.push(reader.bytes())
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          listenAddrs: 32
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.chainId`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.genesisHash`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.protocol`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.nodeVersion`,
                value: reader.string()
              }
              break
            }
            case 5: {
              if (opts.limits?.listenAddrs != null && obj.listenAddrs === opts.limits.listenAddrs) {
                throw new MaxLengthError('Streaming decode error - repeated field "listenAddrs" had too many elements')
              }

              if (obj.listenAddrs === 32) {
                throw new MaxLengthError('Streaming decode error - repeated field "listenAddrs" had too many elements')
              }

              yield {
                field: `${prefix}.listenAddrs[]`,
                index: obj.listenAddrs,
                value: reader.bytes()
              }

              obj.listenAddrs++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface HelloChainIdFieldEvent {
    field: '$.chainId'
    value: string
  }

  export interface HelloGenesisHashFieldEvent {
    field: '$.genesisHash'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HelloProtocolFieldEvent {
    field: '$.protocol'
    value: string
  }

  export interface HelloNodeVersionFieldEvent {
    field: '$.nodeVersion'
    value: string
  }

  export interface HelloListenAddrsFieldEvent {
    field: '$.listenAddrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Hello>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Hello.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Hello>): Hello {
    return decodeMessage(buf, Hello.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Hello>): Generator<HelloChainIdFieldEvent | HelloGenesisHashFieldEvent | HelloProtocolFieldEvent | HelloNodeVersionFieldEvent | HelloListenAddrsFieldEvent> {
    return streamMessage(buf, Hello.codec(), opts)
  }
}

export interface Ping {
  nonce: number
  sentAtUs: number
}

export namespace Ping {
  let _codec: Codec<Ping>

  export const codec = (): Codec<Ping> => {
    if (_codec == null) {
      _codec = message<Ping>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.nonce != null && obj.nonce !== 0)) {
          w.uint32(8)
          w.uint32(obj.nonce)
        }

        if ((obj.sentAtUs != null && obj.sentAtUs !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.sentAtUs)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          nonce: 0,
          sentAtUs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.nonce = reader.uint32()
              break
            }
            case 2: {
              obj.sentAtUs = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.nonce`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.sentAtUs`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface PingNonceFieldEvent {
    field: '$.nonce'
    value: number
  }

  export interface PingSentAtUsFieldEvent {
    field: '$.sentAtUs'
    value: number
  }

  export function encode (obj: Partial<Ping>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Ping.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Ping>): Ping {
    return decodeMessage(buf, Ping.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Ping>): Generator<PingNonceFieldEvent | PingSentAtUsFieldEvent> {
    return streamMessage(buf, Ping.codec(), opts)
  }
}

export interface Pong {
  nonce: number
  sentAtUs: number
}

export namespace Pong {
  let _codec: Codec<Pong>

  export const codec = (): Codec<Pong> => {
    if (_codec == null) {
      _codec = message<Pong>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.nonce != null && obj.nonce !== 0)) {
          w.uint32(8)
          w.uint32(obj.nonce)
        }

        if ((obj.sentAtUs != null && obj.sentAtUs !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.sentAtUs)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          nonce: 0,
          sentAtUs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.nonce = reader.uint32()
              break
            }
            case 2: {
              obj.sentAtUs = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.nonce`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.sentAtUs`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface PongNonceFieldEvent {
    field: '$.nonce'
    value: number
  }

  export interface PongSentAtUsFieldEvent {
    field: '$.sentAtUs'
    value: number
  }

  export function encode (obj: Partial<Pong>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Pong.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Pong>): Pong {
    return decodeMessage(buf, Pong.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Pong>): Generator<PongNonceFieldEvent | PongSentAtUsFieldEvent> {
    return streamMessage(buf, Pong.codec(), opts)
  }
}

export interface Bench {
  seq: number
  payload: Uint8Array<ArrayBuffer>
}

export namespace Bench {
  let _codec: Codec<Bench>

  export const codec = (): Codec<Bench> => {
    if (_codec == null) {
      _codec = message<Bench>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.seq != null && obj.seq !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.seq)
        }

        if ((obj.payload != null && obj.payload.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.payload)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          seq: 0,
          payload: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.seq = reader.uint64Number()
              break
            }
            case 2: {
              obj.payload = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.seq`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.payload`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface BenchSeqFieldEvent {
    field: '$.seq'
    value: number
  }

  export interface BenchPayloadFieldEvent {
    field: '$.payload'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Bench>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Bench.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Bench>): Bench {
    return decodeMessage(buf, Bench.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Bench>): Generator<BenchSeqFieldEvent | BenchPayloadFieldEvent> {
    return streamMessage(buf, Bench.codec(), opts)
  }
}

export enum EntryKind {
  ENTRY_KIND_APP = 'ENTRY_KIND_APP',
  ENTRY_KIND_NOOP = 'ENTRY_KIND_NOOP',
  ENTRY_KIND_CONFIG = 'ENTRY_KIND_CONFIG'
}

enum __EntryKindValues {
  ENTRY_KIND_APP = 0,
  ENTRY_KIND_NOOP = 1,
  ENTRY_KIND_CONFIG = 2
}

export namespace EntryKind {
  export const codec = (): Codec<EntryKind> => {
    return enumeration<EntryKind>(__EntryKindValues)
  }
}

export interface RaftEntry {
  term: number
  kind: EntryKind
  payload: Uint8Array<ArrayBuffer>
}

export namespace RaftEntry {
  let _codec: Codec<RaftEntry>

  export const codec = (): Codec<RaftEntry> => {
    if (_codec == null) {
      _codec = message<RaftEntry>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.term)
        }

        if (obj.kind != null && __EntryKindValues[obj.kind] !== 0) {
          w.uint32(16)
          EntryKind.codec().encode(obj.kind, w)
        }

        if ((obj.payload != null && obj.payload.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.payload)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          term: 0,
          kind: EntryKind.ENTRY_KIND_APP,
          payload: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.term = reader.uint64Number()
              break
            }
            case 2: {
              obj.kind = EntryKind.codec().decode(reader)
              break
            }
            case 3: {
              obj.payload = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.kind`,
                value: EntryKind.codec().decode(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.payload`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface RaftEntryTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface RaftEntryKindFieldEvent {
    field: '$.kind'
    value: EntryKind
  }

  export interface RaftEntryPayloadFieldEvent {
    field: '$.payload'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<RaftEntry>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, RaftEntry.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RaftEntry>): RaftEntry {
    return decodeMessage(buf, RaftEntry.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RaftEntry>): Generator<RaftEntryTermFieldEvent | RaftEntryKindFieldEvent | RaftEntryPayloadFieldEvent> {
    return streamMessage(buf, RaftEntry.codec(), opts)
  }
}

export interface VoteRequest {
  term: number
  preVote: boolean
  lastIndex: number
  lastTerm: number
  transfer: boolean
}

export namespace VoteRequest {
  let _codec: Codec<VoteRequest>

  export const codec = (): Codec<VoteRequest> => {
    if (_codec == null) {
      _codec = message<VoteRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.term)
        }

        if ((obj.preVote != null && obj.preVote !== false)) {
          w.uint32(16)
          w.bool(obj.preVote)
        }

        if ((obj.lastIndex != null && obj.lastIndex !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.lastIndex)
        }

        if ((obj.lastTerm != null && obj.lastTerm !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.lastTerm)
        }

        if ((obj.transfer != null && obj.transfer !== false)) {
          w.uint32(40)
          w.bool(obj.transfer)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          term: 0,
          preVote: false,
          lastIndex: 0,
          lastTerm: 0,
          transfer: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.term = reader.uint64Number()
              break
            }
            case 2: {
              obj.preVote = reader.bool()
              break
            }
            case 3: {
              obj.lastIndex = reader.uint64Number()
              break
            }
            case 4: {
              obj.lastTerm = reader.uint64Number()
              break
            }
            case 5: {
              obj.transfer = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.preVote`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.lastIndex`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.lastTerm`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.transfer`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface VoteRequestTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface VoteRequestPreVoteFieldEvent {
    field: '$.preVote'
    value: boolean
  }

  export interface VoteRequestLastIndexFieldEvent {
    field: '$.lastIndex'
    value: number
  }

  export interface VoteRequestLastTermFieldEvent {
    field: '$.lastTerm'
    value: number
  }

  export interface VoteRequestTransferFieldEvent {
    field: '$.transfer'
    value: boolean
  }

  export function encode (obj: Partial<VoteRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, VoteRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<VoteRequest>): VoteRequest {
    return decodeMessage(buf, VoteRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<VoteRequest>): Generator<VoteRequestTermFieldEvent | VoteRequestPreVoteFieldEvent | VoteRequestLastIndexFieldEvent | VoteRequestLastTermFieldEvent | VoteRequestTransferFieldEvent> {
    return streamMessage(buf, VoteRequest.codec(), opts)
  }
}

export interface VoteResponse {
  term: number
  preVote: boolean
  granted: boolean
}

export namespace VoteResponse {
  let _codec: Codec<VoteResponse>

  export const codec = (): Codec<VoteResponse> => {
    if (_codec == null) {
      _codec = message<VoteResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.term)
        }

        if ((obj.preVote != null && obj.preVote !== false)) {
          w.uint32(16)
          w.bool(obj.preVote)
        }

        if ((obj.granted != null && obj.granted !== false)) {
          w.uint32(24)
          w.bool(obj.granted)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          term: 0,
          preVote: false,
          granted: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.term = reader.uint64Number()
              break
            }
            case 2: {
              obj.preVote = reader.bool()
              break
            }
            case 3: {
              obj.granted = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.preVote`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.granted`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface VoteResponseTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface VoteResponsePreVoteFieldEvent {
    field: '$.preVote'
    value: boolean
  }

  export interface VoteResponseGrantedFieldEvent {
    field: '$.granted'
    value: boolean
  }

  export function encode (obj: Partial<VoteResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, VoteResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<VoteResponse>): VoteResponse {
    return decodeMessage(buf, VoteResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<VoteResponse>): Generator<VoteResponseTermFieldEvent | VoteResponsePreVoteFieldEvent | VoteResponseGrantedFieldEvent> {
    return streamMessage(buf, VoteResponse.codec(), opts)
  }
}

export interface Append {
  term: number
  prevIndex: number
  prevTerm: number
  commit: number
  entries: RaftEntry[]
}

export namespace Append {
  let _codec: Codec<Append>

  export const codec = (): Codec<Append> => {
    if (_codec == null) {
      _codec = message<Append>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.term)
        }

        if ((obj.prevIndex != null && obj.prevIndex !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.prevIndex)
        }

        if ((obj.prevTerm != null && obj.prevTerm !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.prevTerm)
        }

        if ((obj.commit != null && obj.commit !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.commit)
        }

        if (obj.entries != null && obj.entries.length > 0) {
          for (const value of obj.entries) {
            w.uint32(42)
            RaftEntry.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          term: 0,
          prevIndex: 0,
          prevTerm: 0,
          commit: 0,
          entries: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.term = reader.uint64Number()
              break
            }
            case 2: {
              obj.prevIndex = reader.uint64Number()
              break
            }
            case 3: {
              obj.prevTerm = reader.uint64Number()
              break
            }
            case 4: {
              obj.commit = reader.uint64Number()
              break
            }
            case 5: {
              if (opts.limits?.entries != null && obj.entries.length === opts.limits.entries) {
                throw new MaxLengthError('Decode error - repeated field "entries" had too many elements')
              }

              if (obj.entries.length === 8192) {
                throw new MaxLengthError('Decode error - repeated field "entries" had too many elements')
              }

              obj.entries.push(RaftEntry.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.entries$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          entries: 8192
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.prevIndex`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.prevTerm`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.commit`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              if (opts.limits?.entries != null && obj.entries === opts.limits.entries) {
                throw new MaxLengthError('Streaming decode error - repeated field "entries" had too many elements')
              }

              if (obj.entries === 8192) {
                throw new MaxLengthError('Streaming decode error - repeated field "entries" had too many elements')
              }

              for (const evt of RaftEntry.codec().stream(reader, reader.uint32(), `${prefix}.entries[]`, {
                limits: opts.limits?.entries$
              })) {
                yield {
                  ...evt,
                  index: obj.entries
                }
              }

              obj.entries++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface AppendTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface AppendPrevIndexFieldEvent {
    field: '$.prevIndex'
    value: number
  }

  export interface AppendPrevTermFieldEvent {
    field: '$.prevTerm'
    value: number
  }

  export interface AppendCommitFieldEvent {
    field: '$.commit'
    value: number
  }

  export interface AppendEntriesTermFieldEvent {
    field: '$.entries[].term'
    value: number
    index: number
  }

  export interface AppendEntriesKindFieldEvent {
    field: '$.entries[].kind'
    value: EntryKind
    index: number
  }

  export interface AppendEntriesPayloadFieldEvent {
    field: '$.entries[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<Append>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Append.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Append>): Append {
    return decodeMessage(buf, Append.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Append>): Generator<AppendTermFieldEvent | AppendPrevIndexFieldEvent | AppendPrevTermFieldEvent | AppendCommitFieldEvent | AppendEntriesTermFieldEvent | AppendEntriesKindFieldEvent | AppendEntriesPayloadFieldEvent> {
    return streamMessage(buf, Append.codec(), opts)
  }
}

export interface AppendResponse {
  term: number
  success: boolean
  index: number
  conflictTerm: number
  conflictIndex: number
}

export namespace AppendResponse {
  let _codec: Codec<AppendResponse>

  export const codec = (): Codec<AppendResponse> => {
    if (_codec == null) {
      _codec = message<AppendResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.term)
        }

        if ((obj.success != null && obj.success !== false)) {
          w.uint32(16)
          w.bool(obj.success)
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.index)
        }

        if ((obj.conflictTerm != null && obj.conflictTerm !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.conflictTerm)
        }

        if ((obj.conflictIndex != null && obj.conflictIndex !== 0)) {
          w.uint32(40)
          w.uint64Number(obj.conflictIndex)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          term: 0,
          success: false,
          index: 0,
          conflictTerm: 0,
          conflictIndex: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.term = reader.uint64Number()
              break
            }
            case 2: {
              obj.success = reader.bool()
              break
            }
            case 3: {
              obj.index = reader.uint64Number()
              break
            }
            case 4: {
              obj.conflictTerm = reader.uint64Number()
              break
            }
            case 5: {
              obj.conflictIndex = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.success`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.conflictTerm`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.conflictIndex`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface AppendResponseTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface AppendResponseSuccessFieldEvent {
    field: '$.success'
    value: boolean
  }

  export interface AppendResponseIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface AppendResponseConflictTermFieldEvent {
    field: '$.conflictTerm'
    value: number
  }

  export interface AppendResponseConflictIndexFieldEvent {
    field: '$.conflictIndex'
    value: number
  }

  export function encode (obj: Partial<AppendResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, AppendResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AppendResponse>): AppendResponse {
    return decodeMessage(buf, AppendResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AppendResponse>): Generator<AppendResponseTermFieldEvent | AppendResponseSuccessFieldEvent | AppendResponseIndexFieldEvent | AppendResponseConflictTermFieldEvent | AppendResponseConflictIndexFieldEvent> {
    return streamMessage(buf, AppendResponse.codec(), opts)
  }
}

export interface Heartbeat {
  term: number
  commit: number
  context: number
}

export namespace Heartbeat {
  let _codec: Codec<Heartbeat>

  export const codec = (): Codec<Heartbeat> => {
    if (_codec == null) {
      _codec = message<Heartbeat>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.term)
        }

        if ((obj.commit != null && obj.commit !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.commit)
        }

        if ((obj.context != null && obj.context !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.context)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          term: 0,
          commit: 0,
          context: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.term = reader.uint64Number()
              break
            }
            case 2: {
              obj.commit = reader.uint64Number()
              break
            }
            case 3: {
              obj.context = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.commit`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.context`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface HeartbeatTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface HeartbeatCommitFieldEvent {
    field: '$.commit'
    value: number
  }

  export interface HeartbeatContextFieldEvent {
    field: '$.context'
    value: number
  }

  export function encode (obj: Partial<Heartbeat>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Heartbeat.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Heartbeat>): Heartbeat {
    return decodeMessage(buf, Heartbeat.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Heartbeat>): Generator<HeartbeatTermFieldEvent | HeartbeatCommitFieldEvent | HeartbeatContextFieldEvent> {
    return streamMessage(buf, Heartbeat.codec(), opts)
  }
}

export interface HeartbeatResponse {
  term: number
  context: number
}

export namespace HeartbeatResponse {
  let _codec: Codec<HeartbeatResponse>

  export const codec = (): Codec<HeartbeatResponse> => {
    if (_codec == null) {
      _codec = message<HeartbeatResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.term)
        }

        if ((obj.context != null && obj.context !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.context)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          term: 0,
          context: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.term = reader.uint64Number()
              break
            }
            case 2: {
              obj.context = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.context`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface HeartbeatResponseTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface HeartbeatResponseContextFieldEvent {
    field: '$.context'
    value: number
  }

  export function encode (obj: Partial<HeartbeatResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HeartbeatResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HeartbeatResponse>): HeartbeatResponse {
    return decodeMessage(buf, HeartbeatResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HeartbeatResponse>): Generator<HeartbeatResponseTermFieldEvent | HeartbeatResponseContextFieldEvent> {
    return streamMessage(buf, HeartbeatResponse.codec(), opts)
  }
}

export interface TimeoutNow {
  term: number
}

export namespace TimeoutNow {
  let _codec: Codec<TimeoutNow>

  export const codec = (): Codec<TimeoutNow> => {
    if (_codec == null) {
      _codec = message<TimeoutNow>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.term)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          term: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.term = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TimeoutNowTermFieldEvent {
    field: '$.term'
    value: number
  }

  export function encode (obj: Partial<TimeoutNow>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TimeoutNow.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TimeoutNow>): TimeoutNow {
    return decodeMessage(buf, TimeoutNow.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TimeoutNow>): Generator<TimeoutNowTermFieldEvent> {
    return streamMessage(buf, TimeoutNow.codec(), opts)
  }
}

export interface SnapshotOffer {
  index: number
  fileTerm: number
  fileMeta: Uint8Array<ArrayBuffer>
  size: number
  coreMeta: Uint8Array<ArrayBuffer>
}

export namespace SnapshotOffer {
  let _codec: Codec<SnapshotOffer>

  export const codec = (): Codec<SnapshotOffer> => {
    if (_codec == null) {
      _codec = message<SnapshotOffer>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.index)
        }

        if ((obj.fileTerm != null && obj.fileTerm !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.fileTerm)
        }

        if ((obj.fileMeta != null && obj.fileMeta.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.fileMeta)
        }

        if ((obj.size != null && obj.size !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.size)
        }

        if ((obj.coreMeta != null && obj.coreMeta.byteLength > 0)) {
          w.uint32(42)
          w.bytes(obj.coreMeta)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          index: 0,
          fileTerm: 0,
          fileMeta: uint8ArrayAlloc(0),
          size: 0,
          coreMeta: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.index = reader.uint64Number()
              break
            }
            case 2: {
              obj.fileTerm = reader.uint64Number()
              break
            }
            case 3: {
              obj.fileMeta = reader.bytes()
              break
            }
            case 4: {
              obj.size = reader.uint64Number()
              break
            }
            case 5: {
              obj.coreMeta = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.fileTerm`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.fileMeta`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.size`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.coreMeta`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface SnapshotOfferIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface SnapshotOfferFileTermFieldEvent {
    field: '$.fileTerm'
    value: number
  }

  export interface SnapshotOfferFileMetaFieldEvent {
    field: '$.fileMeta'
    value: Uint8Array<ArrayBuffer>
  }

  export interface SnapshotOfferSizeFieldEvent {
    field: '$.size'
    value: number
  }

  export interface SnapshotOfferCoreMetaFieldEvent {
    field: '$.coreMeta'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<SnapshotOffer>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, SnapshotOffer.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotOffer>): SnapshotOffer {
    return decodeMessage(buf, SnapshotOffer.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotOffer>): Generator<SnapshotOfferIndexFieldEvent | SnapshotOfferFileTermFieldEvent | SnapshotOfferFileMetaFieldEvent | SnapshotOfferSizeFieldEvent | SnapshotOfferCoreMetaFieldEvent> {
    return streamMessage(buf, SnapshotOffer.codec(), opts)
  }
}

export interface SnapshotChunkRequest {
  index: number
  offset: number
  length: number
}

export namespace SnapshotChunkRequest {
  let _codec: Codec<SnapshotChunkRequest>

  export const codec = (): Codec<SnapshotChunkRequest> => {
    if (_codec == null) {
      _codec = message<SnapshotChunkRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.index)
        }

        if ((obj.offset != null && obj.offset !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.offset)
        }

        if ((obj.length != null && obj.length !== 0)) {
          w.uint32(24)
          w.uint32(obj.length)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          index: 0,
          offset: 0,
          length: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.index = reader.uint64Number()
              break
            }
            case 2: {
              obj.offset = reader.uint64Number()
              break
            }
            case 3: {
              obj.length = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.offset`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.length`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface SnapshotChunkRequestIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface SnapshotChunkRequestOffsetFieldEvent {
    field: '$.offset'
    value: number
  }

  export interface SnapshotChunkRequestLengthFieldEvent {
    field: '$.length'
    value: number
  }

  export function encode (obj: Partial<SnapshotChunkRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, SnapshotChunkRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotChunkRequest>): SnapshotChunkRequest {
    return decodeMessage(buf, SnapshotChunkRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotChunkRequest>): Generator<SnapshotChunkRequestIndexFieldEvent | SnapshotChunkRequestOffsetFieldEvent | SnapshotChunkRequestLengthFieldEvent> {
    return streamMessage(buf, SnapshotChunkRequest.codec(), opts)
  }
}

export interface SnapshotChunk {
  index: number
  offset: number
  data: Uint8Array<ArrayBuffer>
  missing: boolean
}

export namespace SnapshotChunk {
  let _codec: Codec<SnapshotChunk>

  export const codec = (): Codec<SnapshotChunk> => {
    if (_codec == null) {
      _codec = message<SnapshotChunk>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.index)
        }

        if ((obj.offset != null && obj.offset !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.offset)
        }

        if ((obj.data != null && obj.data.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.data)
        }

        if ((obj.missing != null && obj.missing !== false)) {
          w.uint32(32)
          w.bool(obj.missing)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          index: 0,
          offset: 0,
          data: uint8ArrayAlloc(0),
          missing: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.index = reader.uint64Number()
              break
            }
            case 2: {
              obj.offset = reader.uint64Number()
              break
            }
            case 3: {
              obj.data = reader.bytes()
              break
            }
            case 4: {
              obj.missing = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.offset`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.data`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.missing`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface SnapshotChunkIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface SnapshotChunkOffsetFieldEvent {
    field: '$.offset'
    value: number
  }

  export interface SnapshotChunkDataFieldEvent {
    field: '$.data'
    value: Uint8Array<ArrayBuffer>
  }

  export interface SnapshotChunkMissingFieldEvent {
    field: '$.missing'
    value: boolean
  }

  export function encode (obj: Partial<SnapshotChunk>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, SnapshotChunk.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotChunk>): SnapshotChunk {
    return decodeMessage(buf, SnapshotChunk.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotChunk>): Generator<SnapshotChunkIndexFieldEvent | SnapshotChunkOffsetFieldEvent | SnapshotChunkDataFieldEvent | SnapshotChunkMissingFieldEvent> {
    return streamMessage(buf, SnapshotChunk.codec(), opts)
  }
}

export interface JoinRequest {
  nodeVersion: string
}

export namespace JoinRequest {
  let _codec: Codec<JoinRequest>

  export const codec = (): Codec<JoinRequest> => {
    if (_codec == null) {
      _codec = message<JoinRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.nodeVersion != null && obj.nodeVersion !== '')) {
          w.uint32(10)
          w.string(obj.nodeVersion)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          nodeVersion: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.nodeVersion = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.nodeVersion`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface JoinRequestNodeVersionFieldEvent {
    field: '$.nodeVersion'
    value: string
  }

  export function encode (obj: Partial<JoinRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, JoinRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<JoinRequest>): JoinRequest {
    return decodeMessage(buf, JoinRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<JoinRequest>): Generator<JoinRequestNodeVersionFieldEvent> {
    return streamMessage(buf, JoinRequest.codec(), opts)
  }
}

export interface Forward {
  requestId: number
  payloads: Uint8Array<ArrayBuffer>[]
}

export namespace Forward {
  let _codec: Codec<Forward>

  export const codec = (): Codec<Forward> => {
    if (_codec == null) {
      _codec = message<Forward>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.requestId != null && obj.requestId !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.requestId)
        }

        if (obj.payloads != null && obj.payloads.length > 0) {
          for (const value of obj.payloads) {
            w.uint32(18)
            w.bytes(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          requestId: 0,
          payloads: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.requestId = reader.uint64Number()
              break
            }
            case 2: {
              if (opts.limits?.payloads != null && obj.payloads.length === opts.limits.payloads) {
                throw new MaxLengthError('Decode error - repeated field "payloads" had too many elements')
              }

              if (obj.payloads.length === 8192) {
                throw new MaxLengthError('Decode error - repeated field "payloads" had too many elements')
              }

              obj.payloads.push(reader.bytes())
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          payloads: 8192
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.requestId`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              if (opts.limits?.payloads != null && obj.payloads === opts.limits.payloads) {
                throw new MaxLengthError('Streaming decode error - repeated field "payloads" had too many elements')
              }

              if (obj.payloads === 8192) {
                throw new MaxLengthError('Streaming decode error - repeated field "payloads" had too many elements')
              }

              yield {
                field: `${prefix}.payloads[]`,
                index: obj.payloads,
                value: reader.bytes()
              }

              obj.payloads++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ForwardRequestIdFieldEvent {
    field: '$.requestId'
    value: number
  }

  export interface ForwardPayloadsFieldEvent {
    field: '$.payloads[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Forward>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Forward.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Forward>): Forward {
    return decodeMessage(buf, Forward.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Forward>): Generator<ForwardRequestIdFieldEvent | ForwardPayloadsFieldEvent> {
    return streamMessage(buf, Forward.codec(), opts)
  }
}

export interface ForwardedResult {
  ok: boolean
  index: number
  result: Uint8Array<ArrayBuffer>
  code: string
  leader?: string
}

export namespace ForwardedResult {
  let _codec: Codec<ForwardedResult>

  export const codec = (): Codec<ForwardedResult> => {
    if (_codec == null) {
      _codec = message<ForwardedResult>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.ok != null && obj.ok !== false)) {
          w.uint32(8)
          w.bool(obj.ok)
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.index)
        }

        if ((obj.result != null && obj.result.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.result)
        }

        if ((obj.code != null && obj.code !== '')) {
          w.uint32(34)
          w.string(obj.code)
        }

        if (obj.leader != null) {
          w.uint32(42)
          w.string(obj.leader)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          ok: false,
          index: 0,
          result: uint8ArrayAlloc(0),
          code: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.ok = reader.bool()
              break
            }
            case 2: {
              obj.index = reader.uint64Number()
              break
            }
            case 3: {
              obj.result = reader.bytes()
              break
            }
            case 4: {
              obj.code = reader.string()
              break
            }
            case 5: {
              obj.leader = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.ok`,
                value: reader.bool()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.result`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.code`,
                value: reader.string()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.leader`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ForwardedResultOkFieldEvent {
    field: '$.ok'
    value: boolean
  }

  export interface ForwardedResultIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface ForwardedResultResultFieldEvent {
    field: '$.result'
    value: Uint8Array<ArrayBuffer>
  }

  export interface ForwardedResultCodeFieldEvent {
    field: '$.code'
    value: string
  }

  export interface ForwardedResultLeaderFieldEvent {
    field: '$.leader'
    value: string
  }

  export function encode (obj: Partial<ForwardedResult>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ForwardedResult.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ForwardedResult>): ForwardedResult {
    return decodeMessage(buf, ForwardedResult.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ForwardedResult>): Generator<ForwardedResultOkFieldEvent | ForwardedResultIndexFieldEvent | ForwardedResultResultFieldEvent | ForwardedResultCodeFieldEvent | ForwardedResultLeaderFieldEvent> {
    return streamMessage(buf, ForwardedResult.codec(), opts)
  }
}

export interface ForwardResult {
  requestId: number
  results: ForwardedResult[]
}

export namespace ForwardResult {
  let _codec: Codec<ForwardResult>

  export const codec = (): Codec<ForwardResult> => {
    if (_codec == null) {
      _codec = message<ForwardResult>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.requestId != null && obj.requestId !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.requestId)
        }

        if (obj.results != null && obj.results.length > 0) {
          for (const value of obj.results) {
            w.uint32(18)
            ForwardedResult.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          requestId: 0,
          results: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.requestId = reader.uint64Number()
              break
            }
            case 2: {
              if (opts.limits?.results != null && obj.results.length === opts.limits.results) {
                throw new MaxLengthError('Decode error - repeated field "results" had too many elements')
              }

              if (obj.results.length === 8192) {
                throw new MaxLengthError('Decode error - repeated field "results" had too many elements')
              }

              obj.results.push(ForwardedResult.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.results$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          results: 8192
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.requestId`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              if (opts.limits?.results != null && obj.results === opts.limits.results) {
                throw new MaxLengthError('Streaming decode error - repeated field "results" had too many elements')
              }

              if (obj.results === 8192) {
                throw new MaxLengthError('Streaming decode error - repeated field "results" had too many elements')
              }

              for (const evt of ForwardedResult.codec().stream(reader, reader.uint32(), `${prefix}.results[]`, {
                limits: opts.limits?.results$
              })) {
                yield {
                  ...evt,
                  index: obj.results
                }
              }

              obj.results++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ForwardResultRequestIdFieldEvent {
    field: '$.requestId'
    value: number
  }

  export interface ForwardResultResultsOkFieldEvent {
    field: '$.results[].ok'
    value: boolean
    index: number
  }

  export interface ForwardResultResultsIndexFieldEvent {
    field: '$.results[].index'
    value: number
    index: number
  }

  export interface ForwardResultResultsResultFieldEvent {
    field: '$.results[].result'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface ForwardResultResultsCodeFieldEvent {
    field: '$.results[].code'
    value: string
    index: number
  }

  export interface ForwardResultResultsLeaderFieldEvent {
    field: '$.results[].leader'
    value: string
    index: number
  }

  export function encode (obj: Partial<ForwardResult>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ForwardResult.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ForwardResult>): ForwardResult {
    return decodeMessage(buf, ForwardResult.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ForwardResult>): Generator<ForwardResultRequestIdFieldEvent | ForwardResultResultsOkFieldEvent | ForwardResultResultsIndexFieldEvent | ForwardResultResultsResultFieldEvent | ForwardResultResultsCodeFieldEvent | ForwardResultResultsLeaderFieldEvent> {
    return streamMessage(buf, ForwardResult.codec(), opts)
  }
}

export interface ReadIndex {
  requestId: number
}

export namespace ReadIndex {
  let _codec: Codec<ReadIndex>

  export const codec = (): Codec<ReadIndex> => {
    if (_codec == null) {
      _codec = message<ReadIndex>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.requestId != null && obj.requestId !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.requestId)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          requestId: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.requestId = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.requestId`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ReadIndexRequestIdFieldEvent {
    field: '$.requestId'
    value: number
  }

  export function encode (obj: Partial<ReadIndex>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ReadIndex.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ReadIndex>): ReadIndex {
    return decodeMessage(buf, ReadIndex.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ReadIndex>): Generator<ReadIndexRequestIdFieldEvent> {
    return streamMessage(buf, ReadIndex.codec(), opts)
  }
}

export interface ReadIndexResult {
  requestId: number
  ok: boolean
  index: number
  code?: string
  leader?: string
}

export namespace ReadIndexResult {
  let _codec: Codec<ReadIndexResult>

  export const codec = (): Codec<ReadIndexResult> => {
    if (_codec == null) {
      _codec = message<ReadIndexResult>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.requestId != null && obj.requestId !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.requestId)
        }

        if ((obj.ok != null && obj.ok !== false)) {
          w.uint32(16)
          w.bool(obj.ok)
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.index)
        }

        if (obj.code != null) {
          w.uint32(34)
          w.string(obj.code)
        }

        if (obj.leader != null) {
          w.uint32(42)
          w.string(obj.leader)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          requestId: 0,
          ok: false,
          index: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.requestId = reader.uint64Number()
              break
            }
            case 2: {
              obj.ok = reader.bool()
              break
            }
            case 3: {
              obj.index = reader.uint64Number()
              break
            }
            case 4: {
              obj.code = reader.string()
              break
            }
            case 5: {
              obj.leader = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.requestId`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.ok`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.code`,
                value: reader.string()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.leader`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ReadIndexResultRequestIdFieldEvent {
    field: '$.requestId'
    value: number
  }

  export interface ReadIndexResultOkFieldEvent {
    field: '$.ok'
    value: boolean
  }

  export interface ReadIndexResultIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface ReadIndexResultCodeFieldEvent {
    field: '$.code'
    value: string
  }

  export interface ReadIndexResultLeaderFieldEvent {
    field: '$.leader'
    value: string
  }

  export function encode (obj: Partial<ReadIndexResult>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ReadIndexResult.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ReadIndexResult>): ReadIndexResult {
    return decodeMessage(buf, ReadIndexResult.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ReadIndexResult>): Generator<ReadIndexResultRequestIdFieldEvent | ReadIndexResultOkFieldEvent | ReadIndexResultIndexFieldEvent | ReadIndexResultCodeFieldEvent | ReadIndexResultLeaderFieldEvent> {
    return streamMessage(buf, ReadIndexResult.codec(), opts)
  }
}

export interface AdminRequest {
  requestId: number
  kind: string
  node: string
}

export namespace AdminRequest {
  let _codec: Codec<AdminRequest>

  export const codec = (): Codec<AdminRequest> => {
    if (_codec == null) {
      _codec = message<AdminRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.requestId != null && obj.requestId !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.requestId)
        }

        if ((obj.kind != null && obj.kind !== '')) {
          w.uint32(18)
          w.string(obj.kind)
        }

        if ((obj.node != null && obj.node !== '')) {
          w.uint32(26)
          w.string(obj.node)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          requestId: 0,
          kind: '',
          node: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.requestId = reader.uint64Number()
              break
            }
            case 2: {
              obj.kind = reader.string()
              break
            }
            case 3: {
              obj.node = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.requestId`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.kind`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.node`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface AdminRequestRequestIdFieldEvent {
    field: '$.requestId'
    value: number
  }

  export interface AdminRequestKindFieldEvent {
    field: '$.kind'
    value: string
  }

  export interface AdminRequestNodeFieldEvent {
    field: '$.node'
    value: string
  }

  export function encode (obj: Partial<AdminRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, AdminRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AdminRequest>): AdminRequest {
    return decodeMessage(buf, AdminRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AdminRequest>): Generator<AdminRequestRequestIdFieldEvent | AdminRequestKindFieldEvent | AdminRequestNodeFieldEvent> {
    return streamMessage(buf, AdminRequest.codec(), opts)
  }
}

export interface AdminResult {
  requestId: number
  ok: boolean
  code?: string
  reason?: string
  leader?: string
}

export namespace AdminResult {
  let _codec: Codec<AdminResult>

  export const codec = (): Codec<AdminResult> => {
    if (_codec == null) {
      _codec = message<AdminResult>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.requestId != null && obj.requestId !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.requestId)
        }

        if ((obj.ok != null && obj.ok !== false)) {
          w.uint32(16)
          w.bool(obj.ok)
        }

        if (obj.code != null) {
          w.uint32(26)
          w.string(obj.code)
        }

        if (obj.reason != null) {
          w.uint32(34)
          w.string(obj.reason)
        }

        if (obj.leader != null) {
          w.uint32(42)
          w.string(obj.leader)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          requestId: 0,
          ok: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.requestId = reader.uint64Number()
              break
            }
            case 2: {
              obj.ok = reader.bool()
              break
            }
            case 3: {
              obj.code = reader.string()
              break
            }
            case 4: {
              obj.reason = reader.string()
              break
            }
            case 5: {
              obj.leader = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.requestId`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.ok`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.code`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.reason`,
                value: reader.string()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.leader`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface AdminResultRequestIdFieldEvent {
    field: '$.requestId'
    value: number
  }

  export interface AdminResultOkFieldEvent {
    field: '$.ok'
    value: boolean
  }

  export interface AdminResultCodeFieldEvent {
    field: '$.code'
    value: string
  }

  export interface AdminResultReasonFieldEvent {
    field: '$.reason'
    value: string
  }

  export interface AdminResultLeaderFieldEvent {
    field: '$.leader'
    value: string
  }

  export function encode (obj: Partial<AdminResult>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, AdminResult.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AdminResult>): AdminResult {
    return decodeMessage(buf, AdminResult.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AdminResult>): Generator<AdminResultRequestIdFieldEvent | AdminResultOkFieldEvent | AdminResultCodeFieldEvent | AdminResultReasonFieldEvent | AdminResultLeaderFieldEvent> {
    return streamMessage(buf, AdminResult.codec(), opts)
  }
}

export interface Envelope {
  hello?: Hello
  ping?: Ping
  pong?: Pong
  bench?: Bench
  voteRequest?: VoteRequest
  voteResponse?: VoteResponse
  append?: Append
  appendResponse?: AppendResponse
  heartbeat?: Heartbeat
  heartbeatResponse?: HeartbeatResponse
  timeoutNow?: TimeoutNow
  snapshotOffer?: SnapshotOffer
  snapshotChunkRequest?: SnapshotChunkRequest
  snapshotChunk?: SnapshotChunk
  joinRequest?: JoinRequest
  forward?: Forward
  forwardResult?: ForwardResult
  readIndex?: ReadIndex
  readIndexResult?: ReadIndexResult
  adminRequest?: AdminRequest
  adminResult?: AdminResult
}

export namespace Envelope {
  let _codec: Codec<Envelope>

  export const codec = (): Codec<Envelope> => {
    if (_codec == null) {
      _codec = message<Envelope>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        obj = { ...obj }

        if (obj.adminResult != null) {
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.adminRequest != null) {
          obj.adminResult = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.readIndexResult != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.readIndex != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.forwardResult != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.forward != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.joinRequest != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.snapshotChunk != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.snapshotChunkRequest != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.snapshotOffer != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.timeoutNow != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.heartbeatResponse != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.heartbeat != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.appendResponse != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.append != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.voteResponse != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.voteRequest != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.bench != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.pong != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.ping != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.hello = undefined
        }

        if (obj.hello != null) {
          obj.adminResult = undefined
          obj.adminRequest = undefined
          obj.readIndexResult = undefined
          obj.readIndex = undefined
          obj.forwardResult = undefined
          obj.forward = undefined
          obj.joinRequest = undefined
          obj.snapshotChunk = undefined
          obj.snapshotChunkRequest = undefined
          obj.snapshotOffer = undefined
          obj.timeoutNow = undefined
          obj.heartbeatResponse = undefined
          obj.heartbeat = undefined
          obj.appendResponse = undefined
          obj.append = undefined
          obj.voteResponse = undefined
          obj.voteRequest = undefined
          obj.bench = undefined
          obj.pong = undefined
          obj.ping = undefined
        }

        if (obj.hello != null) {
          w.uint32(10)
          Hello.codec().encode(obj.hello, w)
        }

        if (obj.ping != null) {
          w.uint32(18)
          Ping.codec().encode(obj.ping, w)
        }

        if (obj.pong != null) {
          w.uint32(26)
          Pong.codec().encode(obj.pong, w)
        }

        if (obj.bench != null) {
          w.uint32(34)
          Bench.codec().encode(obj.bench, w)
        }

        if (obj.voteRequest != null) {
          w.uint32(130)
          VoteRequest.codec().encode(obj.voteRequest, w)
        }

        if (obj.voteResponse != null) {
          w.uint32(138)
          VoteResponse.codec().encode(obj.voteResponse, w)
        }

        if (obj.append != null) {
          w.uint32(146)
          Append.codec().encode(obj.append, w)
        }

        if (obj.appendResponse != null) {
          w.uint32(154)
          AppendResponse.codec().encode(obj.appendResponse, w)
        }

        if (obj.heartbeat != null) {
          w.uint32(162)
          Heartbeat.codec().encode(obj.heartbeat, w)
        }

        if (obj.heartbeatResponse != null) {
          w.uint32(170)
          HeartbeatResponse.codec().encode(obj.heartbeatResponse, w)
        }

        if (obj.timeoutNow != null) {
          w.uint32(178)
          TimeoutNow.codec().encode(obj.timeoutNow, w)
        }

        if (obj.snapshotOffer != null) {
          w.uint32(642)
          SnapshotOffer.codec().encode(obj.snapshotOffer, w)
        }

        if (obj.snapshotChunkRequest != null) {
          w.uint32(650)
          SnapshotChunkRequest.codec().encode(obj.snapshotChunkRequest, w)
        }

        if (obj.snapshotChunk != null) {
          w.uint32(658)
          SnapshotChunk.codec().encode(obj.snapshotChunk, w)
        }

        if (obj.joinRequest != null) {
          w.uint32(666)
          JoinRequest.codec().encode(obj.joinRequest, w)
        }

        if (obj.forward != null) {
          w.uint32(898)
          Forward.codec().encode(obj.forward, w)
        }

        if (obj.forwardResult != null) {
          w.uint32(906)
          ForwardResult.codec().encode(obj.forwardResult, w)
        }

        if (obj.readIndex != null) {
          w.uint32(914)
          ReadIndex.codec().encode(obj.readIndex, w)
        }

        if (obj.readIndexResult != null) {
          w.uint32(922)
          ReadIndexResult.codec().encode(obj.readIndexResult, w)
        }

        if (obj.adminRequest != null) {
          w.uint32(930)
          AdminRequest.codec().encode(obj.adminRequest, w)
        }

        if (obj.adminResult != null) {
          w.uint32(938)
          AdminResult.codec().encode(obj.adminResult, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {}

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.hello = Hello.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.hello
              })
              break
            }
            case 2: {
              obj.ping = Ping.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.ping
              })
              break
            }
            case 3: {
              obj.pong = Pong.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pong
              })
              break
            }
            case 4: {
              obj.bench = Bench.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.bench
              })
              break
            }
            case 16: {
              obj.voteRequest = VoteRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.voteRequest
              })
              break
            }
            case 17: {
              obj.voteResponse = VoteResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.voteResponse
              })
              break
            }
            case 18: {
              obj.append = Append.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.append
              })
              break
            }
            case 19: {
              obj.appendResponse = AppendResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.appendResponse
              })
              break
            }
            case 20: {
              obj.heartbeat = Heartbeat.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.heartbeat
              })
              break
            }
            case 21: {
              obj.heartbeatResponse = HeartbeatResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.heartbeatResponse
              })
              break
            }
            case 22: {
              obj.timeoutNow = TimeoutNow.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.timeoutNow
              })
              break
            }
            case 80: {
              obj.snapshotOffer = SnapshotOffer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.snapshotOffer
              })
              break
            }
            case 81: {
              obj.snapshotChunkRequest = SnapshotChunkRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.snapshotChunkRequest
              })
              break
            }
            case 82: {
              obj.snapshotChunk = SnapshotChunk.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.snapshotChunk
              })
              break
            }
            case 83: {
              obj.joinRequest = JoinRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.joinRequest
              })
              break
            }
            case 112: {
              obj.forward = Forward.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.forward
              })
              break
            }
            case 113: {
              obj.forwardResult = ForwardResult.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.forwardResult
              })
              break
            }
            case 114: {
              obj.readIndex = ReadIndex.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.readIndex
              })
              break
            }
            case 115: {
              obj.readIndexResult = ReadIndexResult.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.readIndexResult
              })
              break
            }
            case 116: {
              obj.adminRequest = AdminRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.adminRequest
              })
              break
            }
            case 117: {
              obj.adminResult = AdminResult.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.adminResult
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        if (obj.adminResult != null) {
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.adminRequest != null) {
          delete obj.adminResult
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.readIndexResult != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.readIndex != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.forwardResult != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.forward != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.joinRequest != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.snapshotChunk != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.snapshotChunkRequest != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.snapshotOffer != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.timeoutNow != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.heartbeatResponse != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.heartbeat != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.appendResponse != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.append != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.voteResponse != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.voteRequest != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.bench
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.bench != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.pong != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.ping
          delete obj.hello
        }

        if (obj.ping != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.hello
        }

        if (obj.hello != null) {
          delete obj.adminResult
          delete obj.adminRequest
          delete obj.readIndexResult
          delete obj.readIndex
          delete obj.forwardResult
          delete obj.forward
          delete obj.joinRequest
          delete obj.snapshotChunk
          delete obj.snapshotChunkRequest
          delete obj.snapshotOffer
          delete obj.timeoutNow
          delete obj.heartbeatResponse
          delete obj.heartbeat
          delete obj.appendResponse
          delete obj.append
          delete obj.voteResponse
          delete obj.voteRequest
          delete obj.bench
          delete obj.pong
          delete obj.ping
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * Hello.codec().stream(reader, reader.uint32(), `${prefix}.hello`, {
                limits: opts.limits?.hello
              })

              break
            }
            case 2: {
              yield * Ping.codec().stream(reader, reader.uint32(), `${prefix}.ping`, {
                limits: opts.limits?.ping
              })

              break
            }
            case 3: {
              yield * Pong.codec().stream(reader, reader.uint32(), `${prefix}.pong`, {
                limits: opts.limits?.pong
              })

              break
            }
            case 4: {
              yield * Bench.codec().stream(reader, reader.uint32(), `${prefix}.bench`, {
                limits: opts.limits?.bench
              })

              break
            }
            case 16: {
              yield * VoteRequest.codec().stream(reader, reader.uint32(), `${prefix}.voteRequest`, {
                limits: opts.limits?.voteRequest
              })

              break
            }
            case 17: {
              yield * VoteResponse.codec().stream(reader, reader.uint32(), `${prefix}.voteResponse`, {
                limits: opts.limits?.voteResponse
              })

              break
            }
            case 18: {
              yield * Append.codec().stream(reader, reader.uint32(), `${prefix}.append`, {
                limits: opts.limits?.append
              })

              break
            }
            case 19: {
              yield * AppendResponse.codec().stream(reader, reader.uint32(), `${prefix}.appendResponse`, {
                limits: opts.limits?.appendResponse
              })

              break
            }
            case 20: {
              yield * Heartbeat.codec().stream(reader, reader.uint32(), `${prefix}.heartbeat`, {
                limits: opts.limits?.heartbeat
              })

              break
            }
            case 21: {
              yield * HeartbeatResponse.codec().stream(reader, reader.uint32(), `${prefix}.heartbeatResponse`, {
                limits: opts.limits?.heartbeatResponse
              })

              break
            }
            case 22: {
              yield * TimeoutNow.codec().stream(reader, reader.uint32(), `${prefix}.timeoutNow`, {
                limits: opts.limits?.timeoutNow
              })

              break
            }
            case 80: {
              yield * SnapshotOffer.codec().stream(reader, reader.uint32(), `${prefix}.snapshotOffer`, {
                limits: opts.limits?.snapshotOffer
              })

              break
            }
            case 81: {
              yield * SnapshotChunkRequest.codec().stream(reader, reader.uint32(), `${prefix}.snapshotChunkRequest`, {
                limits: opts.limits?.snapshotChunkRequest
              })

              break
            }
            case 82: {
              yield * SnapshotChunk.codec().stream(reader, reader.uint32(), `${prefix}.snapshotChunk`, {
                limits: opts.limits?.snapshotChunk
              })

              break
            }
            case 83: {
              yield * JoinRequest.codec().stream(reader, reader.uint32(), `${prefix}.joinRequest`, {
                limits: opts.limits?.joinRequest
              })

              break
            }
            case 112: {
              yield * Forward.codec().stream(reader, reader.uint32(), `${prefix}.forward`, {
                limits: opts.limits?.forward
              })

              break
            }
            case 113: {
              yield * ForwardResult.codec().stream(reader, reader.uint32(), `${prefix}.forwardResult`, {
                limits: opts.limits?.forwardResult
              })

              break
            }
            case 114: {
              yield * ReadIndex.codec().stream(reader, reader.uint32(), `${prefix}.readIndex`, {
                limits: opts.limits?.readIndex
              })

              break
            }
            case 115: {
              yield * ReadIndexResult.codec().stream(reader, reader.uint32(), `${prefix}.readIndexResult`, {
                limits: opts.limits?.readIndexResult
              })

              break
            }
            case 116: {
              yield * AdminRequest.codec().stream(reader, reader.uint32(), `${prefix}.adminRequest`, {
                limits: opts.limits?.adminRequest
              })

              break
            }
            case 117: {
              yield * AdminResult.codec().stream(reader, reader.uint32(), `${prefix}.adminResult`, {
                limits: opts.limits?.adminResult
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface EnvelopeHelloChainIdFieldEvent {
    field: '$.hello.chainId'
    value: string
  }

  export interface EnvelopeHelloGenesisHashFieldEvent {
    field: '$.hello.genesisHash'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopeHelloProtocolFieldEvent {
    field: '$.hello.protocol'
    value: string
  }

  export interface EnvelopeHelloNodeVersionFieldEvent {
    field: '$.hello.nodeVersion'
    value: string
  }

  export interface EnvelopeHelloListenAddrsFieldEvent {
    field: '$.hello.listenAddrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePingNonceFieldEvent {
    field: '$.ping.nonce'
    value: number
  }

  export interface EnvelopePingSentAtUsFieldEvent {
    field: '$.ping.sentAtUs'
    value: number
  }

  export interface EnvelopePongNonceFieldEvent {
    field: '$.pong.nonce'
    value: number
  }

  export interface EnvelopePongSentAtUsFieldEvent {
    field: '$.pong.sentAtUs'
    value: number
  }

  export interface EnvelopeBenchSeqFieldEvent {
    field: '$.bench.seq'
    value: number
  }

  export interface EnvelopeBenchPayloadFieldEvent {
    field: '$.bench.payload'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopeVoteRequestTermFieldEvent {
    field: '$.voteRequest.term'
    value: number
  }

  export interface EnvelopeVoteRequestPreVoteFieldEvent {
    field: '$.voteRequest.preVote'
    value: boolean
  }

  export interface EnvelopeVoteRequestLastIndexFieldEvent {
    field: '$.voteRequest.lastIndex'
    value: number
  }

  export interface EnvelopeVoteRequestLastTermFieldEvent {
    field: '$.voteRequest.lastTerm'
    value: number
  }

  export interface EnvelopeVoteRequestTransferFieldEvent {
    field: '$.voteRequest.transfer'
    value: boolean
  }

  export interface EnvelopeVoteResponseTermFieldEvent {
    field: '$.voteResponse.term'
    value: number
  }

  export interface EnvelopeVoteResponsePreVoteFieldEvent {
    field: '$.voteResponse.preVote'
    value: boolean
  }

  export interface EnvelopeVoteResponseGrantedFieldEvent {
    field: '$.voteResponse.granted'
    value: boolean
  }

  export interface EnvelopeAppendTermFieldEvent {
    field: '$.append.term'
    value: number
  }

  export interface EnvelopeAppendPrevIndexFieldEvent {
    field: '$.append.prevIndex'
    value: number
  }

  export interface EnvelopeAppendPrevTermFieldEvent {
    field: '$.append.prevTerm'
    value: number
  }

  export interface EnvelopeAppendCommitFieldEvent {
    field: '$.append.commit'
    value: number
  }

  export interface EnvelopeAppendEntriesTermFieldEvent {
    field: '$.append.entries[].term'
    value: number
    index: number
  }

  export interface EnvelopeAppendEntriesKindFieldEvent {
    field: '$.append.entries[].kind'
    value: EntryKind
    index: number
  }

  export interface EnvelopeAppendEntriesPayloadFieldEvent {
    field: '$.append.entries[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopeAppendResponseTermFieldEvent {
    field: '$.appendResponse.term'
    value: number
  }

  export interface EnvelopeAppendResponseSuccessFieldEvent {
    field: '$.appendResponse.success'
    value: boolean
  }

  export interface EnvelopeAppendResponseIndexFieldEvent {
    field: '$.appendResponse.index'
    value: number
  }

  export interface EnvelopeAppendResponseConflictTermFieldEvent {
    field: '$.appendResponse.conflictTerm'
    value: number
  }

  export interface EnvelopeAppendResponseConflictIndexFieldEvent {
    field: '$.appendResponse.conflictIndex'
    value: number
  }

  export interface EnvelopeHeartbeatTermFieldEvent {
    field: '$.heartbeat.term'
    value: number
  }

  export interface EnvelopeHeartbeatCommitFieldEvent {
    field: '$.heartbeat.commit'
    value: number
  }

  export interface EnvelopeHeartbeatContextFieldEvent {
    field: '$.heartbeat.context'
    value: number
  }

  export interface EnvelopeHeartbeatResponseTermFieldEvent {
    field: '$.heartbeatResponse.term'
    value: number
  }

  export interface EnvelopeHeartbeatResponseContextFieldEvent {
    field: '$.heartbeatResponse.context'
    value: number
  }

  export interface EnvelopeTimeoutNowTermFieldEvent {
    field: '$.timeoutNow.term'
    value: number
  }

  export interface EnvelopeSnapshotOfferIndexFieldEvent {
    field: '$.snapshotOffer.index'
    value: number
  }

  export interface EnvelopeSnapshotOfferFileTermFieldEvent {
    field: '$.snapshotOffer.fileTerm'
    value: number
  }

  export interface EnvelopeSnapshotOfferFileMetaFieldEvent {
    field: '$.snapshotOffer.fileMeta'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopeSnapshotOfferSizeFieldEvent {
    field: '$.snapshotOffer.size'
    value: number
  }

  export interface EnvelopeSnapshotOfferCoreMetaFieldEvent {
    field: '$.snapshotOffer.coreMeta'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopeSnapshotChunkRequestIndexFieldEvent {
    field: '$.snapshotChunkRequest.index'
    value: number
  }

  export interface EnvelopeSnapshotChunkRequestOffsetFieldEvent {
    field: '$.snapshotChunkRequest.offset'
    value: number
  }

  export interface EnvelopeSnapshotChunkRequestLengthFieldEvent {
    field: '$.snapshotChunkRequest.length'
    value: number
  }

  export interface EnvelopeSnapshotChunkIndexFieldEvent {
    field: '$.snapshotChunk.index'
    value: number
  }

  export interface EnvelopeSnapshotChunkOffsetFieldEvent {
    field: '$.snapshotChunk.offset'
    value: number
  }

  export interface EnvelopeSnapshotChunkDataFieldEvent {
    field: '$.snapshotChunk.data'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopeSnapshotChunkMissingFieldEvent {
    field: '$.snapshotChunk.missing'
    value: boolean
  }

  export interface EnvelopeJoinRequestNodeVersionFieldEvent {
    field: '$.joinRequest.nodeVersion'
    value: string
  }

  export interface EnvelopeForwardRequestIdFieldEvent {
    field: '$.forward.requestId'
    value: number
  }

  export interface EnvelopeForwardPayloadsFieldEvent {
    field: '$.forward.payloads[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopeForwardResultRequestIdFieldEvent {
    field: '$.forwardResult.requestId'
    value: number
  }

  export interface EnvelopeForwardResultResultsOkFieldEvent {
    field: '$.forwardResult.results[].ok'
    value: boolean
    index: number
  }

  export interface EnvelopeForwardResultResultsIndexFieldEvent {
    field: '$.forwardResult.results[].index'
    value: number
    index: number
  }

  export interface EnvelopeForwardResultResultsResultFieldEvent {
    field: '$.forwardResult.results[].result'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopeForwardResultResultsCodeFieldEvent {
    field: '$.forwardResult.results[].code'
    value: string
    index: number
  }

  export interface EnvelopeForwardResultResultsLeaderFieldEvent {
    field: '$.forwardResult.results[].leader'
    value: string
    index: number
  }

  export interface EnvelopeReadIndexRequestIdFieldEvent {
    field: '$.readIndex.requestId'
    value: number
  }

  export interface EnvelopeReadIndexResultRequestIdFieldEvent {
    field: '$.readIndexResult.requestId'
    value: number
  }

  export interface EnvelopeReadIndexResultOkFieldEvent {
    field: '$.readIndexResult.ok'
    value: boolean
  }

  export interface EnvelopeReadIndexResultIndexFieldEvent {
    field: '$.readIndexResult.index'
    value: number
  }

  export interface EnvelopeReadIndexResultCodeFieldEvent {
    field: '$.readIndexResult.code'
    value: string
  }

  export interface EnvelopeReadIndexResultLeaderFieldEvent {
    field: '$.readIndexResult.leader'
    value: string
  }

  export interface EnvelopeAdminRequestRequestIdFieldEvent {
    field: '$.adminRequest.requestId'
    value: number
  }

  export interface EnvelopeAdminRequestKindFieldEvent {
    field: '$.adminRequest.kind'
    value: string
  }

  export interface EnvelopeAdminRequestNodeFieldEvent {
    field: '$.adminRequest.node'
    value: string
  }

  export interface EnvelopeAdminResultRequestIdFieldEvent {
    field: '$.adminResult.requestId'
    value: number
  }

  export interface EnvelopeAdminResultOkFieldEvent {
    field: '$.adminResult.ok'
    value: boolean
  }

  export interface EnvelopeAdminResultCodeFieldEvent {
    field: '$.adminResult.code'
    value: string
  }

  export interface EnvelopeAdminResultReasonFieldEvent {
    field: '$.adminResult.reason'
    value: string
  }

  export interface EnvelopeAdminResultLeaderFieldEvent {
    field: '$.adminResult.leader'
    value: string
  }

  export function encode (obj: Partial<Envelope>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Envelope.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Envelope {
    return decodeMessage(buf, Envelope.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Generator<EnvelopeHelloChainIdFieldEvent | EnvelopeHelloGenesisHashFieldEvent | EnvelopeHelloProtocolFieldEvent | EnvelopeHelloNodeVersionFieldEvent | EnvelopeHelloListenAddrsFieldEvent | EnvelopePingNonceFieldEvent | EnvelopePingSentAtUsFieldEvent | EnvelopePongNonceFieldEvent | EnvelopePongSentAtUsFieldEvent | EnvelopeBenchSeqFieldEvent | EnvelopeBenchPayloadFieldEvent | EnvelopeVoteRequestTermFieldEvent | EnvelopeVoteRequestPreVoteFieldEvent | EnvelopeVoteRequestLastIndexFieldEvent | EnvelopeVoteRequestLastTermFieldEvent | EnvelopeVoteRequestTransferFieldEvent | EnvelopeVoteResponseTermFieldEvent | EnvelopeVoteResponsePreVoteFieldEvent | EnvelopeVoteResponseGrantedFieldEvent | EnvelopeAppendTermFieldEvent | EnvelopeAppendPrevIndexFieldEvent | EnvelopeAppendPrevTermFieldEvent | EnvelopeAppendCommitFieldEvent | EnvelopeAppendEntriesTermFieldEvent | EnvelopeAppendEntriesKindFieldEvent | EnvelopeAppendEntriesPayloadFieldEvent | EnvelopeAppendResponseTermFieldEvent | EnvelopeAppendResponseSuccessFieldEvent | EnvelopeAppendResponseIndexFieldEvent | EnvelopeAppendResponseConflictTermFieldEvent | EnvelopeAppendResponseConflictIndexFieldEvent | EnvelopeHeartbeatTermFieldEvent | EnvelopeHeartbeatCommitFieldEvent | EnvelopeHeartbeatContextFieldEvent | EnvelopeHeartbeatResponseTermFieldEvent | EnvelopeHeartbeatResponseContextFieldEvent | EnvelopeTimeoutNowTermFieldEvent | EnvelopeSnapshotOfferIndexFieldEvent | EnvelopeSnapshotOfferFileTermFieldEvent | EnvelopeSnapshotOfferFileMetaFieldEvent | EnvelopeSnapshotOfferSizeFieldEvent | EnvelopeSnapshotOfferCoreMetaFieldEvent | EnvelopeSnapshotChunkRequestIndexFieldEvent | EnvelopeSnapshotChunkRequestOffsetFieldEvent | EnvelopeSnapshotChunkRequestLengthFieldEvent | EnvelopeSnapshotChunkIndexFieldEvent | EnvelopeSnapshotChunkOffsetFieldEvent | EnvelopeSnapshotChunkDataFieldEvent | EnvelopeSnapshotChunkMissingFieldEvent | EnvelopeJoinRequestNodeVersionFieldEvent | EnvelopeForwardRequestIdFieldEvent | EnvelopeForwardPayloadsFieldEvent | EnvelopeForwardResultRequestIdFieldEvent | EnvelopeForwardResultResultsOkFieldEvent | EnvelopeForwardResultResultsIndexFieldEvent | EnvelopeForwardResultResultsResultFieldEvent | EnvelopeForwardResultResultsCodeFieldEvent | EnvelopeForwardResultResultsLeaderFieldEvent | EnvelopeReadIndexRequestIdFieldEvent | EnvelopeReadIndexResultRequestIdFieldEvent | EnvelopeReadIndexResultOkFieldEvent | EnvelopeReadIndexResultIndexFieldEvent | EnvelopeReadIndexResultCodeFieldEvent | EnvelopeReadIndexResultLeaderFieldEvent | EnvelopeAdminRequestRequestIdFieldEvent | EnvelopeAdminRequestKindFieldEvent | EnvelopeAdminRequestNodeFieldEvent | EnvelopeAdminResultRequestIdFieldEvent | EnvelopeAdminResultOkFieldEvent | EnvelopeAdminResultCodeFieldEvent | EnvelopeAdminResultReasonFieldEvent | EnvelopeAdminResultLeaderFieldEvent> {
    return streamMessage(buf, Envelope.codec(), opts)
  }
}
