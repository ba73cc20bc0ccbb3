// The `blackhole` command line (commander). bin/blackhole runs this file under the
// Node.js 24 that the npm package `node` installs.

import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { ConfigError, PROTOCOLS, type ProtocolName, parseParamOverrides } from '../src/config/genesis.js'
import { LOG_LEVELS, isLogLevel } from '../src/log.js'
import type { NodeStatus } from '../src/node/view.js'

// Each command loads its own modules: `status` should not pay for libp2p, nor `node` for the simulator.

const collect = (value: string, previous: string[]): string[] => [...previous, value]

function integer (name: string) {
  return (value: string): number => {
    const parsed = Number(value)
    if (!Number.isInteger(parsed)) throw new InvalidArgumentError(`${name} must be an integer`)
    return parsed
  }
}

function protocolOption (): Option {
  return new Option('--protocol <name>', 'agreement protocol').choices(PROTOCOLS)
}

function logLevelOption (): Option {
  return new Option('--log-level <level>', 'log level').choices(LOG_LEVELS).default('info')
}

const program = new Command()
program
  .name('blackhole')
  .description('Blackhole: a peer-to-peer consensus node (Raft, PBFT, HotStuff, Avalanche) over libp2p')
  .version('0.1.0')
  .showHelpAfterError()

program.command('keygen')
  .description('create an ed25519 node identity (libp2p key, file mode 0600) in DIR')
  .requiredOption('--out <dir>', 'directory for the key (a node data directory works)')
  .action(async (options: { out: string }) => {
    const { writeIdentity } = await import('../src/net/identity.js')
    const identity = await writeIdentity(options.out)
    process.stdout.write(`${identity.peerId}\n`)
  })

program.command('genesis')
  .description('write a genesis file from the identities in key directories')
  .addOption(protocolOption().makeOptionMandatory())
  .requiredOption('--keys <dir...>', 'key directories made by keygen, one per validator')
  .requiredOption('--out <file>', 'genesis file to write')
  .option('--chain-id <id>', 'chain id', `blackhole-${Date.now().toString(36)}`)
  .option('--param <key=value>', 'protocol parameter (repeatable)', collect, [])
  .action(async (options: { protocol: ProtocolName, keys: string[], out: string, chainId: string, param: string[] }) => {
    const { buildGenesis } = await import('../src/config/build-genesis.js')
    const genesis = await buildGenesis({ protocol: options.protocol, keyDirs: options.keys, params: parseParamOverrides(options.param), chainId: options.chainId })
    await mkdir(path.dirname(path.resolve(options.out)), { recursive: true })
    await writeFile(options.out, JSON.stringify(genesis, null, 2) + '\n')
    process.stdout.write(`wrote ${options.out}: ${genesis.protocol}, ${genesis.validators.length} validators, chain ${genesis.chainId}\n`)
  })

program.command('node')
  .description('run a node')
  .requiredOption('--data-dir <dir>', 'data directory (identity, logs, state)')
  .option('--genesis <file>', 'genesis file of the network')
  .option('--network <name|file>', 'network file (genesis + bootstrap list), or a name from networks/')
  .option('--listen <multiaddr>', 'libp2p listen address (repeatable)', collect, [])
  .option('--bootstrap <multiaddr>', 'bootstrap peer (repeatable; added to the network file\'s list)', collect, [])
  .option('--api <host:port>', 'HTTP API address', '127.0.0.1:8700')
  .option('--mdns', 'discover peers on the LAN with mDNS', false)
  .addOption(logLevelOption())
  .action(async (options: { dataDir: string, genesis?: string, network?: string, listen: string[], bootstrap: string[], api: string, mdns: boolean, logLevel: string }) => {
    if ((options.genesis === undefined) === (options.network === undefined)) {
      throw new ConfigError('node', '--genesis/--network', 'give exactly one of --genesis FILE or --network NAME|FILE')
    }
    if (!isLogLevel(options.logLevel)) throw new ConfigError('node', '--log-level', `one of ${LOG_LEVELS.join(', ')}`)
    const { runNodeProcess } = await import('../src/node/process.js')
    process.exitCode = await runNodeProcess({
      dataDir: options.dataDir,
      genesisFile: options.genesis,
      network: options.network,
      listen: options.listen.length > 0 ? options.listen : ['/ip4/127.0.0.1/tcp/0'],
      bootstrap: options.bootstrap,
      api: options.api,
      mdns: options.mdns,
      logLevel: options.logLevel
    })
  })

