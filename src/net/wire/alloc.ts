// What the generated wire.pb.ts imports for `alloc` (the `proto` script points it
// here instead of at uint8arrays, which is not a dependency of ours). protons uses
// alloc(0) for the default of every bytes field on every decode; a zero-length
// array cannot be written to, so one shared instance serves them all.

const EMPTY = new Uint8Array(0)

export function alloc (size = 0): Uint8Array<ArrayBuffer> {
  return size === 0 ? EMPTY : new Uint8Array(size)
}
