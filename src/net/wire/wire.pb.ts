import { decodeMessage, encodeMessage, MaxLengthError, message, streamMessage } from 'protons-runtime'
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

export interface Envelope {
  hello?: Hello
  ping?: Ping
  pong?: Pong
  bench?: Bench
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

        if (obj.bench != null) {
          obj.pong = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.pong != null) {
          obj.bench = undefined
          obj.ping = undefined
          obj.hello = undefined
        }

        if (obj.ping != null) {
          obj.bench = undefined
          obj.pong = undefined
          obj.hello = undefined
        }

        if (obj.hello != null) {
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
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        if (obj.bench != null) {
          delete obj.pong
          delete obj.ping
          delete obj.hello
        }

        if (obj.pong != null) {
          delete obj.bench
          delete obj.ping
          delete obj.hello
        }

        if (obj.ping != null) {
          delete obj.bench
          delete obj.pong
          delete obj.hello
        }

        if (obj.hello != null) {
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

  export function encode (obj: Partial<Envelope>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Envelope.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Envelope {
    return decodeMessage(buf, Envelope.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Generator<EnvelopeHelloChainIdFieldEvent | EnvelopeHelloGenesisHashFieldEvent | EnvelopeHelloProtocolFieldEvent | EnvelopeHelloNodeVersionFieldEvent | EnvelopeHelloListenAddrsFieldEvent | EnvelopePingNonceFieldEvent | EnvelopePingSentAtUsFieldEvent | EnvelopePongNonceFieldEvent | EnvelopePongSentAtUsFieldEvent | EnvelopeBenchSeqFieldEvent | EnvelopeBenchPayloadFieldEvent> {
    return streamMessage(buf, Envelope.codec(), opts)
  }
}
