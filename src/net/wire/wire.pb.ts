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

export interface PbftRequest {
  noop: boolean
  payload: Uint8Array<ArrayBuffer>
}

export namespace PbftRequest {
  let _codec: Codec<PbftRequest>

  export const codec = (): Codec<PbftRequest> => {
    if (_codec == null) {
      _codec = message<PbftRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.noop != null && obj.noop !== false)) {
          w.uint32(8)
          w.bool(obj.noop)
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
          noop: false,
          payload: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.noop = reader.bool()
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
                field: `${prefix}.noop`,
                value: reader.bool()
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

  export interface PbftRequestNoopFieldEvent {
    field: '$.noop'
    value: boolean
  }

  export interface PbftRequestPayloadFieldEvent {
    field: '$.payload'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<PbftRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftRequest>): PbftRequest {
    return decodeMessage(buf, PbftRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftRequest>): Generator<PbftRequestNoopFieldEvent | PbftRequestPayloadFieldEvent> {
    return streamMessage(buf, PbftRequest.codec(), opts)
  }
}

export interface PbftRequestMessage {
  signer: string
  signature: Uint8Array<ArrayBuffer>
  requests: PbftRequest[]
}

export namespace PbftRequestMessage {
  let _codec: Codec<PbftRequestMessage>

  export const codec = (): Codec<PbftRequestMessage> => {
    if (_codec == null) {
      _codec = message<PbftRequestMessage>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer !== '')) {
          w.uint32(10)
          w.string(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if (obj.requests != null && obj.requests.length > 0) {
          for (const value of obj.requests) {
            w.uint32(26)
            PbftRequest.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: '',
          signature: uint8ArrayAlloc(0),
          requests: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.string()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              if (opts.limits?.requests != null && obj.requests.length === opts.limits.requests) {
                throw new MaxLengthError('Decode error - repeated field "requests" had too many elements')
              }

              if (obj.requests.length === 8192) {
                throw new MaxLengthError('Decode error - repeated field "requests" had too many elements')
              }

              obj.requests.push(PbftRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.requests$
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
          requests: 8192
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.signer`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              if (opts.limits?.requests != null && obj.requests === opts.limits.requests) {
                throw new MaxLengthError('Streaming decode error - repeated field "requests" had too many elements')
              }

              if (obj.requests === 8192) {
                throw new MaxLengthError('Streaming decode error - repeated field "requests" had too many elements')
              }

              for (const evt of PbftRequest.codec().stream(reader, reader.uint32(), `${prefix}.requests[]`, {
                limits: opts.limits?.requests$
              })) {
                yield {
                  ...evt,
                  index: obj.requests
                }
              }

              obj.requests++

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

  export interface PbftRequestMessageSignerFieldEvent {
    field: '$.signer'
    value: string
  }

  export interface PbftRequestMessageSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftRequestMessageRequestsNoopFieldEvent {
    field: '$.requests[].noop'
    value: boolean
    index: number
  }

  export interface PbftRequestMessageRequestsPayloadFieldEvent {
    field: '$.requests[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<PbftRequestMessage>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftRequestMessage.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftRequestMessage>): PbftRequestMessage {
    return decodeMessage(buf, PbftRequestMessage.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftRequestMessage>): Generator<PbftRequestMessageSignerFieldEvent | PbftRequestMessageSignatureFieldEvent | PbftRequestMessageRequestsNoopFieldEvent | PbftRequestMessageRequestsPayloadFieldEvent> {
    return streamMessage(buf, PbftRequestMessage.codec(), opts)
  }
}

export interface PbftPrePrepare {
  signer: string
  signature: Uint8Array<ArrayBuffer>
  view: number
  seq: number
  digest: Uint8Array<ArrayBuffer>
  batch: PbftRequest[]
}

export namespace PbftPrePrepare {
  let _codec: Codec<PbftPrePrepare>

  export const codec = (): Codec<PbftPrePrepare> => {
    if (_codec == null) {
      _codec = message<PbftPrePrepare>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer !== '')) {
          w.uint32(10)
          w.string(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if ((obj.view != null && obj.view !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.view)
        }

        if ((obj.seq != null && obj.seq !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.seq)
        }

        if ((obj.digest != null && obj.digest.byteLength > 0)) {
          w.uint32(42)
          w.bytes(obj.digest)
        }

        if (obj.batch != null && obj.batch.length > 0) {
          for (const value of obj.batch) {
            w.uint32(50)
            PbftRequest.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: '',
          signature: uint8ArrayAlloc(0),
          view: 0,
          seq: 0,
          digest: uint8ArrayAlloc(0),
          batch: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.string()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.view = reader.uint64Number()
              break
            }
            case 4: {
              obj.seq = reader.uint64Number()
              break
            }
            case 5: {
              obj.digest = reader.bytes()
              break
            }
            case 6: {
              if (opts.limits?.batch != null && obj.batch.length === opts.limits.batch) {
                throw new MaxLengthError('Decode error - repeated field "batch" had too many elements')
              }

              if (obj.batch.length === 8192) {
                throw new MaxLengthError('Decode error - repeated field "batch" had too many elements')
              }

              obj.batch.push(PbftRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.batch$
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
          batch: 8192
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.signer`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.view`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.seq`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.digest`,
                value: reader.bytes()
              }
              break
            }
            case 6: {
              if (opts.limits?.batch != null && obj.batch === opts.limits.batch) {
                throw new MaxLengthError('Streaming decode error - repeated field "batch" had too many elements')
              }

              if (obj.batch === 8192) {
                throw new MaxLengthError('Streaming decode error - repeated field "batch" had too many elements')
              }

              for (const evt of PbftRequest.codec().stream(reader, reader.uint32(), `${prefix}.batch[]`, {
                limits: opts.limits?.batch$
              })) {
                yield {
                  ...evt,
                  index: obj.batch
                }
              }

              obj.batch++

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

  export interface PbftPrePrepareSignerFieldEvent {
    field: '$.signer'
    value: string
  }

  export interface PbftPrePrepareSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftPrePrepareViewFieldEvent {
    field: '$.view'
    value: number
  }

  export interface PbftPrePrepareSeqFieldEvent {
    field: '$.seq'
    value: number
  }

  export interface PbftPrePrepareDigestFieldEvent {
    field: '$.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftPrePrepareBatchNoopFieldEvent {
    field: '$.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftPrePrepareBatchPayloadFieldEvent {
    field: '$.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<PbftPrePrepare>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftPrePrepare.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftPrePrepare>): PbftPrePrepare {
    return decodeMessage(buf, PbftPrePrepare.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftPrePrepare>): Generator<PbftPrePrepareSignerFieldEvent | PbftPrePrepareSignatureFieldEvent | PbftPrePrepareViewFieldEvent | PbftPrePrepareSeqFieldEvent | PbftPrePrepareDigestFieldEvent | PbftPrePrepareBatchNoopFieldEvent | PbftPrePrepareBatchPayloadFieldEvent> {
    return streamMessage(buf, PbftPrePrepare.codec(), opts)
  }
}

export interface PbftVote {
  signer: string
  signature: Uint8Array<ArrayBuffer>
  view: number
  seq: number
  digest: Uint8Array<ArrayBuffer>
}

export namespace PbftVote {
  let _codec: Codec<PbftVote>

  export const codec = (): Codec<PbftVote> => {
    if (_codec == null) {
      _codec = message<PbftVote>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer !== '')) {
          w.uint32(10)
          w.string(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if ((obj.view != null && obj.view !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.view)
        }

        if ((obj.seq != null && obj.seq !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.seq)
        }

        if ((obj.digest != null && obj.digest.byteLength > 0)) {
          w.uint32(42)
          w.bytes(obj.digest)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: '',
          signature: uint8ArrayAlloc(0),
          view: 0,
          seq: 0,
          digest: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.string()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.view = reader.uint64Number()
              break
            }
            case 4: {
              obj.seq = reader.uint64Number()
              break
            }
            case 5: {
              obj.digest = reader.bytes()
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
                field: `${prefix}.signer`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.view`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.seq`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.digest`,
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

  export interface PbftVoteSignerFieldEvent {
    field: '$.signer'
    value: string
  }

  export interface PbftVoteSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftVoteViewFieldEvent {
    field: '$.view'
    value: number
  }

  export interface PbftVoteSeqFieldEvent {
    field: '$.seq'
    value: number
  }

  export interface PbftVoteDigestFieldEvent {
    field: '$.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<PbftVote>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftVote.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftVote>): PbftVote {
    return decodeMessage(buf, PbftVote.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftVote>): Generator<PbftVoteSignerFieldEvent | PbftVoteSignatureFieldEvent | PbftVoteViewFieldEvent | PbftVoteSeqFieldEvent | PbftVoteDigestFieldEvent> {
    return streamMessage(buf, PbftVote.codec(), opts)
  }
}

export interface PbftCheckpoint {
  signer: string
  signature: Uint8Array<ArrayBuffer>
  seq: number
  index: number
  stateDigest: Uint8Array<ArrayBuffer>
}

export namespace PbftCheckpoint {
  let _codec: Codec<PbftCheckpoint>

  export const codec = (): Codec<PbftCheckpoint> => {
    if (_codec == null) {
      _codec = message<PbftCheckpoint>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer !== '')) {
          w.uint32(10)
          w.string(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if ((obj.seq != null && obj.seq !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.seq)
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.index)
        }

        if ((obj.stateDigest != null && obj.stateDigest.byteLength > 0)) {
          w.uint32(42)
          w.bytes(obj.stateDigest)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: '',
          signature: uint8ArrayAlloc(0),
          seq: 0,
          index: 0,
          stateDigest: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.string()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.seq = reader.uint64Number()
              break
            }
            case 4: {
              obj.index = reader.uint64Number()
              break
            }
            case 5: {
              obj.stateDigest = reader.bytes()
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
                field: `${prefix}.signer`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.seq`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.stateDigest`,
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

  export interface PbftCheckpointSignerFieldEvent {
    field: '$.signer'
    value: string
  }

  export interface PbftCheckpointSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftCheckpointSeqFieldEvent {
    field: '$.seq'
    value: number
  }

  export interface PbftCheckpointIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface PbftCheckpointStateDigestFieldEvent {
    field: '$.stateDigest'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<PbftCheckpoint>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftCheckpoint.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftCheckpoint>): PbftCheckpoint {
    return decodeMessage(buf, PbftCheckpoint.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftCheckpoint>): Generator<PbftCheckpointSignerFieldEvent | PbftCheckpointSignatureFieldEvent | PbftCheckpointSeqFieldEvent | PbftCheckpointIndexFieldEvent | PbftCheckpointStateDigestFieldEvent> {
    return streamMessage(buf, PbftCheckpoint.codec(), opts)
  }
}

export interface PbftCheckpointCertificate {
  seq: number
  index: number
  stateDigest: Uint8Array<ArrayBuffer>
  proof: PbftCheckpoint[]
}

export namespace PbftCheckpointCertificate {
  let _codec: Codec<PbftCheckpointCertificate>

  export const codec = (): Codec<PbftCheckpointCertificate> => {
    if (_codec == null) {
      _codec = message<PbftCheckpointCertificate>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.seq != null && obj.seq !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.seq)
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.index)
        }

        if ((obj.stateDigest != null && obj.stateDigest.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.stateDigest)
        }

        if (obj.proof != null && obj.proof.length > 0) {
          for (const value of obj.proof) {
            w.uint32(34)
            PbftCheckpoint.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          seq: 0,
          index: 0,
          stateDigest: uint8ArrayAlloc(0),
          proof: []
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
              obj.index = reader.uint64Number()
              break
            }
            case 3: {
              obj.stateDigest = reader.bytes()
              break
            }
            case 4: {
              if (opts.limits?.proof != null && obj.proof.length === opts.limits.proof) {
                throw new MaxLengthError('Decode error - repeated field "proof" had too many elements')
              }

              if (obj.proof.length === 1024) {
                throw new MaxLengthError('Decode error - repeated field "proof" had too many elements')
              }

              obj.proof.push(PbftCheckpoint.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.proof$
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
          proof: 1024
        }

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
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.stateDigest`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              if (opts.limits?.proof != null && obj.proof === opts.limits.proof) {
                throw new MaxLengthError('Streaming decode error - repeated field "proof" had too many elements')
              }

              if (obj.proof === 1024) {
                throw new MaxLengthError('Streaming decode error - repeated field "proof" had too many elements')
              }

              for (const evt of PbftCheckpoint.codec().stream(reader, reader.uint32(), `${prefix}.proof[]`, {
                limits: opts.limits?.proof$
              })) {
                yield {
                  ...evt,
                  index: obj.proof
                }
              }

              obj.proof++

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

  export interface PbftCheckpointCertificateSeqFieldEvent {
    field: '$.seq'
    value: number
  }

  export interface PbftCheckpointCertificateIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface PbftCheckpointCertificateStateDigestFieldEvent {
    field: '$.stateDigest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftCheckpointCertificateProofSignerFieldEvent {
    field: '$.proof[].signer'
    value: string
    index: number
  }

  export interface PbftCheckpointCertificateProofSignatureFieldEvent {
    field: '$.proof[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftCheckpointCertificateProofSeqFieldEvent {
    field: '$.proof[].seq'
    value: number
    index: number
  }

  export interface PbftCheckpointCertificateProofIndexFieldEvent {
    field: '$.proof[].index'
    value: number
    index: number
  }

  export interface PbftCheckpointCertificateProofStateDigestFieldEvent {
    field: '$.proof[].stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<PbftCheckpointCertificate>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftCheckpointCertificate.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftCheckpointCertificate>): PbftCheckpointCertificate {
    return decodeMessage(buf, PbftCheckpointCertificate.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftCheckpointCertificate>): Generator<PbftCheckpointCertificateSeqFieldEvent | PbftCheckpointCertificateIndexFieldEvent | PbftCheckpointCertificateStateDigestFieldEvent | PbftCheckpointCertificateProofSignerFieldEvent | PbftCheckpointCertificateProofSignatureFieldEvent | PbftCheckpointCertificateProofSeqFieldEvent | PbftCheckpointCertificateProofIndexFieldEvent | PbftCheckpointCertificateProofStateDigestFieldEvent> {
    return streamMessage(buf, PbftCheckpointCertificate.codec(), opts)
  }
}

export interface PbftPreparedCertificate {
  prePrepare?: PbftPrePrepare
  prepares: PbftVote[]
}

export namespace PbftPreparedCertificate {
  let _codec: Codec<PbftPreparedCertificate>

  export const codec = (): Codec<PbftPreparedCertificate> => {
    if (_codec == null) {
      _codec = message<PbftPreparedCertificate>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.prePrepare != null) {
          w.uint32(10)
          PbftPrePrepare.codec().encode(obj.prePrepare, w)
        }

        if (obj.prepares != null && obj.prepares.length > 0) {
          for (const value of obj.prepares) {
            w.uint32(18)
            PbftVote.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          prepares: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.prePrepare = PbftPrePrepare.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prePrepare
              })
              break
            }
            case 2: {
              if (opts.limits?.prepares != null && obj.prepares.length === opts.limits.prepares) {
                throw new MaxLengthError('Decode error - repeated field "prepares" had too many elements')
              }

              if (obj.prepares.length === 1024) {
                throw new MaxLengthError('Decode error - repeated field "prepares" had too many elements')
              }

              obj.prepares.push(PbftVote.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prepares$
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
          prepares: 1024
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * PbftPrePrepare.codec().stream(reader, reader.uint32(), `${prefix}.prePrepare`, {
                limits: opts.limits?.prePrepare
              })

              break
            }
            case 2: {
              if (opts.limits?.prepares != null && obj.prepares === opts.limits.prepares) {
                throw new MaxLengthError('Streaming decode error - repeated field "prepares" had too many elements')
              }

              if (obj.prepares === 1024) {
                throw new MaxLengthError('Streaming decode error - repeated field "prepares" had too many elements')
              }

              for (const evt of PbftVote.codec().stream(reader, reader.uint32(), `${prefix}.prepares[]`, {
                limits: opts.limits?.prepares$
              })) {
                yield {
                  ...evt,
                  index: obj.prepares
                }
              }

              obj.prepares++

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

  export interface PbftPreparedCertificatePrePrepareSignerFieldEvent {
    field: '$.prePrepare.signer'
    value: string
  }

  export interface PbftPreparedCertificatePrePrepareSignatureFieldEvent {
    field: '$.prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftPreparedCertificatePrePrepareViewFieldEvent {
    field: '$.prePrepare.view'
    value: number
  }

  export interface PbftPreparedCertificatePrePrepareSeqFieldEvent {
    field: '$.prePrepare.seq'
    value: number
  }

  export interface PbftPreparedCertificatePrePrepareDigestFieldEvent {
    field: '$.prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftPreparedCertificatePrePrepareBatchNoopFieldEvent {
    field: '$.prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftPreparedCertificatePrePrepareBatchPayloadFieldEvent {
    field: '$.prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftPreparedCertificatePreparesSignerFieldEvent {
    field: '$.prepares[].signer'
    value: string
    index: number
  }

  export interface PbftPreparedCertificatePreparesSignatureFieldEvent {
    field: '$.prepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftPreparedCertificatePreparesViewFieldEvent {
    field: '$.prepares[].view'
    value: number
    index: number
  }

  export interface PbftPreparedCertificatePreparesSeqFieldEvent {
    field: '$.prepares[].seq'
    value: number
    index: number
  }

  export interface PbftPreparedCertificatePreparesDigestFieldEvent {
    field: '$.prepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<PbftPreparedCertificate>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftPreparedCertificate.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftPreparedCertificate>): PbftPreparedCertificate {
    return decodeMessage(buf, PbftPreparedCertificate.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftPreparedCertificate>): Generator<PbftPreparedCertificatePrePrepareSignerFieldEvent | PbftPreparedCertificatePrePrepareSignatureFieldEvent | PbftPreparedCertificatePrePrepareViewFieldEvent | PbftPreparedCertificatePrePrepareSeqFieldEvent | PbftPreparedCertificatePrePrepareDigestFieldEvent | PbftPreparedCertificatePrePrepareBatchNoopFieldEvent | PbftPreparedCertificatePrePrepareBatchPayloadFieldEvent | PbftPreparedCertificatePreparesSignerFieldEvent | PbftPreparedCertificatePreparesSignatureFieldEvent | PbftPreparedCertificatePreparesViewFieldEvent | PbftPreparedCertificatePreparesSeqFieldEvent | PbftPreparedCertificatePreparesDigestFieldEvent> {
    return streamMessage(buf, PbftPreparedCertificate.codec(), opts)
  }
}

export interface PbftViewChange {
  signer: string
  signature: Uint8Array<ArrayBuffer>
  view: number
  checkpoint?: PbftCheckpointCertificate
  prepared: PbftPreparedCertificate[]
  accepted: PbftPrePrepare[]
}

export namespace PbftViewChange {
  let _codec: Codec<PbftViewChange>

  export const codec = (): Codec<PbftViewChange> => {
    if (_codec == null) {
      _codec = message<PbftViewChange>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer !== '')) {
          w.uint32(10)
          w.string(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if ((obj.view != null && obj.view !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.view)
        }

        if (obj.checkpoint != null) {
          w.uint32(34)
          PbftCheckpointCertificate.codec().encode(obj.checkpoint, w)
        }

        if (obj.prepared != null && obj.prepared.length > 0) {
          for (const value of obj.prepared) {
            w.uint32(42)
            PbftPreparedCertificate.codec().encode(value, w)
          }
        }

        if (obj.accepted != null && obj.accepted.length > 0) {
          for (const value of obj.accepted) {
            w.uint32(50)
            PbftPrePrepare.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: '',
          signature: uint8ArrayAlloc(0),
          view: 0,
          prepared: [],
          accepted: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.string()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.view = reader.uint64Number()
              break
            }
            case 4: {
              obj.checkpoint = PbftCheckpointCertificate.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.checkpoint
              })
              break
            }
            case 5: {
              if (opts.limits?.prepared != null && obj.prepared.length === opts.limits.prepared) {
                throw new MaxLengthError('Decode error - repeated field "prepared" had too many elements')
              }

              if (obj.prepared.length === 4096) {
                throw new MaxLengthError('Decode error - repeated field "prepared" had too many elements')
              }

              obj.prepared.push(PbftPreparedCertificate.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prepared$
              }))
              break
            }
            case 6: {
              if (opts.limits?.accepted != null && obj.accepted.length === opts.limits.accepted) {
                throw new MaxLengthError('Decode error - repeated field "accepted" had too many elements')
              }

              if (obj.accepted.length === 4096) {
                throw new MaxLengthError('Decode error - repeated field "accepted" had too many elements')
              }

              obj.accepted.push(PbftPrePrepare.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.accepted$
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
          prepared: 4096,
          accepted: 4096
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.signer`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.view`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield * PbftCheckpointCertificate.codec().stream(reader, reader.uint32(), `${prefix}.checkpoint`, {
                limits: opts.limits?.checkpoint
              })

              break
            }
            case 5: {
              if (opts.limits?.prepared != null && obj.prepared === opts.limits.prepared) {
                throw new MaxLengthError('Streaming decode error - repeated field "prepared" had too many elements')
              }

              if (obj.prepared === 4096) {
                throw new MaxLengthError('Streaming decode error - repeated field "prepared" had too many elements')
              }

              for (const evt of PbftPreparedCertificate.codec().stream(reader, reader.uint32(), `${prefix}.prepared[]`, {
                limits: opts.limits?.prepared$
              })) {
                yield {
                  ...evt,
                  index: obj.prepared
                }
              }

              obj.prepared++

              break
            }
            case 6: {
              if (opts.limits?.accepted != null && obj.accepted === opts.limits.accepted) {
                throw new MaxLengthError('Streaming decode error - repeated field "accepted" had too many elements')
              }

              if (obj.accepted === 4096) {
                throw new MaxLengthError('Streaming decode error - repeated field "accepted" had too many elements')
              }

              for (const evt of PbftPrePrepare.codec().stream(reader, reader.uint32(), `${prefix}.accepted[]`, {
                limits: opts.limits?.accepted$
              })) {
                yield {
                  ...evt,
                  index: obj.accepted
                }
              }

              obj.accepted++

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

  export interface PbftViewChangeSignerFieldEvent {
    field: '$.signer'
    value: string
  }

  export interface PbftViewChangeSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftViewChangeViewFieldEvent {
    field: '$.view'
    value: number
  }

  export interface PbftViewChangeCheckpointSeqFieldEvent {
    field: '$.checkpoint.seq'
    value: number
  }

  export interface PbftViewChangeCheckpointIndexFieldEvent {
    field: '$.checkpoint.index'
    value: number
  }

  export interface PbftViewChangeCheckpointStateDigestFieldEvent {
    field: '$.checkpoint.stateDigest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftViewChangeCheckpointProofSignerFieldEvent {
    field: '$.checkpoint.proof[].signer'
    value: string
    index: number
  }

  export interface PbftViewChangeCheckpointProofSignatureFieldEvent {
    field: '$.checkpoint.proof[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftViewChangeCheckpointProofSeqFieldEvent {
    field: '$.checkpoint.proof[].seq'
    value: number
    index: number
  }

  export interface PbftViewChangeCheckpointProofIndexFieldEvent {
    field: '$.checkpoint.proof[].index'
    value: number
    index: number
  }

  export interface PbftViewChangeCheckpointProofStateDigestFieldEvent {
    field: '$.checkpoint.proof[].stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftViewChangePreparedPrePrepareSignerFieldEvent {
    field: '$.prepared[].prePrepare.signer'
    value: string
    index: number
  }

  export interface PbftViewChangePreparedPrePrepareSignatureFieldEvent {
    field: '$.prepared[].prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftViewChangePreparedPrePrepareViewFieldEvent {
    field: '$.prepared[].prePrepare.view'
    value: number
    index: number
  }

  export interface PbftViewChangePreparedPrePrepareSeqFieldEvent {
    field: '$.prepared[].prePrepare.seq'
    value: number
    index: number
  }

  export interface PbftViewChangePreparedPrePrepareDigestFieldEvent {
    field: '$.prepared[].prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftViewChangePreparedPrePrepareBatchNoopFieldEvent {
    field: '$.prepared[].prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftViewChangePreparedPrePrepareBatchPayloadFieldEvent {
    field: '$.prepared[].prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftViewChangePreparedPreparesSignerFieldEvent {
    field: '$.prepared[].prepares[].signer'
    value: string
    index: number
  }

  export interface PbftViewChangePreparedPreparesSignatureFieldEvent {
    field: '$.prepared[].prepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftViewChangePreparedPreparesViewFieldEvent {
    field: '$.prepared[].prepares[].view'
    value: number
    index: number
  }

  export interface PbftViewChangePreparedPreparesSeqFieldEvent {
    field: '$.prepared[].prepares[].seq'
    value: number
    index: number
  }

  export interface PbftViewChangePreparedPreparesDigestFieldEvent {
    field: '$.prepared[].prepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftViewChangeAcceptedSignerFieldEvent {
    field: '$.accepted[].signer'
    value: string
    index: number
  }

  export interface PbftViewChangeAcceptedSignatureFieldEvent {
    field: '$.accepted[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftViewChangeAcceptedViewFieldEvent {
    field: '$.accepted[].view'
    value: number
    index: number
  }

  export interface PbftViewChangeAcceptedSeqFieldEvent {
    field: '$.accepted[].seq'
    value: number
    index: number
  }

  export interface PbftViewChangeAcceptedDigestFieldEvent {
    field: '$.accepted[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftViewChangeAcceptedBatchNoopFieldEvent {
    field: '$.accepted[].batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftViewChangeAcceptedBatchPayloadFieldEvent {
    field: '$.accepted[].batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<PbftViewChange>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftViewChange.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftViewChange>): PbftViewChange {
    return decodeMessage(buf, PbftViewChange.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftViewChange>): Generator<PbftViewChangeSignerFieldEvent | PbftViewChangeSignatureFieldEvent | PbftViewChangeViewFieldEvent | PbftViewChangeCheckpointSeqFieldEvent | PbftViewChangeCheckpointIndexFieldEvent | PbftViewChangeCheckpointStateDigestFieldEvent | PbftViewChangeCheckpointProofSignerFieldEvent | PbftViewChangeCheckpointProofSignatureFieldEvent | PbftViewChangeCheckpointProofSeqFieldEvent | PbftViewChangeCheckpointProofIndexFieldEvent | PbftViewChangeCheckpointProofStateDigestFieldEvent | PbftViewChangePreparedPrePrepareSignerFieldEvent | PbftViewChangePreparedPrePrepareSignatureFieldEvent | PbftViewChangePreparedPrePrepareViewFieldEvent | PbftViewChangePreparedPrePrepareSeqFieldEvent | PbftViewChangePreparedPrePrepareDigestFieldEvent | PbftViewChangePreparedPrePrepareBatchNoopFieldEvent | PbftViewChangePreparedPrePrepareBatchPayloadFieldEvent | PbftViewChangePreparedPreparesSignerFieldEvent | PbftViewChangePreparedPreparesSignatureFieldEvent | PbftViewChangePreparedPreparesViewFieldEvent | PbftViewChangePreparedPreparesSeqFieldEvent | PbftViewChangePreparedPreparesDigestFieldEvent | PbftViewChangeAcceptedSignerFieldEvent | PbftViewChangeAcceptedSignatureFieldEvent | PbftViewChangeAcceptedViewFieldEvent | PbftViewChangeAcceptedSeqFieldEvent | PbftViewChangeAcceptedDigestFieldEvent | PbftViewChangeAcceptedBatchNoopFieldEvent | PbftViewChangeAcceptedBatchPayloadFieldEvent> {
    return streamMessage(buf, PbftViewChange.codec(), opts)
  }
}

export interface PbftNewView {
  signer: string
  signature: Uint8Array<ArrayBuffer>
  view: number
  viewChanges: PbftViewChange[]
  prePrepares: PbftPrePrepare[]
}

export namespace PbftNewView {
  let _codec: Codec<PbftNewView>

  export const codec = (): Codec<PbftNewView> => {
    if (_codec == null) {
      _codec = message<PbftNewView>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer !== '')) {
          w.uint32(10)
          w.string(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if ((obj.view != null && obj.view !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.view)
        }

        if (obj.viewChanges != null && obj.viewChanges.length > 0) {
          for (const value of obj.viewChanges) {
            w.uint32(34)
            PbftViewChange.codec().encode(value, w)
          }
        }

        if (obj.prePrepares != null && obj.prePrepares.length > 0) {
          for (const value of obj.prePrepares) {
            w.uint32(42)
            PbftPrePrepare.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: '',
          signature: uint8ArrayAlloc(0),
          view: 0,
          viewChanges: [],
          prePrepares: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.string()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.view = reader.uint64Number()
              break
            }
            case 4: {
              if (opts.limits?.viewChanges != null && obj.viewChanges.length === opts.limits.viewChanges) {
                throw new MaxLengthError('Decode error - repeated field "viewChanges" had too many elements')
              }

              if (obj.viewChanges.length === 1024) {
                throw new MaxLengthError('Decode error - repeated field "viewChanges" had too many elements')
              }

              obj.viewChanges.push(PbftViewChange.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.viewChanges$
              }))
              break
            }
            case 5: {
              if (opts.limits?.prePrepares != null && obj.prePrepares.length === opts.limits.prePrepares) {
                throw new MaxLengthError('Decode error - repeated field "prePrepares" had too many elements')
              }

              if (obj.prePrepares.length === 4096) {
                throw new MaxLengthError('Decode error - repeated field "prePrepares" had too many elements')
              }

              obj.prePrepares.push(PbftPrePrepare.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prePrepares$
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
          viewChanges: 1024,
          prePrepares: 4096
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.signer`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.view`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              if (opts.limits?.viewChanges != null && obj.viewChanges === opts.limits.viewChanges) {
                throw new MaxLengthError('Streaming decode error - repeated field "viewChanges" had too many elements')
              }

              if (obj.viewChanges === 1024) {
                throw new MaxLengthError('Streaming decode error - repeated field "viewChanges" had too many elements')
              }

              for (const evt of PbftViewChange.codec().stream(reader, reader.uint32(), `${prefix}.viewChanges[]`, {
                limits: opts.limits?.viewChanges$
              })) {
                yield {
                  ...evt,
                  index: obj.viewChanges
                }
              }

              obj.viewChanges++

              break
            }
            case 5: {
              if (opts.limits?.prePrepares != null && obj.prePrepares === opts.limits.prePrepares) {
                throw new MaxLengthError('Streaming decode error - repeated field "prePrepares" had too many elements')
              }

              if (obj.prePrepares === 4096) {
                throw new MaxLengthError('Streaming decode error - repeated field "prePrepares" had too many elements')
              }

              for (const evt of PbftPrePrepare.codec().stream(reader, reader.uint32(), `${prefix}.prePrepares[]`, {
                limits: opts.limits?.prePrepares$
              })) {
                yield {
                  ...evt,
                  index: obj.prePrepares
                }
              }

              obj.prePrepares++

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

  export interface PbftNewViewSignerFieldEvent {
    field: '$.signer'
    value: string
  }

  export interface PbftNewViewSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftNewViewViewFieldEvent {
    field: '$.view'
    value: number
  }

  export interface PbftNewViewViewChangesSignerFieldEvent {
    field: '$.viewChanges[].signer'
    value: string
    index: number
  }

  export interface PbftNewViewViewChangesSignatureFieldEvent {
    field: '$.viewChanges[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesViewFieldEvent {
    field: '$.viewChanges[].view'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesCheckpointSeqFieldEvent {
    field: '$.viewChanges[].checkpoint.seq'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesCheckpointIndexFieldEvent {
    field: '$.viewChanges[].checkpoint.index'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesCheckpointStateDigestFieldEvent {
    field: '$.viewChanges[].checkpoint.stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesCheckpointProofSignerFieldEvent {
    field: '$.viewChanges[].checkpoint.proof[].signer'
    value: string
    index: number
  }

  export interface PbftNewViewViewChangesCheckpointProofSignatureFieldEvent {
    field: '$.viewChanges[].checkpoint.proof[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesCheckpointProofSeqFieldEvent {
    field: '$.viewChanges[].checkpoint.proof[].seq'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesCheckpointProofIndexFieldEvent {
    field: '$.viewChanges[].checkpoint.proof[].index'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesCheckpointProofStateDigestFieldEvent {
    field: '$.viewChanges[].checkpoint.proof[].stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPrePrepareSignerFieldEvent {
    field: '$.viewChanges[].prepared[].prePrepare.signer'
    value: string
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPrePrepareSignatureFieldEvent {
    field: '$.viewChanges[].prepared[].prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPrePrepareViewFieldEvent {
    field: '$.viewChanges[].prepared[].prePrepare.view'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPrePrepareSeqFieldEvent {
    field: '$.viewChanges[].prepared[].prePrepare.seq'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPrePrepareDigestFieldEvent {
    field: '$.viewChanges[].prepared[].prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPrePrepareBatchNoopFieldEvent {
    field: '$.viewChanges[].prepared[].prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPrePrepareBatchPayloadFieldEvent {
    field: '$.viewChanges[].prepared[].prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPreparesSignerFieldEvent {
    field: '$.viewChanges[].prepared[].prepares[].signer'
    value: string
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPreparesSignatureFieldEvent {
    field: '$.viewChanges[].prepared[].prepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPreparesViewFieldEvent {
    field: '$.viewChanges[].prepared[].prepares[].view'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPreparesSeqFieldEvent {
    field: '$.viewChanges[].prepared[].prepares[].seq'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesPreparedPreparesDigestFieldEvent {
    field: '$.viewChanges[].prepared[].prepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesAcceptedSignerFieldEvent {
    field: '$.viewChanges[].accepted[].signer'
    value: string
    index: number
  }

  export interface PbftNewViewViewChangesAcceptedSignatureFieldEvent {
    field: '$.viewChanges[].accepted[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesAcceptedViewFieldEvent {
    field: '$.viewChanges[].accepted[].view'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesAcceptedSeqFieldEvent {
    field: '$.viewChanges[].accepted[].seq'
    value: number
    index: number
  }

  export interface PbftNewViewViewChangesAcceptedDigestFieldEvent {
    field: '$.viewChanges[].accepted[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewViewChangesAcceptedBatchNoopFieldEvent {
    field: '$.viewChanges[].accepted[].batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftNewViewViewChangesAcceptedBatchPayloadFieldEvent {
    field: '$.viewChanges[].accepted[].batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewPrePreparesSignerFieldEvent {
    field: '$.prePrepares[].signer'
    value: string
    index: number
  }

  export interface PbftNewViewPrePreparesSignatureFieldEvent {
    field: '$.prePrepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewPrePreparesViewFieldEvent {
    field: '$.prePrepares[].view'
    value: number
    index: number
  }

  export interface PbftNewViewPrePreparesSeqFieldEvent {
    field: '$.prePrepares[].seq'
    value: number
    index: number
  }

  export interface PbftNewViewPrePreparesDigestFieldEvent {
    field: '$.prePrepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftNewViewPrePreparesBatchNoopFieldEvent {
    field: '$.prePrepares[].batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftNewViewPrePreparesBatchPayloadFieldEvent {
    field: '$.prePrepares[].batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<PbftNewView>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftNewView.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftNewView>): PbftNewView {
    return decodeMessage(buf, PbftNewView.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftNewView>): Generator<PbftNewViewSignerFieldEvent | PbftNewViewSignatureFieldEvent | PbftNewViewViewFieldEvent | PbftNewViewViewChangesSignerFieldEvent | PbftNewViewViewChangesSignatureFieldEvent | PbftNewViewViewChangesViewFieldEvent | PbftNewViewViewChangesCheckpointSeqFieldEvent | PbftNewViewViewChangesCheckpointIndexFieldEvent | PbftNewViewViewChangesCheckpointStateDigestFieldEvent | PbftNewViewViewChangesCheckpointProofSignerFieldEvent | PbftNewViewViewChangesCheckpointProofSignatureFieldEvent | PbftNewViewViewChangesCheckpointProofSeqFieldEvent | PbftNewViewViewChangesCheckpointProofIndexFieldEvent | PbftNewViewViewChangesCheckpointProofStateDigestFieldEvent | PbftNewViewViewChangesPreparedPrePrepareSignerFieldEvent | PbftNewViewViewChangesPreparedPrePrepareSignatureFieldEvent | PbftNewViewViewChangesPreparedPrePrepareViewFieldEvent | PbftNewViewViewChangesPreparedPrePrepareSeqFieldEvent | PbftNewViewViewChangesPreparedPrePrepareDigestFieldEvent | PbftNewViewViewChangesPreparedPrePrepareBatchNoopFieldEvent | PbftNewViewViewChangesPreparedPrePrepareBatchPayloadFieldEvent | PbftNewViewViewChangesPreparedPreparesSignerFieldEvent | PbftNewViewViewChangesPreparedPreparesSignatureFieldEvent | PbftNewViewViewChangesPreparedPreparesViewFieldEvent | PbftNewViewViewChangesPreparedPreparesSeqFieldEvent | PbftNewViewViewChangesPreparedPreparesDigestFieldEvent | PbftNewViewViewChangesAcceptedSignerFieldEvent | PbftNewViewViewChangesAcceptedSignatureFieldEvent | PbftNewViewViewChangesAcceptedViewFieldEvent | PbftNewViewViewChangesAcceptedSeqFieldEvent | PbftNewViewViewChangesAcceptedDigestFieldEvent | PbftNewViewViewChangesAcceptedBatchNoopFieldEvent | PbftNewViewViewChangesAcceptedBatchPayloadFieldEvent | PbftNewViewPrePreparesSignerFieldEvent | PbftNewViewPrePreparesSignatureFieldEvent | PbftNewViewPrePreparesViewFieldEvent | PbftNewViewPrePreparesSeqFieldEvent | PbftNewViewPrePreparesDigestFieldEvent | PbftNewViewPrePreparesBatchNoopFieldEvent | PbftNewViewPrePreparesBatchPayloadFieldEvent> {
    return streamMessage(buf, PbftNewView.codec(), opts)
  }
}

export interface PbftStatus {
  signer: string
  signature: Uint8Array<ArrayBuffer>
  view: number
  changing: boolean
  stableSeq: number
  executedSeq: number
  lastSeq: number
}

export namespace PbftStatus {
  let _codec: Codec<PbftStatus>

  export const codec = (): Codec<PbftStatus> => {
    if (_codec == null) {
      _codec = message<PbftStatus>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer !== '')) {
          w.uint32(10)
          w.string(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if ((obj.view != null && obj.view !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.view)
        }

        if ((obj.changing != null && obj.changing !== false)) {
          w.uint32(32)
          w.bool(obj.changing)
        }

        if ((obj.stableSeq != null && obj.stableSeq !== 0)) {
          w.uint32(40)
          w.uint64Number(obj.stableSeq)
        }

        if ((obj.executedSeq != null && obj.executedSeq !== 0)) {
          w.uint32(48)
          w.uint64Number(obj.executedSeq)
        }

        if ((obj.lastSeq != null && obj.lastSeq !== 0)) {
          w.uint32(56)
          w.uint64Number(obj.lastSeq)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: '',
          signature: uint8ArrayAlloc(0),
          view: 0,
          changing: false,
          stableSeq: 0,
          executedSeq: 0,
          lastSeq: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.string()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.view = reader.uint64Number()
              break
            }
            case 4: {
              obj.changing = reader.bool()
              break
            }
            case 5: {
              obj.stableSeq = reader.uint64Number()
              break
            }
            case 6: {
              obj.executedSeq = reader.uint64Number()
              break
            }
            case 7: {
              obj.lastSeq = reader.uint64Number()
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
                field: `${prefix}.signer`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.view`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.changing`,
                value: reader.bool()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.stableSeq`,
                value: reader.uint64Number()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.executedSeq`,
                value: reader.uint64Number()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.lastSeq`,
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

  export interface PbftStatusSignerFieldEvent {
    field: '$.signer'
    value: string
  }

  export interface PbftStatusSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStatusViewFieldEvent {
    field: '$.view'
    value: number
  }

  export interface PbftStatusChangingFieldEvent {
    field: '$.changing'
    value: boolean
  }

  export interface PbftStatusStableSeqFieldEvent {
    field: '$.stableSeq'
    value: number
  }

  export interface PbftStatusExecutedSeqFieldEvent {
    field: '$.executedSeq'
    value: number
  }

  export interface PbftStatusLastSeqFieldEvent {
    field: '$.lastSeq'
    value: number
  }

  export function encode (obj: Partial<PbftStatus>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftStatus.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftStatus>): PbftStatus {
    return decodeMessage(buf, PbftStatus.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftStatus>): Generator<PbftStatusSignerFieldEvent | PbftStatusSignatureFieldEvent | PbftStatusViewFieldEvent | PbftStatusChangingFieldEvent | PbftStatusStableSeqFieldEvent | PbftStatusExecutedSeqFieldEvent | PbftStatusLastSeqFieldEvent> {
    return streamMessage(buf, PbftStatus.codec(), opts)
  }
}

export interface PbftFetchState {
  signer: string
  signature: Uint8Array<ArrayBuffer>
  seq: number
}

export namespace PbftFetchState {
  let _codec: Codec<PbftFetchState>

  export const codec = (): Codec<PbftFetchState> => {
    if (_codec == null) {
      _codec = message<PbftFetchState>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer !== '')) {
          w.uint32(10)
          w.string(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if ((obj.seq != null && obj.seq !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.seq)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: '',
          signature: uint8ArrayAlloc(0),
          seq: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.string()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.seq = reader.uint64Number()
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
                field: `${prefix}.signer`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.seq`,
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

  export interface PbftFetchStateSignerFieldEvent {
    field: '$.signer'
    value: string
  }

  export interface PbftFetchStateSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftFetchStateSeqFieldEvent {
    field: '$.seq'
    value: number
  }

  export function encode (obj: Partial<PbftFetchState>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftFetchState.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftFetchState>): PbftFetchState {
    return decodeMessage(buf, PbftFetchState.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftFetchState>): Generator<PbftFetchStateSignerFieldEvent | PbftFetchStateSignatureFieldEvent | PbftFetchStateSeqFieldEvent> {
    return streamMessage(buf, PbftFetchState.codec(), opts)
  }
}

export interface PbftCommitted {
  signer: string
  signature: Uint8Array<ArrayBuffer>
  prePrepare?: PbftPrePrepare
  commits: PbftVote[]
  prepares: PbftVote[]
}

export namespace PbftCommitted {
  let _codec: Codec<PbftCommitted>

  export const codec = (): Codec<PbftCommitted> => {
    if (_codec == null) {
      _codec = message<PbftCommitted>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer !== '')) {
          w.uint32(10)
          w.string(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if (obj.prePrepare != null) {
          w.uint32(26)
          PbftPrePrepare.codec().encode(obj.prePrepare, w)
        }

        if (obj.commits != null && obj.commits.length > 0) {
          for (const value of obj.commits) {
            w.uint32(34)
            PbftVote.codec().encode(value, w)
          }
        }

        if (obj.prepares != null && obj.prepares.length > 0) {
          for (const value of obj.prepares) {
            w.uint32(42)
            PbftVote.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: '',
          signature: uint8ArrayAlloc(0),
          commits: [],
          prepares: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.string()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.prePrepare = PbftPrePrepare.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prePrepare
              })
              break
            }
            case 4: {
              if (opts.limits?.commits != null && obj.commits.length === opts.limits.commits) {
                throw new MaxLengthError('Decode error - repeated field "commits" had too many elements')
              }

              if (obj.commits.length === 1024) {
                throw new MaxLengthError('Decode error - repeated field "commits" had too many elements')
              }

              obj.commits.push(PbftVote.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.commits$
              }))
              break
            }
            case 5: {
              if (opts.limits?.prepares != null && obj.prepares.length === opts.limits.prepares) {
                throw new MaxLengthError('Decode error - repeated field "prepares" had too many elements')
              }

              if (obj.prepares.length === 1024) {
                throw new MaxLengthError('Decode error - repeated field "prepares" had too many elements')
              }

              obj.prepares.push(PbftVote.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prepares$
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
          commits: 1024,
          prepares: 1024
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.signer`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield * PbftPrePrepare.codec().stream(reader, reader.uint32(), `${prefix}.prePrepare`, {
                limits: opts.limits?.prePrepare
              })

              break
            }
            case 4: {
              if (opts.limits?.commits != null && obj.commits === opts.limits.commits) {
                throw new MaxLengthError('Streaming decode error - repeated field "commits" had too many elements')
              }

              if (obj.commits === 1024) {
                throw new MaxLengthError('Streaming decode error - repeated field "commits" had too many elements')
              }

              for (const evt of PbftVote.codec().stream(reader, reader.uint32(), `${prefix}.commits[]`, {
                limits: opts.limits?.commits$
              })) {
                yield {
                  ...evt,
                  index: obj.commits
                }
              }

              obj.commits++

              break
            }
            case 5: {
              if (opts.limits?.prepares != null && obj.prepares === opts.limits.prepares) {
                throw new MaxLengthError('Streaming decode error - repeated field "prepares" had too many elements')
              }

              if (obj.prepares === 1024) {
                throw new MaxLengthError('Streaming decode error - repeated field "prepares" had too many elements')
              }

              for (const evt of PbftVote.codec().stream(reader, reader.uint32(), `${prefix}.prepares[]`, {
                limits: opts.limits?.prepares$
              })) {
                yield {
                  ...evt,
                  index: obj.prepares
                }
              }

              obj.prepares++

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

  export interface PbftCommittedSignerFieldEvent {
    field: '$.signer'
    value: string
  }

  export interface PbftCommittedSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftCommittedPrePrepareSignerFieldEvent {
    field: '$.prePrepare.signer'
    value: string
  }

  export interface PbftCommittedPrePrepareSignatureFieldEvent {
    field: '$.prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftCommittedPrePrepareViewFieldEvent {
    field: '$.prePrepare.view'
    value: number
  }

  export interface PbftCommittedPrePrepareSeqFieldEvent {
    field: '$.prePrepare.seq'
    value: number
  }

  export interface PbftCommittedPrePrepareDigestFieldEvent {
    field: '$.prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftCommittedPrePrepareBatchNoopFieldEvent {
    field: '$.prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftCommittedPrePrepareBatchPayloadFieldEvent {
    field: '$.prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftCommittedCommitsSignerFieldEvent {
    field: '$.commits[].signer'
    value: string
    index: number
  }

  export interface PbftCommittedCommitsSignatureFieldEvent {
    field: '$.commits[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftCommittedCommitsViewFieldEvent {
    field: '$.commits[].view'
    value: number
    index: number
  }

  export interface PbftCommittedCommitsSeqFieldEvent {
    field: '$.commits[].seq'
    value: number
    index: number
  }

  export interface PbftCommittedCommitsDigestFieldEvent {
    field: '$.commits[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftCommittedPreparesSignerFieldEvent {
    field: '$.prepares[].signer'
    value: string
    index: number
  }

  export interface PbftCommittedPreparesSignatureFieldEvent {
    field: '$.prepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftCommittedPreparesViewFieldEvent {
    field: '$.prepares[].view'
    value: number
    index: number
  }

  export interface PbftCommittedPreparesSeqFieldEvent {
    field: '$.prepares[].seq'
    value: number
    index: number
  }

  export interface PbftCommittedPreparesDigestFieldEvent {
    field: '$.prepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<PbftCommitted>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftCommitted.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftCommitted>): PbftCommitted {
    return decodeMessage(buf, PbftCommitted.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftCommitted>): Generator<PbftCommittedSignerFieldEvent | PbftCommittedSignatureFieldEvent | PbftCommittedPrePrepareSignerFieldEvent | PbftCommittedPrePrepareSignatureFieldEvent | PbftCommittedPrePrepareViewFieldEvent | PbftCommittedPrePrepareSeqFieldEvent | PbftCommittedPrePrepareDigestFieldEvent | PbftCommittedPrePrepareBatchNoopFieldEvent | PbftCommittedPrePrepareBatchPayloadFieldEvent | PbftCommittedCommitsSignerFieldEvent | PbftCommittedCommitsSignatureFieldEvent | PbftCommittedCommitsViewFieldEvent | PbftCommittedCommitsSeqFieldEvent | PbftCommittedCommitsDigestFieldEvent | PbftCommittedPreparesSignerFieldEvent | PbftCommittedPreparesSignatureFieldEvent | PbftCommittedPreparesViewFieldEvent | PbftCommittedPreparesSeqFieldEvent | PbftCommittedPreparesDigestFieldEvent> {
    return streamMessage(buf, PbftCommitted.codec(), opts)
  }
}

export interface PbftStableCheckpoint {
  signer: string
  signature: Uint8Array<ArrayBuffer>
  certificate?: PbftCheckpointCertificate
}

export namespace PbftStableCheckpoint {
  let _codec: Codec<PbftStableCheckpoint>

  export const codec = (): Codec<PbftStableCheckpoint> => {
    if (_codec == null) {
      _codec = message<PbftStableCheckpoint>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer !== '')) {
          w.uint32(10)
          w.string(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if (obj.certificate != null) {
          w.uint32(26)
          PbftCheckpointCertificate.codec().encode(obj.certificate, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: '',
          signature: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.string()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.certificate = PbftCheckpointCertificate.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.certificate
              })
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
                field: `${prefix}.signer`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield * PbftCheckpointCertificate.codec().stream(reader, reader.uint32(), `${prefix}.certificate`, {
                limits: opts.limits?.certificate
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

  export interface PbftStableCheckpointSignerFieldEvent {
    field: '$.signer'
    value: string
  }

  export interface PbftStableCheckpointSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStableCheckpointCertificateSeqFieldEvent {
    field: '$.certificate.seq'
    value: number
  }

  export interface PbftStableCheckpointCertificateIndexFieldEvent {
    field: '$.certificate.index'
    value: number
  }

  export interface PbftStableCheckpointCertificateStateDigestFieldEvent {
    field: '$.certificate.stateDigest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStableCheckpointCertificateProofSignerFieldEvent {
    field: '$.certificate.proof[].signer'
    value: string
    index: number
  }

  export interface PbftStableCheckpointCertificateProofSignatureFieldEvent {
    field: '$.certificate.proof[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStableCheckpointCertificateProofSeqFieldEvent {
    field: '$.certificate.proof[].seq'
    value: number
    index: number
  }

  export interface PbftStableCheckpointCertificateProofIndexFieldEvent {
    field: '$.certificate.proof[].index'
    value: number
    index: number
  }

  export interface PbftStableCheckpointCertificateProofStateDigestFieldEvent {
    field: '$.certificate.proof[].stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<PbftStableCheckpoint>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftStableCheckpoint.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftStableCheckpoint>): PbftStableCheckpoint {
    return decodeMessage(buf, PbftStableCheckpoint.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftStableCheckpoint>): Generator<PbftStableCheckpointSignerFieldEvent | PbftStableCheckpointSignatureFieldEvent | PbftStableCheckpointCertificateSeqFieldEvent | PbftStableCheckpointCertificateIndexFieldEvent | PbftStableCheckpointCertificateStateDigestFieldEvent | PbftStableCheckpointCertificateProofSignerFieldEvent | PbftStableCheckpointCertificateProofSignatureFieldEvent | PbftStableCheckpointCertificateProofSeqFieldEvent | PbftStableCheckpointCertificateProofIndexFieldEvent | PbftStableCheckpointCertificateProofStateDigestFieldEvent> {
    return streamMessage(buf, PbftStableCheckpoint.codec(), opts)
  }
}

export interface PbftStoredRecord {
  prePrepare?: PbftPrePrepare
  prepared?: PbftPreparedCertificate
  viewChange?: PbftViewChange
  newView?: PbftNewView
  checkpoint?: PbftCheckpointCertificate
  committed?: PbftCommittedHint
}

export namespace PbftStoredRecord {
  let _codec: Codec<PbftStoredRecord>

  export const codec = (): Codec<PbftStoredRecord> => {
    if (_codec == null) {
      _codec = message<PbftStoredRecord>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.prePrepare != null) {
          w.uint32(10)
          PbftPrePrepare.codec().encode(obj.prePrepare, w)
        }

        if (obj.prepared != null) {
          w.uint32(18)
          PbftPreparedCertificate.codec().encode(obj.prepared, w)
        }

        if (obj.viewChange != null) {
          w.uint32(26)
          PbftViewChange.codec().encode(obj.viewChange, w)
        }

        if (obj.newView != null) {
          w.uint32(34)
          PbftNewView.codec().encode(obj.newView, w)
        }

        if (obj.checkpoint != null) {
          w.uint32(42)
          PbftCheckpointCertificate.codec().encode(obj.checkpoint, w)
        }

        if (obj.committed != null) {
          w.uint32(50)
          PbftCommittedHint.codec().encode(obj.committed, w)
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
              obj.prePrepare = PbftPrePrepare.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prePrepare
              })
              break
            }
            case 2: {
              obj.prepared = PbftPreparedCertificate.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prepared
              })
              break
            }
            case 3: {
              obj.viewChange = PbftViewChange.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.viewChange
              })
              break
            }
            case 4: {
              obj.newView = PbftNewView.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.newView
              })
              break
            }
            case 5: {
              obj.checkpoint = PbftCheckpointCertificate.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.checkpoint
              })
              break
            }
            case 6: {
              obj.committed = PbftCommittedHint.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.committed
              })
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
              yield * PbftPrePrepare.codec().stream(reader, reader.uint32(), `${prefix}.prePrepare`, {
                limits: opts.limits?.prePrepare
              })

              break
            }
            case 2: {
              yield * PbftPreparedCertificate.codec().stream(reader, reader.uint32(), `${prefix}.prepared`, {
                limits: opts.limits?.prepared
              })

              break
            }
            case 3: {
              yield * PbftViewChange.codec().stream(reader, reader.uint32(), `${prefix}.viewChange`, {
                limits: opts.limits?.viewChange
              })

              break
            }
            case 4: {
              yield * PbftNewView.codec().stream(reader, reader.uint32(), `${prefix}.newView`, {
                limits: opts.limits?.newView
              })

              break
            }
            case 5: {
              yield * PbftCheckpointCertificate.codec().stream(reader, reader.uint32(), `${prefix}.checkpoint`, {
                limits: opts.limits?.checkpoint
              })

              break
            }
            case 6: {
              yield * PbftCommittedHint.codec().stream(reader, reader.uint32(), `${prefix}.committed`, {
                limits: opts.limits?.committed
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

  export interface PbftStoredRecordPrePrepareSignerFieldEvent {
    field: '$.prePrepare.signer'
    value: string
  }

  export interface PbftStoredRecordPrePrepareSignatureFieldEvent {
    field: '$.prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStoredRecordPrePrepareViewFieldEvent {
    field: '$.prePrepare.view'
    value: number
  }

  export interface PbftStoredRecordPrePrepareSeqFieldEvent {
    field: '$.prePrepare.seq'
    value: number
  }

  export interface PbftStoredRecordPrePrepareDigestFieldEvent {
    field: '$.prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStoredRecordPrePrepareBatchNoopFieldEvent {
    field: '$.prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftStoredRecordPrePrepareBatchPayloadFieldEvent {
    field: '$.prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordPreparedPrePrepareSignerFieldEvent {
    field: '$.prepared.prePrepare.signer'
    value: string
  }

  export interface PbftStoredRecordPreparedPrePrepareSignatureFieldEvent {
    field: '$.prepared.prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStoredRecordPreparedPrePrepareViewFieldEvent {
    field: '$.prepared.prePrepare.view'
    value: number
  }

  export interface PbftStoredRecordPreparedPrePrepareSeqFieldEvent {
    field: '$.prepared.prePrepare.seq'
    value: number
  }

  export interface PbftStoredRecordPreparedPrePrepareDigestFieldEvent {
    field: '$.prepared.prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStoredRecordPreparedPrePrepareBatchNoopFieldEvent {
    field: '$.prepared.prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftStoredRecordPreparedPrePrepareBatchPayloadFieldEvent {
    field: '$.prepared.prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordPreparedPreparesSignerFieldEvent {
    field: '$.prepared.prepares[].signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordPreparedPreparesSignatureFieldEvent {
    field: '$.prepared.prepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordPreparedPreparesViewFieldEvent {
    field: '$.prepared.prepares[].view'
    value: number
    index: number
  }

  export interface PbftStoredRecordPreparedPreparesSeqFieldEvent {
    field: '$.prepared.prepares[].seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordPreparedPreparesDigestFieldEvent {
    field: '$.prepared.prepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordViewChangeSignerFieldEvent {
    field: '$.viewChange.signer'
    value: string
  }

  export interface PbftStoredRecordViewChangeSignatureFieldEvent {
    field: '$.viewChange.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStoredRecordViewChangeViewFieldEvent {
    field: '$.viewChange.view'
    value: number
  }

  export interface PbftStoredRecordViewChangeCheckpointSeqFieldEvent {
    field: '$.viewChange.checkpoint.seq'
    value: number
  }

  export interface PbftStoredRecordViewChangeCheckpointIndexFieldEvent {
    field: '$.viewChange.checkpoint.index'
    value: number
  }

  export interface PbftStoredRecordViewChangeCheckpointStateDigestFieldEvent {
    field: '$.viewChange.checkpoint.stateDigest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStoredRecordViewChangeCheckpointProofSignerFieldEvent {
    field: '$.viewChange.checkpoint.proof[].signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordViewChangeCheckpointProofSignatureFieldEvent {
    field: '$.viewChange.checkpoint.proof[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordViewChangeCheckpointProofSeqFieldEvent {
    field: '$.viewChange.checkpoint.proof[].seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordViewChangeCheckpointProofIndexFieldEvent {
    field: '$.viewChange.checkpoint.proof[].index'
    value: number
    index: number
  }

  export interface PbftStoredRecordViewChangeCheckpointProofStateDigestFieldEvent {
    field: '$.viewChange.checkpoint.proof[].stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPrePrepareSignerFieldEvent {
    field: '$.viewChange.prepared[].prePrepare.signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPrePrepareSignatureFieldEvent {
    field: '$.viewChange.prepared[].prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPrePrepareViewFieldEvent {
    field: '$.viewChange.prepared[].prePrepare.view'
    value: number
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPrePrepareSeqFieldEvent {
    field: '$.viewChange.prepared[].prePrepare.seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPrePrepareDigestFieldEvent {
    field: '$.viewChange.prepared[].prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPrePrepareBatchNoopFieldEvent {
    field: '$.viewChange.prepared[].prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPrePrepareBatchPayloadFieldEvent {
    field: '$.viewChange.prepared[].prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPreparesSignerFieldEvent {
    field: '$.viewChange.prepared[].prepares[].signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPreparesSignatureFieldEvent {
    field: '$.viewChange.prepared[].prepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPreparesViewFieldEvent {
    field: '$.viewChange.prepared[].prepares[].view'
    value: number
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPreparesSeqFieldEvent {
    field: '$.viewChange.prepared[].prepares[].seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordViewChangePreparedPreparesDigestFieldEvent {
    field: '$.viewChange.prepared[].prepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordViewChangeAcceptedSignerFieldEvent {
    field: '$.viewChange.accepted[].signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordViewChangeAcceptedSignatureFieldEvent {
    field: '$.viewChange.accepted[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordViewChangeAcceptedViewFieldEvent {
    field: '$.viewChange.accepted[].view'
    value: number
    index: number
  }

  export interface PbftStoredRecordViewChangeAcceptedSeqFieldEvent {
    field: '$.viewChange.accepted[].seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordViewChangeAcceptedDigestFieldEvent {
    field: '$.viewChange.accepted[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordViewChangeAcceptedBatchNoopFieldEvent {
    field: '$.viewChange.accepted[].batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftStoredRecordViewChangeAcceptedBatchPayloadFieldEvent {
    field: '$.viewChange.accepted[].batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewSignerFieldEvent {
    field: '$.newView.signer'
    value: string
  }

  export interface PbftStoredRecordNewViewSignatureFieldEvent {
    field: '$.newView.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStoredRecordNewViewViewFieldEvent {
    field: '$.newView.view'
    value: number
  }

  export interface PbftStoredRecordNewViewViewChangesSignerFieldEvent {
    field: '$.newView.viewChanges[].signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesSignatureFieldEvent {
    field: '$.newView.viewChanges[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesViewFieldEvent {
    field: '$.newView.viewChanges[].view'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesCheckpointSeqFieldEvent {
    field: '$.newView.viewChanges[].checkpoint.seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesCheckpointIndexFieldEvent {
    field: '$.newView.viewChanges[].checkpoint.index'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesCheckpointStateDigestFieldEvent {
    field: '$.newView.viewChanges[].checkpoint.stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesCheckpointProofSignerFieldEvent {
    field: '$.newView.viewChanges[].checkpoint.proof[].signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesCheckpointProofSignatureFieldEvent {
    field: '$.newView.viewChanges[].checkpoint.proof[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesCheckpointProofSeqFieldEvent {
    field: '$.newView.viewChanges[].checkpoint.proof[].seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesCheckpointProofIndexFieldEvent {
    field: '$.newView.viewChanges[].checkpoint.proof[].index'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesCheckpointProofStateDigestFieldEvent {
    field: '$.newView.viewChanges[].checkpoint.proof[].stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPrePrepareSignerFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prePrepare.signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPrePrepareSignatureFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPrePrepareViewFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prePrepare.view'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPrePrepareSeqFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prePrepare.seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPrePrepareDigestFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPrePrepareBatchNoopFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPrePrepareBatchPayloadFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPreparesSignerFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prepares[].signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPreparesSignatureFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPreparesViewFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prepares[].view'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPreparesSeqFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prepares[].seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesPreparedPreparesDigestFieldEvent {
    field: '$.newView.viewChanges[].prepared[].prepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesAcceptedSignerFieldEvent {
    field: '$.newView.viewChanges[].accepted[].signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesAcceptedSignatureFieldEvent {
    field: '$.newView.viewChanges[].accepted[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesAcceptedViewFieldEvent {
    field: '$.newView.viewChanges[].accepted[].view'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesAcceptedSeqFieldEvent {
    field: '$.newView.viewChanges[].accepted[].seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesAcceptedDigestFieldEvent {
    field: '$.newView.viewChanges[].accepted[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesAcceptedBatchNoopFieldEvent {
    field: '$.newView.viewChanges[].accepted[].batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftStoredRecordNewViewViewChangesAcceptedBatchPayloadFieldEvent {
    field: '$.newView.viewChanges[].accepted[].batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewPrePreparesSignerFieldEvent {
    field: '$.newView.prePrepares[].signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordNewViewPrePreparesSignatureFieldEvent {
    field: '$.newView.prePrepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewPrePreparesViewFieldEvent {
    field: '$.newView.prePrepares[].view'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewPrePreparesSeqFieldEvent {
    field: '$.newView.prePrepares[].seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordNewViewPrePreparesDigestFieldEvent {
    field: '$.newView.prePrepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordNewViewPrePreparesBatchNoopFieldEvent {
    field: '$.newView.prePrepares[].batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftStoredRecordNewViewPrePreparesBatchPayloadFieldEvent {
    field: '$.newView.prePrepares[].batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordCheckpointSeqFieldEvent {
    field: '$.checkpoint.seq'
    value: number
  }

  export interface PbftStoredRecordCheckpointIndexFieldEvent {
    field: '$.checkpoint.index'
    value: number
  }

  export interface PbftStoredRecordCheckpointStateDigestFieldEvent {
    field: '$.checkpoint.stateDigest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStoredRecordCheckpointProofSignerFieldEvent {
    field: '$.checkpoint.proof[].signer'
    value: string
    index: number
  }

  export interface PbftStoredRecordCheckpointProofSignatureFieldEvent {
    field: '$.checkpoint.proof[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordCheckpointProofSeqFieldEvent {
    field: '$.checkpoint.proof[].seq'
    value: number
    index: number
  }

  export interface PbftStoredRecordCheckpointProofIndexFieldEvent {
    field: '$.checkpoint.proof[].index'
    value: number
    index: number
  }

  export interface PbftStoredRecordCheckpointProofStateDigestFieldEvent {
    field: '$.checkpoint.proof[].stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordCommittedPrePrepareSignerFieldEvent {
    field: '$.committed.prePrepare.signer'
    value: string
  }

  export interface PbftStoredRecordCommittedPrePrepareSignatureFieldEvent {
    field: '$.committed.prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStoredRecordCommittedPrePrepareViewFieldEvent {
    field: '$.committed.prePrepare.view'
    value: number
  }

  export interface PbftStoredRecordCommittedPrePrepareSeqFieldEvent {
    field: '$.committed.prePrepare.seq'
    value: number
  }

  export interface PbftStoredRecordCommittedPrePrepareDigestFieldEvent {
    field: '$.committed.prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftStoredRecordCommittedPrePrepareBatchNoopFieldEvent {
    field: '$.committed.prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftStoredRecordCommittedPrePrepareBatchPayloadFieldEvent {
    field: '$.committed.prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftStoredRecordCommittedSignersFieldEvent {
    field: '$.committed.signers[]'
    index: number
    value: string
  }

  export interface PbftStoredRecordCommittedProofFieldEvent {
    field: '$.committed.proof'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<PbftStoredRecord>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftStoredRecord.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftStoredRecord>): PbftStoredRecord {
    return decodeMessage(buf, PbftStoredRecord.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftStoredRecord>): Generator<PbftStoredRecordPrePrepareSignerFieldEvent | PbftStoredRecordPrePrepareSignatureFieldEvent | PbftStoredRecordPrePrepareViewFieldEvent | PbftStoredRecordPrePrepareSeqFieldEvent | PbftStoredRecordPrePrepareDigestFieldEvent | PbftStoredRecordPrePrepareBatchNoopFieldEvent | PbftStoredRecordPrePrepareBatchPayloadFieldEvent | PbftStoredRecordPreparedPrePrepareSignerFieldEvent | PbftStoredRecordPreparedPrePrepareSignatureFieldEvent | PbftStoredRecordPreparedPrePrepareViewFieldEvent | PbftStoredRecordPreparedPrePrepareSeqFieldEvent | PbftStoredRecordPreparedPrePrepareDigestFieldEvent | PbftStoredRecordPreparedPrePrepareBatchNoopFieldEvent | PbftStoredRecordPreparedPrePrepareBatchPayloadFieldEvent | PbftStoredRecordPreparedPreparesSignerFieldEvent | PbftStoredRecordPreparedPreparesSignatureFieldEvent | PbftStoredRecordPreparedPreparesViewFieldEvent | PbftStoredRecordPreparedPreparesSeqFieldEvent | PbftStoredRecordPreparedPreparesDigestFieldEvent | PbftStoredRecordViewChangeSignerFieldEvent | PbftStoredRecordViewChangeSignatureFieldEvent | PbftStoredRecordViewChangeViewFieldEvent | PbftStoredRecordViewChangeCheckpointSeqFieldEvent | PbftStoredRecordViewChangeCheckpointIndexFieldEvent | PbftStoredRecordViewChangeCheckpointStateDigestFieldEvent | PbftStoredRecordViewChangeCheckpointProofSignerFieldEvent | PbftStoredRecordViewChangeCheckpointProofSignatureFieldEvent | PbftStoredRecordViewChangeCheckpointProofSeqFieldEvent | PbftStoredRecordViewChangeCheckpointProofIndexFieldEvent | PbftStoredRecordViewChangeCheckpointProofStateDigestFieldEvent | PbftStoredRecordViewChangePreparedPrePrepareSignerFieldEvent | PbftStoredRecordViewChangePreparedPrePrepareSignatureFieldEvent | PbftStoredRecordViewChangePreparedPrePrepareViewFieldEvent | PbftStoredRecordViewChangePreparedPrePrepareSeqFieldEvent | PbftStoredRecordViewChangePreparedPrePrepareDigestFieldEvent | PbftStoredRecordViewChangePreparedPrePrepareBatchNoopFieldEvent | PbftStoredRecordViewChangePreparedPrePrepareBatchPayloadFieldEvent | PbftStoredRecordViewChangePreparedPreparesSignerFieldEvent | PbftStoredRecordViewChangePreparedPreparesSignatureFieldEvent | PbftStoredRecordViewChangePreparedPreparesViewFieldEvent | PbftStoredRecordViewChangePreparedPreparesSeqFieldEvent | PbftStoredRecordViewChangePreparedPreparesDigestFieldEvent | PbftStoredRecordViewChangeAcceptedSignerFieldEvent | PbftStoredRecordViewChangeAcceptedSignatureFieldEvent | PbftStoredRecordViewChangeAcceptedViewFieldEvent | PbftStoredRecordViewChangeAcceptedSeqFieldEvent | PbftStoredRecordViewChangeAcceptedDigestFieldEvent | PbftStoredRecordViewChangeAcceptedBatchNoopFieldEvent | PbftStoredRecordViewChangeAcceptedBatchPayloadFieldEvent | PbftStoredRecordNewViewSignerFieldEvent | PbftStoredRecordNewViewSignatureFieldEvent | PbftStoredRecordNewViewViewFieldEvent | PbftStoredRecordNewViewViewChangesSignerFieldEvent | PbftStoredRecordNewViewViewChangesSignatureFieldEvent | PbftStoredRecordNewViewViewChangesViewFieldEvent | PbftStoredRecordNewViewViewChangesCheckpointSeqFieldEvent | PbftStoredRecordNewViewViewChangesCheckpointIndexFieldEvent | PbftStoredRecordNewViewViewChangesCheckpointStateDigestFieldEvent | PbftStoredRecordNewViewViewChangesCheckpointProofSignerFieldEvent | PbftStoredRecordNewViewViewChangesCheckpointProofSignatureFieldEvent | PbftStoredRecordNewViewViewChangesCheckpointProofSeqFieldEvent | PbftStoredRecordNewViewViewChangesCheckpointProofIndexFieldEvent | PbftStoredRecordNewViewViewChangesCheckpointProofStateDigestFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPrePrepareSignerFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPrePrepareSignatureFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPrePrepareViewFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPrePrepareSeqFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPrePrepareDigestFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPrePrepareBatchNoopFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPrePrepareBatchPayloadFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPreparesSignerFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPreparesSignatureFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPreparesViewFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPreparesSeqFieldEvent | PbftStoredRecordNewViewViewChangesPreparedPreparesDigestFieldEvent | PbftStoredRecordNewViewViewChangesAcceptedSignerFieldEvent | PbftStoredRecordNewViewViewChangesAcceptedSignatureFieldEvent | PbftStoredRecordNewViewViewChangesAcceptedViewFieldEvent | PbftStoredRecordNewViewViewChangesAcceptedSeqFieldEvent | PbftStoredRecordNewViewViewChangesAcceptedDigestFieldEvent | PbftStoredRecordNewViewViewChangesAcceptedBatchNoopFieldEvent | PbftStoredRecordNewViewViewChangesAcceptedBatchPayloadFieldEvent | PbftStoredRecordNewViewPrePreparesSignerFieldEvent | PbftStoredRecordNewViewPrePreparesSignatureFieldEvent | PbftStoredRecordNewViewPrePreparesViewFieldEvent | PbftStoredRecordNewViewPrePreparesSeqFieldEvent | PbftStoredRecordNewViewPrePreparesDigestFieldEvent | PbftStoredRecordNewViewPrePreparesBatchNoopFieldEvent | PbftStoredRecordNewViewPrePreparesBatchPayloadFieldEvent | PbftStoredRecordCheckpointSeqFieldEvent | PbftStoredRecordCheckpointIndexFieldEvent | PbftStoredRecordCheckpointStateDigestFieldEvent | PbftStoredRecordCheckpointProofSignerFieldEvent | PbftStoredRecordCheckpointProofSignatureFieldEvent | PbftStoredRecordCheckpointProofSeqFieldEvent | PbftStoredRecordCheckpointProofIndexFieldEvent | PbftStoredRecordCheckpointProofStateDigestFieldEvent | PbftStoredRecordCommittedPrePrepareSignerFieldEvent | PbftStoredRecordCommittedPrePrepareSignatureFieldEvent | PbftStoredRecordCommittedPrePrepareViewFieldEvent | PbftStoredRecordCommittedPrePrepareSeqFieldEvent | PbftStoredRecordCommittedPrePrepareDigestFieldEvent | PbftStoredRecordCommittedPrePrepareBatchNoopFieldEvent | PbftStoredRecordCommittedPrePrepareBatchPayloadFieldEvent | PbftStoredRecordCommittedSignersFieldEvent | PbftStoredRecordCommittedProofFieldEvent> {
    return streamMessage(buf, PbftStoredRecord.codec(), opts)
  }
}

export interface PbftCommittedHint {
  prePrepare?: PbftPrePrepare
  signers: string[]
  proof: Uint8Array<ArrayBuffer>
}

export namespace PbftCommittedHint {
  let _codec: Codec<PbftCommittedHint>

  export const codec = (): Codec<PbftCommittedHint> => {
    if (_codec == null) {
      _codec = message<PbftCommittedHint>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.prePrepare != null) {
          w.uint32(10)
          PbftPrePrepare.codec().encode(obj.prePrepare, w)
        }

        if (obj.signers != null && obj.signers.length > 0) {
          for (const value of obj.signers) {
            w.uint32(18)
            w.string(value)
          }
        }

        if ((obj.proof != null && obj.proof.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.proof)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signers: [],
          proof: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.prePrepare = PbftPrePrepare.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prePrepare
              })
              break
            }
            case 2: {
              if (opts.limits?.signers != null && obj.signers.length === opts.limits.signers) {
                throw new MaxLengthError('Decode error - repeated field "signers" had too many elements')
              }

              if (obj.signers.length === 1024) {
                throw new MaxLengthError('Decode error - repeated field "signers" had too many elements')
              }

              obj.signers.push(reader.string())
              break
            }
            case 3: {
              obj.proof = reader.bytes()
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
          signers: 1024
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * PbftPrePrepare.codec().stream(reader, reader.uint32(), `${prefix}.prePrepare`, {
                limits: opts.limits?.prePrepare
              })

              break
            }
            case 2: {
              if (opts.limits?.signers != null && obj.signers === opts.limits.signers) {
                throw new MaxLengthError('Streaming decode error - repeated field "signers" had too many elements')
              }

              if (obj.signers === 1024) {
                throw new MaxLengthError('Streaming decode error - repeated field "signers" had too many elements')
              }

              yield {
                field: `${prefix}.signers[]`,
                index: obj.signers,
                value: reader.string()
              }

              obj.signers++

              break
            }
            case 3: {
              yield {
                field: `${prefix}.proof`,
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

  export interface PbftCommittedHintPrePrepareSignerFieldEvent {
    field: '$.prePrepare.signer'
    value: string
  }

  export interface PbftCommittedHintPrePrepareSignatureFieldEvent {
    field: '$.prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftCommittedHintPrePrepareViewFieldEvent {
    field: '$.prePrepare.view'
    value: number
  }

  export interface PbftCommittedHintPrePrepareSeqFieldEvent {
    field: '$.prePrepare.seq'
    value: number
  }

  export interface PbftCommittedHintPrePrepareDigestFieldEvent {
    field: '$.prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PbftCommittedHintPrePrepareBatchNoopFieldEvent {
    field: '$.prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface PbftCommittedHintPrePrepareBatchPayloadFieldEvent {
    field: '$.prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PbftCommittedHintSignersFieldEvent {
    field: '$.signers[]'
    index: number
    value: string
  }

  export interface PbftCommittedHintProofFieldEvent {
    field: '$.proof'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<PbftCommittedHint>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PbftCommittedHint.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftCommittedHint>): PbftCommittedHint {
    return decodeMessage(buf, PbftCommittedHint.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PbftCommittedHint>): Generator<PbftCommittedHintPrePrepareSignerFieldEvent | PbftCommittedHintPrePrepareSignatureFieldEvent | PbftCommittedHintPrePrepareViewFieldEvent | PbftCommittedHintPrePrepareSeqFieldEvent | PbftCommittedHintPrePrepareDigestFieldEvent | PbftCommittedHintPrePrepareBatchNoopFieldEvent | PbftCommittedHintPrePrepareBatchPayloadFieldEvent | PbftCommittedHintSignersFieldEvent | PbftCommittedHintProofFieldEvent> {
    return streamMessage(buf, PbftCommittedHint.codec(), opts)
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
  pbftRequest?: PbftRequestMessage
  pbftPrePrepare?: PbftPrePrepare
  pbftPrepare?: PbftVote
  pbftCommit?: PbftVote
  pbftCheckpoint?: PbftCheckpoint
  pbftViewChange?: PbftViewChange
  pbftNewView?: PbftNewView
  pbftStatus?: PbftStatus
  pbftFetchState?: PbftFetchState
  pbftCommitted?: PbftCommitted
  pbftStableCheckpoint?: PbftStableCheckpoint
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftStableCheckpoint != null) {
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
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftCommitted != null) {
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftFetchState != null) {
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftStatus != null) {
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftNewView != null) {
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftViewChange != null) {
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftCheckpoint != null) {
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftCommit != null) {
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftPrepare != null) {
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftPrePrepare != null) {
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftRequest != null) {
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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
          obj.pbftStableCheckpoint = undefined
          obj.pbftCommitted = undefined
          obj.pbftFetchState = undefined
          obj.pbftStatus = undefined
          obj.pbftNewView = undefined
          obj.pbftViewChange = undefined
          obj.pbftCheckpoint = undefined
          obj.pbftCommit = undefined
          obj.pbftPrepare = undefined
          obj.pbftPrePrepare = undefined
          obj.pbftRequest = undefined
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

        if (obj.pbftRequest != null) {
          w.uint32(258)
          PbftRequestMessage.codec().encode(obj.pbftRequest, w)
        }

        if (obj.pbftPrePrepare != null) {
          w.uint32(266)
          PbftPrePrepare.codec().encode(obj.pbftPrePrepare, w)
        }

        if (obj.pbftPrepare != null) {
          w.uint32(274)
          PbftVote.codec().encode(obj.pbftPrepare, w)
        }

        if (obj.pbftCommit != null) {
          w.uint32(282)
          PbftVote.codec().encode(obj.pbftCommit, w)
        }

        if (obj.pbftCheckpoint != null) {
          w.uint32(290)
          PbftCheckpoint.codec().encode(obj.pbftCheckpoint, w)
        }

        if (obj.pbftViewChange != null) {
          w.uint32(298)
          PbftViewChange.codec().encode(obj.pbftViewChange, w)
        }

        if (obj.pbftNewView != null) {
          w.uint32(306)
          PbftNewView.codec().encode(obj.pbftNewView, w)
        }

        if (obj.pbftStatus != null) {
          w.uint32(314)
          PbftStatus.codec().encode(obj.pbftStatus, w)
        }

        if (obj.pbftFetchState != null) {
          w.uint32(322)
          PbftFetchState.codec().encode(obj.pbftFetchState, w)
        }

        if (obj.pbftCommitted != null) {
          w.uint32(330)
          PbftCommitted.codec().encode(obj.pbftCommitted, w)
        }

        if (obj.pbftStableCheckpoint != null) {
          w.uint32(338)
          PbftStableCheckpoint.codec().encode(obj.pbftStableCheckpoint, w)
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
            case 32: {
              obj.pbftRequest = PbftRequestMessage.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftRequest
              })
              break
            }
            case 33: {
              obj.pbftPrePrepare = PbftPrePrepare.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftPrePrepare
              })
              break
            }
            case 34: {
              obj.pbftPrepare = PbftVote.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftPrepare
              })
              break
            }
            case 35: {
              obj.pbftCommit = PbftVote.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftCommit
              })
              break
            }
            case 36: {
              obj.pbftCheckpoint = PbftCheckpoint.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftCheckpoint
              })
              break
            }
            case 37: {
              obj.pbftViewChange = PbftViewChange.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftViewChange
              })
              break
            }
            case 38: {
              obj.pbftNewView = PbftNewView.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftNewView
              })
              break
            }
            case 39: {
              obj.pbftStatus = PbftStatus.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftStatus
              })
              break
            }
            case 40: {
              obj.pbftFetchState = PbftFetchState.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftFetchState
              })
              break
            }
            case 41: {
              obj.pbftCommitted = PbftCommitted.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftCommitted
              })
              break
            }
            case 42: {
              obj.pbftStableCheckpoint = PbftStableCheckpoint.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pbftStableCheckpoint
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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

        if (obj.pbftStableCheckpoint != null) {
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
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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

        if (obj.pbftCommitted != null) {
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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

        if (obj.pbftFetchState != null) {
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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

        if (obj.pbftStatus != null) {
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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

        if (obj.pbftNewView != null) {
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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

        if (obj.pbftViewChange != null) {
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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

        if (obj.pbftCheckpoint != null) {
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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

        if (obj.pbftCommit != null) {
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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

        if (obj.pbftPrepare != null) {
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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

        if (obj.pbftPrePrepare != null) {
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftRequest
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

        if (obj.pbftRequest != null) {
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
          delete obj.pbftStableCheckpoint
          delete obj.pbftCommitted
          delete obj.pbftFetchState
          delete obj.pbftStatus
          delete obj.pbftNewView
          delete obj.pbftViewChange
          delete obj.pbftCheckpoint
          delete obj.pbftCommit
          delete obj.pbftPrepare
          delete obj.pbftPrePrepare
          delete obj.pbftRequest
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
            case 32: {
              yield * PbftRequestMessage.codec().stream(reader, reader.uint32(), `${prefix}.pbftRequest`, {
                limits: opts.limits?.pbftRequest
              })

              break
            }
            case 33: {
              yield * PbftPrePrepare.codec().stream(reader, reader.uint32(), `${prefix}.pbftPrePrepare`, {
                limits: opts.limits?.pbftPrePrepare
              })

              break
            }
            case 34: {
              yield * PbftVote.codec().stream(reader, reader.uint32(), `${prefix}.pbftPrepare`, {
                limits: opts.limits?.pbftPrepare
              })

              break
            }
            case 35: {
              yield * PbftVote.codec().stream(reader, reader.uint32(), `${prefix}.pbftCommit`, {
                limits: opts.limits?.pbftCommit
              })

              break
            }
            case 36: {
              yield * PbftCheckpoint.codec().stream(reader, reader.uint32(), `${prefix}.pbftCheckpoint`, {
                limits: opts.limits?.pbftCheckpoint
              })

              break
            }
            case 37: {
              yield * PbftViewChange.codec().stream(reader, reader.uint32(), `${prefix}.pbftViewChange`, {
                limits: opts.limits?.pbftViewChange
              })

              break
            }
            case 38: {
              yield * PbftNewView.codec().stream(reader, reader.uint32(), `${prefix}.pbftNewView`, {
                limits: opts.limits?.pbftNewView
              })

              break
            }
            case 39: {
              yield * PbftStatus.codec().stream(reader, reader.uint32(), `${prefix}.pbftStatus`, {
                limits: opts.limits?.pbftStatus
              })

              break
            }
            case 40: {
              yield * PbftFetchState.codec().stream(reader, reader.uint32(), `${prefix}.pbftFetchState`, {
                limits: opts.limits?.pbftFetchState
              })

              break
            }
            case 41: {
              yield * PbftCommitted.codec().stream(reader, reader.uint32(), `${prefix}.pbftCommitted`, {
                limits: opts.limits?.pbftCommitted
              })

              break
            }
            case 42: {
              yield * PbftStableCheckpoint.codec().stream(reader, reader.uint32(), `${prefix}.pbftStableCheckpoint`, {
                limits: opts.limits?.pbftStableCheckpoint
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

  export interface EnvelopePbftRequestSignerFieldEvent {
    field: '$.pbftRequest.signer'
    value: string
  }

  export interface EnvelopePbftRequestSignatureFieldEvent {
    field: '$.pbftRequest.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftRequestRequestsNoopFieldEvent {
    field: '$.pbftRequest.requests[].noop'
    value: boolean
    index: number
  }

  export interface EnvelopePbftRequestRequestsPayloadFieldEvent {
    field: '$.pbftRequest.requests[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftPrePrepareSignerFieldEvent {
    field: '$.pbftPrePrepare.signer'
    value: string
  }

  export interface EnvelopePbftPrePrepareSignatureFieldEvent {
    field: '$.pbftPrePrepare.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftPrePrepareViewFieldEvent {
    field: '$.pbftPrePrepare.view'
    value: number
  }

  export interface EnvelopePbftPrePrepareSeqFieldEvent {
    field: '$.pbftPrePrepare.seq'
    value: number
  }

  export interface EnvelopePbftPrePrepareDigestFieldEvent {
    field: '$.pbftPrePrepare.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftPrePrepareBatchNoopFieldEvent {
    field: '$.pbftPrePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface EnvelopePbftPrePrepareBatchPayloadFieldEvent {
    field: '$.pbftPrePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftPrepareSignerFieldEvent {
    field: '$.pbftPrepare.signer'
    value: string
  }

  export interface EnvelopePbftPrepareSignatureFieldEvent {
    field: '$.pbftPrepare.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftPrepareViewFieldEvent {
    field: '$.pbftPrepare.view'
    value: number
  }

  export interface EnvelopePbftPrepareSeqFieldEvent {
    field: '$.pbftPrepare.seq'
    value: number
  }

  export interface EnvelopePbftPrepareDigestFieldEvent {
    field: '$.pbftPrepare.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftCommitSignerFieldEvent {
    field: '$.pbftCommit.signer'
    value: string
  }

  export interface EnvelopePbftCommitSignatureFieldEvent {
    field: '$.pbftCommit.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftCommitViewFieldEvent {
    field: '$.pbftCommit.view'
    value: number
  }

  export interface EnvelopePbftCommitSeqFieldEvent {
    field: '$.pbftCommit.seq'
    value: number
  }

  export interface EnvelopePbftCommitDigestFieldEvent {
    field: '$.pbftCommit.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftCheckpointSignerFieldEvent {
    field: '$.pbftCheckpoint.signer'
    value: string
  }

  export interface EnvelopePbftCheckpointSignatureFieldEvent {
    field: '$.pbftCheckpoint.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftCheckpointSeqFieldEvent {
    field: '$.pbftCheckpoint.seq'
    value: number
  }

  export interface EnvelopePbftCheckpointIndexFieldEvent {
    field: '$.pbftCheckpoint.index'
    value: number
  }

  export interface EnvelopePbftCheckpointStateDigestFieldEvent {
    field: '$.pbftCheckpoint.stateDigest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftViewChangeSignerFieldEvent {
    field: '$.pbftViewChange.signer'
    value: string
  }

  export interface EnvelopePbftViewChangeSignatureFieldEvent {
    field: '$.pbftViewChange.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftViewChangeViewFieldEvent {
    field: '$.pbftViewChange.view'
    value: number
  }

  export interface EnvelopePbftViewChangeCheckpointSeqFieldEvent {
    field: '$.pbftViewChange.checkpoint.seq'
    value: number
  }

  export interface EnvelopePbftViewChangeCheckpointIndexFieldEvent {
    field: '$.pbftViewChange.checkpoint.index'
    value: number
  }

  export interface EnvelopePbftViewChangeCheckpointStateDigestFieldEvent {
    field: '$.pbftViewChange.checkpoint.stateDigest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftViewChangeCheckpointProofSignerFieldEvent {
    field: '$.pbftViewChange.checkpoint.proof[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftViewChangeCheckpointProofSignatureFieldEvent {
    field: '$.pbftViewChange.checkpoint.proof[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftViewChangeCheckpointProofSeqFieldEvent {
    field: '$.pbftViewChange.checkpoint.proof[].seq'
    value: number
    index: number
  }

  export interface EnvelopePbftViewChangeCheckpointProofIndexFieldEvent {
    field: '$.pbftViewChange.checkpoint.proof[].index'
    value: number
    index: number
  }

  export interface EnvelopePbftViewChangeCheckpointProofStateDigestFieldEvent {
    field: '$.pbftViewChange.checkpoint.proof[].stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPrePrepareSignerFieldEvent {
    field: '$.pbftViewChange.prepared[].prePrepare.signer'
    value: string
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPrePrepareSignatureFieldEvent {
    field: '$.pbftViewChange.prepared[].prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPrePrepareViewFieldEvent {
    field: '$.pbftViewChange.prepared[].prePrepare.view'
    value: number
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPrePrepareSeqFieldEvent {
    field: '$.pbftViewChange.prepared[].prePrepare.seq'
    value: number
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPrePrepareDigestFieldEvent {
    field: '$.pbftViewChange.prepared[].prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPrePrepareBatchNoopFieldEvent {
    field: '$.pbftViewChange.prepared[].prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPrePrepareBatchPayloadFieldEvent {
    field: '$.pbftViewChange.prepared[].prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPreparesSignerFieldEvent {
    field: '$.pbftViewChange.prepared[].prepares[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPreparesSignatureFieldEvent {
    field: '$.pbftViewChange.prepared[].prepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPreparesViewFieldEvent {
    field: '$.pbftViewChange.prepared[].prepares[].view'
    value: number
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPreparesSeqFieldEvent {
    field: '$.pbftViewChange.prepared[].prepares[].seq'
    value: number
    index: number
  }

  export interface EnvelopePbftViewChangePreparedPreparesDigestFieldEvent {
    field: '$.pbftViewChange.prepared[].prepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftViewChangeAcceptedSignerFieldEvent {
    field: '$.pbftViewChange.accepted[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftViewChangeAcceptedSignatureFieldEvent {
    field: '$.pbftViewChange.accepted[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftViewChangeAcceptedViewFieldEvent {
    field: '$.pbftViewChange.accepted[].view'
    value: number
    index: number
  }

  export interface EnvelopePbftViewChangeAcceptedSeqFieldEvent {
    field: '$.pbftViewChange.accepted[].seq'
    value: number
    index: number
  }

  export interface EnvelopePbftViewChangeAcceptedDigestFieldEvent {
    field: '$.pbftViewChange.accepted[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftViewChangeAcceptedBatchNoopFieldEvent {
    field: '$.pbftViewChange.accepted[].batch[].noop'
    value: boolean
    index: number
  }

  export interface EnvelopePbftViewChangeAcceptedBatchPayloadFieldEvent {
    field: '$.pbftViewChange.accepted[].batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewSignerFieldEvent {
    field: '$.pbftNewView.signer'
    value: string
  }

  export interface EnvelopePbftNewViewSignatureFieldEvent {
    field: '$.pbftNewView.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftNewViewViewFieldEvent {
    field: '$.pbftNewView.view'
    value: number
  }

  export interface EnvelopePbftNewViewViewChangesSignerFieldEvent {
    field: '$.pbftNewView.viewChanges[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesSignatureFieldEvent {
    field: '$.pbftNewView.viewChanges[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesViewFieldEvent {
    field: '$.pbftNewView.viewChanges[].view'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesCheckpointSeqFieldEvent {
    field: '$.pbftNewView.viewChanges[].checkpoint.seq'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesCheckpointIndexFieldEvent {
    field: '$.pbftNewView.viewChanges[].checkpoint.index'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesCheckpointStateDigestFieldEvent {
    field: '$.pbftNewView.viewChanges[].checkpoint.stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesCheckpointProofSignerFieldEvent {
    field: '$.pbftNewView.viewChanges[].checkpoint.proof[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesCheckpointProofSignatureFieldEvent {
    field: '$.pbftNewView.viewChanges[].checkpoint.proof[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesCheckpointProofSeqFieldEvent {
    field: '$.pbftNewView.viewChanges[].checkpoint.proof[].seq'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesCheckpointProofIndexFieldEvent {
    field: '$.pbftNewView.viewChanges[].checkpoint.proof[].index'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesCheckpointProofStateDigestFieldEvent {
    field: '$.pbftNewView.viewChanges[].checkpoint.proof[].stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPrePrepareSignerFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prePrepare.signer'
    value: string
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPrePrepareSignatureFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPrePrepareViewFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prePrepare.view'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPrePrepareSeqFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prePrepare.seq'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPrePrepareDigestFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPrePrepareBatchNoopFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPrePrepareBatchPayloadFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPreparesSignerFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prepares[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPreparesSignatureFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPreparesViewFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prepares[].view'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPreparesSeqFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prepares[].seq'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesPreparedPreparesDigestFieldEvent {
    field: '$.pbftNewView.viewChanges[].prepared[].prepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesAcceptedSignerFieldEvent {
    field: '$.pbftNewView.viewChanges[].accepted[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesAcceptedSignatureFieldEvent {
    field: '$.pbftNewView.viewChanges[].accepted[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesAcceptedViewFieldEvent {
    field: '$.pbftNewView.viewChanges[].accepted[].view'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesAcceptedSeqFieldEvent {
    field: '$.pbftNewView.viewChanges[].accepted[].seq'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesAcceptedDigestFieldEvent {
    field: '$.pbftNewView.viewChanges[].accepted[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesAcceptedBatchNoopFieldEvent {
    field: '$.pbftNewView.viewChanges[].accepted[].batch[].noop'
    value: boolean
    index: number
  }

  export interface EnvelopePbftNewViewViewChangesAcceptedBatchPayloadFieldEvent {
    field: '$.pbftNewView.viewChanges[].accepted[].batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewPrePreparesSignerFieldEvent {
    field: '$.pbftNewView.prePrepares[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftNewViewPrePreparesSignatureFieldEvent {
    field: '$.pbftNewView.prePrepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewPrePreparesViewFieldEvent {
    field: '$.pbftNewView.prePrepares[].view'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewPrePreparesSeqFieldEvent {
    field: '$.pbftNewView.prePrepares[].seq'
    value: number
    index: number
  }

  export interface EnvelopePbftNewViewPrePreparesDigestFieldEvent {
    field: '$.pbftNewView.prePrepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftNewViewPrePreparesBatchNoopFieldEvent {
    field: '$.pbftNewView.prePrepares[].batch[].noop'
    value: boolean
    index: number
  }

  export interface EnvelopePbftNewViewPrePreparesBatchPayloadFieldEvent {
    field: '$.pbftNewView.prePrepares[].batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftStatusSignerFieldEvent {
    field: '$.pbftStatus.signer'
    value: string
  }

  export interface EnvelopePbftStatusSignatureFieldEvent {
    field: '$.pbftStatus.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftStatusViewFieldEvent {
    field: '$.pbftStatus.view'
    value: number
  }

  export interface EnvelopePbftStatusChangingFieldEvent {
    field: '$.pbftStatus.changing'
    value: boolean
  }

  export interface EnvelopePbftStatusStableSeqFieldEvent {
    field: '$.pbftStatus.stableSeq'
    value: number
  }

  export interface EnvelopePbftStatusExecutedSeqFieldEvent {
    field: '$.pbftStatus.executedSeq'
    value: number
  }

  export interface EnvelopePbftStatusLastSeqFieldEvent {
    field: '$.pbftStatus.lastSeq'
    value: number
  }

  export interface EnvelopePbftFetchStateSignerFieldEvent {
    field: '$.pbftFetchState.signer'
    value: string
  }

  export interface EnvelopePbftFetchStateSignatureFieldEvent {
    field: '$.pbftFetchState.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftFetchStateSeqFieldEvent {
    field: '$.pbftFetchState.seq'
    value: number
  }

  export interface EnvelopePbftCommittedSignerFieldEvent {
    field: '$.pbftCommitted.signer'
    value: string
  }

  export interface EnvelopePbftCommittedSignatureFieldEvent {
    field: '$.pbftCommitted.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftCommittedPrePrepareSignerFieldEvent {
    field: '$.pbftCommitted.prePrepare.signer'
    value: string
  }

  export interface EnvelopePbftCommittedPrePrepareSignatureFieldEvent {
    field: '$.pbftCommitted.prePrepare.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftCommittedPrePrepareViewFieldEvent {
    field: '$.pbftCommitted.prePrepare.view'
    value: number
  }

  export interface EnvelopePbftCommittedPrePrepareSeqFieldEvent {
    field: '$.pbftCommitted.prePrepare.seq'
    value: number
  }

  export interface EnvelopePbftCommittedPrePrepareDigestFieldEvent {
    field: '$.pbftCommitted.prePrepare.digest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftCommittedPrePrepareBatchNoopFieldEvent {
    field: '$.pbftCommitted.prePrepare.batch[].noop'
    value: boolean
    index: number
  }

  export interface EnvelopePbftCommittedPrePrepareBatchPayloadFieldEvent {
    field: '$.pbftCommitted.prePrepare.batch[].payload'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftCommittedCommitsSignerFieldEvent {
    field: '$.pbftCommitted.commits[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftCommittedCommitsSignatureFieldEvent {
    field: '$.pbftCommitted.commits[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftCommittedCommitsViewFieldEvent {
    field: '$.pbftCommitted.commits[].view'
    value: number
    index: number
  }

  export interface EnvelopePbftCommittedCommitsSeqFieldEvent {
    field: '$.pbftCommitted.commits[].seq'
    value: number
    index: number
  }

  export interface EnvelopePbftCommittedCommitsDigestFieldEvent {
    field: '$.pbftCommitted.commits[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftCommittedPreparesSignerFieldEvent {
    field: '$.pbftCommitted.prepares[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftCommittedPreparesSignatureFieldEvent {
    field: '$.pbftCommitted.prepares[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftCommittedPreparesViewFieldEvent {
    field: '$.pbftCommitted.prepares[].view'
    value: number
    index: number
  }

  export interface EnvelopePbftCommittedPreparesSeqFieldEvent {
    field: '$.pbftCommitted.prepares[].seq'
    value: number
    index: number
  }

  export interface EnvelopePbftCommittedPreparesDigestFieldEvent {
    field: '$.pbftCommitted.prepares[].digest'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftStableCheckpointSignerFieldEvent {
    field: '$.pbftStableCheckpoint.signer'
    value: string
  }

  export interface EnvelopePbftStableCheckpointSignatureFieldEvent {
    field: '$.pbftStableCheckpoint.signature'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftStableCheckpointCertificateSeqFieldEvent {
    field: '$.pbftStableCheckpoint.certificate.seq'
    value: number
  }

  export interface EnvelopePbftStableCheckpointCertificateIndexFieldEvent {
    field: '$.pbftStableCheckpoint.certificate.index'
    value: number
  }

  export interface EnvelopePbftStableCheckpointCertificateStateDigestFieldEvent {
    field: '$.pbftStableCheckpoint.certificate.stateDigest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EnvelopePbftStableCheckpointCertificateProofSignerFieldEvent {
    field: '$.pbftStableCheckpoint.certificate.proof[].signer'
    value: string
    index: number
  }

  export interface EnvelopePbftStableCheckpointCertificateProofSignatureFieldEvent {
    field: '$.pbftStableCheckpoint.certificate.proof[].signature'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface EnvelopePbftStableCheckpointCertificateProofSeqFieldEvent {
    field: '$.pbftStableCheckpoint.certificate.proof[].seq'
    value: number
    index: number
  }

  export interface EnvelopePbftStableCheckpointCertificateProofIndexFieldEvent {
    field: '$.pbftStableCheckpoint.certificate.proof[].index'
    value: number
    index: number
  }

  export interface EnvelopePbftStableCheckpointCertificateProofStateDigestFieldEvent {
    field: '$.pbftStableCheckpoint.certificate.proof[].stateDigest'
    value: Uint8Array<ArrayBuffer>
    index: number
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

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Generator<EnvelopeHelloChainIdFieldEvent | EnvelopeHelloGenesisHashFieldEvent | EnvelopeHelloProtocolFieldEvent | EnvelopeHelloNodeVersionFieldEvent | EnvelopeHelloListenAddrsFieldEvent | EnvelopePingNonceFieldEvent | EnvelopePingSentAtUsFieldEvent | EnvelopePongNonceFieldEvent | EnvelopePongSentAtUsFieldEvent | EnvelopeBenchSeqFieldEvent | EnvelopeBenchPayloadFieldEvent | EnvelopeVoteRequestTermFieldEvent | EnvelopeVoteRequestPreVoteFieldEvent | EnvelopeVoteRequestLastIndexFieldEvent | EnvelopeVoteRequestLastTermFieldEvent | EnvelopeVoteRequestTransferFieldEvent | EnvelopeVoteResponseTermFieldEvent | EnvelopeVoteResponsePreVoteFieldEvent | EnvelopeVoteResponseGrantedFieldEvent | EnvelopeAppendTermFieldEvent | EnvelopeAppendPrevIndexFieldEvent | EnvelopeAppendPrevTermFieldEvent | EnvelopeAppendCommitFieldEvent | EnvelopeAppendEntriesTermFieldEvent | EnvelopeAppendEntriesKindFieldEvent | EnvelopeAppendEntriesPayloadFieldEvent | EnvelopeAppendResponseTermFieldEvent | EnvelopeAppendResponseSuccessFieldEvent | EnvelopeAppendResponseIndexFieldEvent | EnvelopeAppendResponseConflictTermFieldEvent | EnvelopeAppendResponseConflictIndexFieldEvent | EnvelopeHeartbeatTermFieldEvent | EnvelopeHeartbeatCommitFieldEvent | EnvelopeHeartbeatContextFieldEvent | EnvelopeHeartbeatResponseTermFieldEvent | EnvelopeHeartbeatResponseContextFieldEvent | EnvelopeTimeoutNowTermFieldEvent | EnvelopePbftRequestSignerFieldEvent | EnvelopePbftRequestSignatureFieldEvent | EnvelopePbftRequestRequestsNoopFieldEvent | EnvelopePbftRequestRequestsPayloadFieldEvent | EnvelopePbftPrePrepareSignerFieldEvent | EnvelopePbftPrePrepareSignatureFieldEvent | EnvelopePbftPrePrepareViewFieldEvent | EnvelopePbftPrePrepareSeqFieldEvent | EnvelopePbftPrePrepareDigestFieldEvent | EnvelopePbftPrePrepareBatchNoopFieldEvent | EnvelopePbftPrePrepareBatchPayloadFieldEvent | EnvelopePbftPrepareSignerFieldEvent | EnvelopePbftPrepareSignatureFieldEvent | EnvelopePbftPrepareViewFieldEvent | EnvelopePbftPrepareSeqFieldEvent | EnvelopePbftPrepareDigestFieldEvent | EnvelopePbftCommitSignerFieldEvent | EnvelopePbftCommitSignatureFieldEvent | EnvelopePbftCommitViewFieldEvent | EnvelopePbftCommitSeqFieldEvent | EnvelopePbftCommitDigestFieldEvent | EnvelopePbftCheckpointSignerFieldEvent | EnvelopePbftCheckpointSignatureFieldEvent | EnvelopePbftCheckpointSeqFieldEvent | EnvelopePbftCheckpointIndexFieldEvent | EnvelopePbftCheckpointStateDigestFieldEvent | EnvelopePbftViewChangeSignerFieldEvent | EnvelopePbftViewChangeSignatureFieldEvent | EnvelopePbftViewChangeViewFieldEvent | EnvelopePbftViewChangeCheckpointSeqFieldEvent | EnvelopePbftViewChangeCheckpointIndexFieldEvent | EnvelopePbftViewChangeCheckpointStateDigestFieldEvent | EnvelopePbftViewChangeCheckpointProofSignerFieldEvent | EnvelopePbftViewChangeCheckpointProofSignatureFieldEvent | EnvelopePbftViewChangeCheckpointProofSeqFieldEvent | EnvelopePbftViewChangeCheckpointProofIndexFieldEvent | EnvelopePbftViewChangeCheckpointProofStateDigestFieldEvent | EnvelopePbftViewChangePreparedPrePrepareSignerFieldEvent | EnvelopePbftViewChangePreparedPrePrepareSignatureFieldEvent | EnvelopePbftViewChangePreparedPrePrepareViewFieldEvent | EnvelopePbftViewChangePreparedPrePrepareSeqFieldEvent | EnvelopePbftViewChangePreparedPrePrepareDigestFieldEvent | EnvelopePbftViewChangePreparedPrePrepareBatchNoopFieldEvent | EnvelopePbftViewChangePreparedPrePrepareBatchPayloadFieldEvent | EnvelopePbftViewChangePreparedPreparesSignerFieldEvent | EnvelopePbftViewChangePreparedPreparesSignatureFieldEvent | EnvelopePbftViewChangePreparedPreparesViewFieldEvent | EnvelopePbftViewChangePreparedPreparesSeqFieldEvent | EnvelopePbftViewChangePreparedPreparesDigestFieldEvent | EnvelopePbftViewChangeAcceptedSignerFieldEvent | EnvelopePbftViewChangeAcceptedSignatureFieldEvent | EnvelopePbftViewChangeAcceptedViewFieldEvent | EnvelopePbftViewChangeAcceptedSeqFieldEvent | EnvelopePbftViewChangeAcceptedDigestFieldEvent | EnvelopePbftViewChangeAcceptedBatchNoopFieldEvent | EnvelopePbftViewChangeAcceptedBatchPayloadFieldEvent | EnvelopePbftNewViewSignerFieldEvent | EnvelopePbftNewViewSignatureFieldEvent | EnvelopePbftNewViewViewFieldEvent | EnvelopePbftNewViewViewChangesSignerFieldEvent | EnvelopePbftNewViewViewChangesSignatureFieldEvent | EnvelopePbftNewViewViewChangesViewFieldEvent | EnvelopePbftNewViewViewChangesCheckpointSeqFieldEvent | EnvelopePbftNewViewViewChangesCheckpointIndexFieldEvent | EnvelopePbftNewViewViewChangesCheckpointStateDigestFieldEvent | EnvelopePbftNewViewViewChangesCheckpointProofSignerFieldEvent | EnvelopePbftNewViewViewChangesCheckpointProofSignatureFieldEvent | EnvelopePbftNewViewViewChangesCheckpointProofSeqFieldEvent | EnvelopePbftNewViewViewChangesCheckpointProofIndexFieldEvent | EnvelopePbftNewViewViewChangesCheckpointProofStateDigestFieldEvent | EnvelopePbftNewViewViewChangesPreparedPrePrepareSignerFieldEvent | EnvelopePbftNewViewViewChangesPreparedPrePrepareSignatureFieldEvent | EnvelopePbftNewViewViewChangesPreparedPrePrepareViewFieldEvent | EnvelopePbftNewViewViewChangesPreparedPrePrepareSeqFieldEvent | EnvelopePbftNewViewViewChangesPreparedPrePrepareDigestFieldEvent | EnvelopePbftNewViewViewChangesPreparedPrePrepareBatchNoopFieldEvent | EnvelopePbftNewViewViewChangesPreparedPrePrepareBatchPayloadFieldEvent | EnvelopePbftNewViewViewChangesPreparedPreparesSignerFieldEvent | EnvelopePbftNewViewViewChangesPreparedPreparesSignatureFieldEvent | EnvelopePbftNewViewViewChangesPreparedPreparesViewFieldEvent | EnvelopePbftNewViewViewChangesPreparedPreparesSeqFieldEvent | EnvelopePbftNewViewViewChangesPreparedPreparesDigestFieldEvent | EnvelopePbftNewViewViewChangesAcceptedSignerFieldEvent | EnvelopePbftNewViewViewChangesAcceptedSignatureFieldEvent | EnvelopePbftNewViewViewChangesAcceptedViewFieldEvent | EnvelopePbftNewViewViewChangesAcceptedSeqFieldEvent | EnvelopePbftNewViewViewChangesAcceptedDigestFieldEvent | EnvelopePbftNewViewViewChangesAcceptedBatchNoopFieldEvent | EnvelopePbftNewViewViewChangesAcceptedBatchPayloadFieldEvent | EnvelopePbftNewViewPrePreparesSignerFieldEvent | EnvelopePbftNewViewPrePreparesSignatureFieldEvent | EnvelopePbftNewViewPrePreparesViewFieldEvent | EnvelopePbftNewViewPrePreparesSeqFieldEvent | EnvelopePbftNewViewPrePreparesDigestFieldEvent | EnvelopePbftNewViewPrePreparesBatchNoopFieldEvent | EnvelopePbftNewViewPrePreparesBatchPayloadFieldEvent | EnvelopePbftStatusSignerFieldEvent | EnvelopePbftStatusSignatureFieldEvent | EnvelopePbftStatusViewFieldEvent | EnvelopePbftStatusChangingFieldEvent | EnvelopePbftStatusStableSeqFieldEvent | EnvelopePbftStatusExecutedSeqFieldEvent | EnvelopePbftStatusLastSeqFieldEvent | EnvelopePbftFetchStateSignerFieldEvent | EnvelopePbftFetchStateSignatureFieldEvent | EnvelopePbftFetchStateSeqFieldEvent | EnvelopePbftCommittedSignerFieldEvent | EnvelopePbftCommittedSignatureFieldEvent | EnvelopePbftCommittedPrePrepareSignerFieldEvent | EnvelopePbftCommittedPrePrepareSignatureFieldEvent | EnvelopePbftCommittedPrePrepareViewFieldEvent | EnvelopePbftCommittedPrePrepareSeqFieldEvent | EnvelopePbftCommittedPrePrepareDigestFieldEvent | EnvelopePbftCommittedPrePrepareBatchNoopFieldEvent | EnvelopePbftCommittedPrePrepareBatchPayloadFieldEvent | EnvelopePbftCommittedCommitsSignerFieldEvent | EnvelopePbftCommittedCommitsSignatureFieldEvent | EnvelopePbftCommittedCommitsViewFieldEvent | EnvelopePbftCommittedCommitsSeqFieldEvent | EnvelopePbftCommittedCommitsDigestFieldEvent | EnvelopePbftCommittedPreparesSignerFieldEvent | EnvelopePbftCommittedPreparesSignatureFieldEvent | EnvelopePbftCommittedPreparesViewFieldEvent | EnvelopePbftCommittedPreparesSeqFieldEvent | EnvelopePbftCommittedPreparesDigestFieldEvent | EnvelopePbftStableCheckpointSignerFieldEvent | EnvelopePbftStableCheckpointSignatureFieldEvent | EnvelopePbftStableCheckpointCertificateSeqFieldEvent | EnvelopePbftStableCheckpointCertificateIndexFieldEvent | EnvelopePbftStableCheckpointCertificateStateDigestFieldEvent | EnvelopePbftStableCheckpointCertificateProofSignerFieldEvent | EnvelopePbftStableCheckpointCertificateProofSignatureFieldEvent | EnvelopePbftStableCheckpointCertificateProofSeqFieldEvent | EnvelopePbftStableCheckpointCertificateProofIndexFieldEvent | EnvelopePbftStableCheckpointCertificateProofStateDigestFieldEvent | EnvelopeSnapshotOfferIndexFieldEvent | EnvelopeSnapshotOfferFileTermFieldEvent | EnvelopeSnapshotOfferFileMetaFieldEvent | EnvelopeSnapshotOfferSizeFieldEvent | EnvelopeSnapshotOfferCoreMetaFieldEvent | EnvelopeSnapshotChunkRequestIndexFieldEvent | EnvelopeSnapshotChunkRequestOffsetFieldEvent | EnvelopeSnapshotChunkRequestLengthFieldEvent | EnvelopeSnapshotChunkIndexFieldEvent | EnvelopeSnapshotChunkOffsetFieldEvent | EnvelopeSnapshotChunkDataFieldEvent | EnvelopeSnapshotChunkMissingFieldEvent | EnvelopeJoinRequestNodeVersionFieldEvent | EnvelopeForwardRequestIdFieldEvent | EnvelopeForwardPayloadsFieldEvent | EnvelopeForwardResultRequestIdFieldEvent | EnvelopeForwardResultResultsOkFieldEvent | EnvelopeForwardResultResultsIndexFieldEvent | EnvelopeForwardResultResultsResultFieldEvent | EnvelopeForwardResultResultsCodeFieldEvent | EnvelopeForwardResultResultsLeaderFieldEvent | EnvelopeReadIndexRequestIdFieldEvent | EnvelopeReadIndexResultRequestIdFieldEvent | EnvelopeReadIndexResultOkFieldEvent | EnvelopeReadIndexResultIndexFieldEvent | EnvelopeReadIndexResultCodeFieldEvent | EnvelopeReadIndexResultLeaderFieldEvent | EnvelopeAdminRequestRequestIdFieldEvent | EnvelopeAdminRequestKindFieldEvent | EnvelopeAdminRequestNodeFieldEvent | EnvelopeAdminResultRequestIdFieldEvent | EnvelopeAdminResultOkFieldEvent | EnvelopeAdminResultCodeFieldEvent | EnvelopeAdminResultReasonFieldEvent | EnvelopeAdminResultLeaderFieldEvent> {
    return streamMessage(buf, Envelope.codec(), opts)
  }
}
