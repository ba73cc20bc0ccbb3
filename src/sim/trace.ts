// A running hash of everything a run does, so "same seed, same run" is one comparison.
// Two independent 32-bit multiply-xorshift lanes (64 bits together): cheap enough to mix on
// every event, and a divergence anywhere changes the final value.

export class TraceHash {
  private a = 0x811c9dc5
  private b = 0x01000193
  count = 0

  mix(x: number, y: number, z: number): void {
    let a = this.a ^ x
    a = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d)
    a ^= y
    a = Math.imul(a ^ (a >>> 12), 0x297a2d39)
    a ^= z
    this.a = a ^ (a >>> 15)
    let b = this.b + x
    b = Math.imul(b ^ (b >>> 16), 0x85ebca6b)
    b += y
    b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35)
    b += z
    this.b = b ^ (b >>> 16)
    this.count++
  }

  mixBytes(bytes: Uint8Array): void {
    let h = 0x811c9dc5
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
    this.mix(h, bytes.length, 0x5bd1e995)
  }

  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0')
  }
}

/** FNV-1a of a byte string (snapshot fingerprints). */
export function hashBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
  return h >>> 0
}