program.command('mesh')
  .description('run a local network of N nodes on 127.0.0.1 that find each other on their own')
  .option('--nodes <n>', 'number of nodes', integer('--nodes'), 4)
  .addOption(protocolOption().default('raft'))
  .option('--dir <dir>', 'directory for keys, genesis, network file and node data', '.blackhole/mesh')
  .option('--api-port <port>', 'node i serves its API on 127.0.0.1:(api-port + i)', integer('--api-port'), 8700)
  .option('--no-restart', 'do not restart a node that exits')
  .option('--fresh', 'delete --dir first and make a new network', false)
  .option('--param <key=value>', 'protocol parameter for a new mesh (repeatable)', collect, [])
  .option('--test-byzantine <node:mode>', 'TESTING ONLY: node N runs a Byzantine PBFT replica (silent or equivocate)')
  .addOption(logLevelOption())
  .action(async (options: { nodes: number, protocol: ProtocolName, dir: string, apiPort: number, restart: boolean, fresh: boolean, param: string[], logLevel: string, testByzantine?: string }) => {
    const { runMesh } = await import('../src/mesh/mesh.js')
    const byzantine = options.testByzantine === undefined ? undefined : /^(\d+):(silent|equivocate)$/.exec(options.testByzantine)
    if (byzantine === null) throw new InvalidArgumentError('--test-byzantine wants NODE:MODE, MODE silent or equivocate (e.g. 0:equivocate)')
    if (byzantine !== undefined && options.protocol !== 'pbft') throw new InvalidArgumentError('--test-byzantine applies to --protocol pbft only')
    process.exitCode = await runMesh({
      nodes: options.nodes,
      protocol: options.protocol,
      dir: path.resolve(options.dir),
      apiPort: options.apiPort,
      restart: options.restart,
      fresh: options.fresh,
      logLevel: options.logLevel,
      params: parseParamOverrides(options.param),
      ...(byzantine !== undefined ? { testByzantine: { node: Number(byzantine[1]), mode: byzantine[2] ?? '' } } : {})
    })
  })

program.command('status')
  .description('show a node\'s status')
  .option('--api <url>', 'node API', 'http://127.0.0.1:8700')
  .option('--json', 'print the raw JSON', false)
  .action(async (options: { api: string, json: boolean }) => {
    const url = new URL('/status', options.api)
    let response: Response
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(5000) })
    } catch (err) {
      throw new CliError(`cannot reach ${url.origin}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`)
    }
    if (!response.ok) throw new CliError(`${url.href} answered ${response.status}: ${await response.text()}`)
    const status = await response.json() as NodeStatus
    process.stdout.write(options.json ? JSON.stringify(status, null, 2) + '\n' : formatStatus(status))
  })

/** One key-value request against a node's API; prints the answer, exits 2 on an error answer. */
async function kvRequest (api: string, method: 'PUT' | 'GET' | 'DELETE', key: string, body?: string, query = ''): Promise<void> {
  await apiRequest(api, method, `/v1/kv/${encodeURIComponent(key)}${query}`, body)
}

/** One request to a node's API; prints the answer, exits 2 on an error answer. */
async function apiRequest (api: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', route: string, body?: string): Promise<void> {
  const url = new URL(route, api)
  let response: Response
  try {
    response = await fetch(url, { method, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(10_000) })
  } catch (err) {
    throw new CliError(`cannot reach ${url.origin}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`)
  }
  const text = await response.text()
  if (!response.ok) throw new CliError(`${method} ${route}: ${response.status} ${text}`)
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
}

program.command('put')
  .description('write KEY = VALUE through a node (any node; followers forward to the leader)')
  .argument('<key>').argument('<value>')
  .option('--api <url>', 'node API', 'http://127.0.0.1:8700')
  .action(async (key: string, value: string, options: { api: string }) => { await kvRequest(options.api, 'PUT', key, value) })

program.command('get')
  .description('read KEY (linearizable unless --stale)')
  .argument('<key>')
  .option('--api <url>', 'node API', 'http://127.0.0.1:8700')
  .option('--stale', 'read the node\'s local state without asking the leader', false)
  .action(async (key: string, options: { api: string, stale: boolean }) => { await kvRequest(options.api, 'GET', key, undefined, options.stale ? '?consistency=stale' : '') })

program.command('del')
  .description('delete KEY')
  .argument('<key>')
  .option('--api <url>', 'node API', 'http://127.0.0.1:8700')
  .action(async (key: string, options: { api: string }) => { await kvRequest(options.api, 'DELETE', key) })

