// Logging with pino: JSON lines to the terminal (stderr) and, for a node, to
// <data-dir>/node.log so an operator can read what a node did after the fact.

import path from 'node:path'
import { pino, type Logger, type LevelWithSilent } from 'pino'

export type { Logger }

export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

export interface LoggerInit {
  readonly level: LevelWithSilent
  /** Also append to <dataDir>/node.log. */
  readonly dataDir?: string
  /** Write terminal output here instead of stderr (tests). */
  readonly terminal?: NodeJS.WritableStream
}

export function createLogger (init: LoggerInit): Logger {
  const streams: pino.StreamEntry[] = [{ level: init.level === 'silent' ? 'fatal' : init.level, stream: init.terminal ?? process.stderr }]
  if (init.dataDir !== undefined) {
    streams.push({ level: init.level === 'silent' ? 'fatal' : init.level, stream: pino.destination({ dest: path.join(init.dataDir, 'node.log'), append: true, mkdir: true, sync: false }) })
  }
  return pino({ level: init.level, base: { pid: process.pid } }, pino.multistream(streams))
}

export function isLogLevel (value: string): value is LevelWithSilent {
  return (LOG_LEVELS as readonly string[]).includes(value)
}
