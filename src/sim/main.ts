// `node dist/src/sim/main.js --protocol raft [--scenario S[/NODES]] [--seeds N | --seed S] [--duration SECONDS]
//  [--nodes N] [--jobs N] [--first-seed N] [--verbose] [--trace]`: the simulator without the rest of the CLI.

import { runSim, type SimCliOptions } from './cli.js'

function parse(argv: readonly string[]): SimCliOptions | string {
  const options: { -readonly [K in keyof SimCliOptions]: SimCliOptions[K] } = { protocol: 'raft' }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${flag} needs a value`)
      return v
    }
    const integer = (): number => {
      const n = Number(value())
      if (!Number.isInteger(n)) throw new Error(`${flag} must be an integer`)
      return n
    }
    switch (flag) {
      case '--protocol': options.protocol = value(); break
      case '--scenario': options.scenario = value(); break
      case '--seeds': options.seeds = integer(); break
      case '--seed': options.seed = integer(); break
      case '--nodes': options.nodes = integer(); break
      case '--first-seed': options.firstSeed = integer(); break
      case '--jobs': options.jobs = integer(); break
      case '--duration': options.duration = Number(value()); break
      case '--verbose': options.verbose = true; break
      case '--trace': options.trace = true; break
      default: return `unknown option ${flag}`
    }
  }
  return options
}

// `... | head` closes stdout early: stop quietly instead of dying on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

try {
  const options = parse(process.argv.slice(2))
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`)
    process.exitCode = 2
  } else {
    process.exitCode = await runSim(options, (line) => process.stdout.write(`${line}\n`))
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 2
}