const members = program.command('members').description('list and change the cluster membership (raft)')
members.command('list')
  .description('voters, learners and the leader')
  .option('--api <url>', 'node API', 'http://127.0.0.1:8700')
  .action(async (options: { api: string }) => { await apiRequest(options.api, 'GET', '/v1/members') })
members.command('promote')
  .description('make a caught-up learner a voter (a new node joins as a learner by itself)')
  .argument('<peerId>')
  .option('--api <url>', 'node API (any node)', 'http://127.0.0.1:8700')
  .action(async (peerId: string, options: { api: string }) => { await apiRequest(options.api, 'POST', `/v1/members/${encodeURIComponent(peerId)}/promote`) })
members.command('remove')
  .description('remove a voter or learner from the membership')
  .argument('<peerId>')
  .option('--api <url>', 'node API (any node)', 'http://127.0.0.1:8700')
  .action(async (peerId: string, options: { api: string }) => { await apiRequest(options.api, 'DELETE', `/v1/members/${encodeURIComponent(peerId)}`) })

program.command('sim')
  .description('run the deterministic simulator; a failing run prints the command that replays it')
  // Free-form: test-only protocol variants (mutants) replay through here too.
  .option('--protocol <name>', 'protocol (raft, or a test mutant such as raft-mutant-vote-any-log)', 'raft')
  .option('--scenario <name>', 'scenario: happy, lossy, partition, leader-crash, churn, skew, combined, figure8 (default: all but figure8)')
  .option('--seeds <n>', 'seeds per scenario (default 10)', integer('--seeds'))
  .option('--seed <s>', 'run exactly this seed', integer('--seed'))
  .option('--duration <seconds>', 'virtual seconds per run (default 60)', integer('--duration'))
  .option('--jobs <n>', 'worker threads for a sweep (default: one per core)', integer('--jobs'))
  .option('--verbose', 'print every run', false)
  .action(async (options: { protocol: string, scenario?: string, seeds?: number, seed?: number, duration?: number, jobs?: number, verbose: boolean }) => {
    const { runSim } = await import('../src/sim/cli.js')
    process.exitCode = await runSim(options, (line: string) => { process.stdout.write(line + '\n') })
  })

program.command('bench')
  .description('load a running network (or etcd) with puts and gets; see bench/README.md')
  .allowUnknownOption(true)
  .helpOption(false)
  .argument('[options...]', 'bench/kv options: --target blackhole|etcd --endpoints URL,... --clients N --duration S --op put|get|mixed ...')
  .action(async (args: string[]) => {
    const { kvBenchMain } = await import('../bench/kv.js')
    process.exitCode = await kvBenchMain(args)
  })

class CliError extends Error {
  readonly code = 'CLI'
}

function formatStatus (status: NodeStatus): string {
  const lines = [
    `peer id      ${status.peerId}`,
    `network      ${status.chainId} (${status.protocol}, ${status.validators} validators)`,
    `role         ${status.role}${status.leader !== null ? `, leader ${status.leader}` : ''}`,
    `term/view    ${status.term}`,
    `commit       ${status.commitIndex} (applied ${status.appliedIndex})`,
    `listening    ${status.addrs.join(' ')}`,
    `uptime       ${status.uptimeSeconds.toFixed(0)} s, rss ${(status.rssBytes / 1e6).toFixed(0)} MB, event-loop lag ${status.eventLoopLagMs.toFixed(1)} ms`,
    `peers        ${status.peers.length}`,
    ...status.peers.map((peer) => `  ${peer.peerId}  ${peer.latencyMs === null ? '-' : `${peer.latencyMs.toFixed(1)} ms`}  ${peer.direction}${peer.validator ? '  validator' : ''}  ${peer.addrs[0] ?? ''}`)
  ]
  return lines.join('\n') + '\n'
}

/** Bad input or configuration: ConfigError, MeshError, NodeStartError, IdentityError, CliError. */
function isExpectedFailure (err: unknown): err is Error {
  if (err instanceof ConfigError || err instanceof CliError || err instanceof InvalidArgumentError) return true
  const code = (err as { code?: unknown } | null)?.code
  return err instanceof Error && typeof code === 'string' && ['BAD_MESH_OPTIONS', 'NODE_START', 'BAD_CONFIG'].includes(code) || (err instanceof Error && err.name === 'IdentityError')
}

try {
  await program.parseAsync(process.argv)
} catch (err) {
  // Expected failures (bad input, bad configuration) print one clear line and exit 2.
  if (isExpectedFailure(err)) {
    process.stderr.write(`blackhole: ${err.message}\n`)
    process.exit(2)
  }
  throw err
}
