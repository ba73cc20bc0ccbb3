// Assertions shared by the wire tests.

import assert from 'node:assert/strict'
import type { DecodeErrorCode, DecodeResult } from '../../src/net/wire/codec.js'
import type { WireMessage } from '../../src/net/wire/messages.js'

export const DECODE_ERROR_CODES: readonly DecodeErrorCode[] = ['TRUNCATED', 'MALFORMED', 'UNKNOWN_TYPE', 'TOO_LARGE']

export function decodedOk (result: DecodeResult): WireMessage {
  if (!result.ok) assert.fail(`expected a message, got ${result.error.code}: ${result.error.detail}`)
  return result.value
}

export function errorCode (result: DecodeResult): DecodeErrorCode {
  if (result.ok) assert.fail(`expected a decode error, got a ${result.value.type}`)
  return result.error.code
}

/**
 * Messages are the same field by field, byte arrays by content (a decoded payload is
 * a view, maybe of a Buffer). Strict: a key present as `undefined` is not an absent key.
 */
export function assertSameMessage (actual: WireMessage, expected: WireMessage): void {
  assert.deepStrictEqual(normalise(actual), normalise(expected))
}

function normalise (value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: [...value] }
  if (Array.isArray(value)) return value.map(normalise)
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]))
  return value
}
