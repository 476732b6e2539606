/** `ping`, `bitswap *`, `stats provide|reprovide|dht|repo`, `shutdown` */
import type { Command } from 'commander'
import type { BitswapStats } from '@cairn/interface'
import type { CliContext } from '../context.ts'
import { formatSiBytes, hexDump, tabulate } from '../format.ts'
import { DaemonRunningError, UsageError } from '../errors.ts'
import { readApiFile } from '../connect.ts'
import { isDaemonAlive } from './daemon.ts'
import { parseInteger } from './parse.ts'
import { printProvideStat } from './routing.ts'
import { cidOutput, withCidBase } from './cid-base.ts'
import type { CidBaseFlags } from './cid-base.ts'

function bitswapStatJson (s: BitswapStats): object {
  return {
    Wantlist: s.wantlist.map(cid => ({ '/': cid.toString() })),
    Peers: s.peers,
    BlocksReceived: s.blocksReceived,
    DataReceived: s.dataReceived,
    BlocksSent: s.blocksSent,
    DataSent: s.dataSent,
    DupBlksReceived: s.dupBlksReceived,
    DupDataReceived: s.dupDataReceived
  }
}

/** Kubo's `bitswap stat` text (core/commands/bitswap.go) */
export async function printBitswapStat (ctx: CliContext, flags: { verbose?: boolean, human?: boolean } & CidBaseFlags): Promise<void> {
  const enc = await cidOutput(flags)
  const api = await ctx.api({ online: true })
  const s = await api.stats.bitswap({ signal: ctx.signal })
  if (ctx.print.enc === 'json') { ctx.print.json(bitswapStatJson(s)); return }
  const size = (n: number): string => flags.human === true ? formatSiBytes(n) : String(n)
  ctx.print.line('bitswap status')
  ctx.print.line(`\tblocks received: ${s.blocksReceived}`)
  ctx.print.line(`\tblocks sent: ${s.blocksSent}`)
  ctx.print.line(`\tdata received: ${size(s.dataReceived)}`)
  ctx.print.line(`\tdata sent: ${size(s.dataSent)}`)
  ctx.print.line(`\tdup blocks received: ${s.dupBlksReceived}`)
  ctx.print.line(`\tdup data received: ${size(s.dupDataReceived)}`)
  ctx.print.line(`\twantlist [${s.wantlist.length} keys]`)
  for (const cid of s.wantlist) ctx.print.line(`\t\t${enc(cid)}`)
  ctx.print.line(`\tpartners [${s.peers.length}]`)
  if (flags.verbose === true) for (const p of s.peers) ctx.print.line(`\t\t${p}`)
}

export function registerAdmin (program: Command, stats: Command, ctx: CliContext): void {
  program.command('ping')
    .description('Send echo request packets to IPFS hosts')
    .argument('<peer>', 'the peer ID (or a multiaddr ending in /p2p/<peer id>) to ping')
    .option('-n, --count <n>', 'number of ping messages to send', (v: string) => parseInteger(v), 10)
    .action(async (peer: string, flags: { count: number }) => {
      const api = await ctx.api({ online: true })
      for await (const r of api.ping(peer, { count: flags.count, signal: ctx.signal })) {
        if (ctx.print.enc === 'json') ctx.print.json({ Success: r.success, Time: r.timeNs, Text: r.text })
        else if (r.text !== '') ctx.print.line(r.text)
        else if (r.success) ctx.print.line(`Pong received: time=${(r.timeNs / 1e6).toFixed(2)} ms`)
        else ctx.print.line('Pong failed')
      }
    })

  const bitswap = program.command('bitswap').description('Interact with the bitswap agent')
  withCidBase(bitswap.command('stat'))
    .description('Show diagnostic information on the bitswap agent')
    .option('-v, --verbose', 'print extra information')
    .option('--human', 'print sizes in human readable format (e.g., 1K 234M 2G)')
    .action(async (flags: { verbose?: boolean, human?: boolean } & CidBaseFlags) => { await printBitswapStat(ctx, flags) })
  withCidBase(bitswap.command('wantlist'))
    .description('Show blocks currently on the wantlist')
    .option('-p, --peer <peer>', 'show the wantlist of this peer (default: self)')
    .action(async (flags: { peer?: string } & CidBaseFlags) => {
      const enc = await cidOutput(flags)
      const api = await ctx.api({ online: true })
      const keys = await api.bitswap.wantlist({ peer: flags.peer, signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Keys: keys.map(k => ({ '/': k.toString() })) })
      else for (const k of keys.map(enc).sort()) ctx.print.line(k)
    })
  bitswap.command('ledger')
    .description('Show the current ledger for a peer')
    .argument('<peer>', 'the peer ID of the ledger to inspect')
    .action(async (peer: string) => {
      const api = await ctx.api({ online: true })
      const l = await api.bitswap.ledger(peer, { signal: ctx.signal })
      if (ctx.print.enc === 'json') { ctx.print.json({ Peer: l.peer, Value: l.value, Sent: l.sent, Recv: l.recv, Exchanged: l.exchanged }); return }
      ctx.print.line(`Ledger for ${l.peer}`)
      ctx.print.line(`Debt ratio:\t${l.value.toFixed(6)}`)
      ctx.print.line(`Exchanges:\t${l.exchanged}`)
      ctx.print.line(`Bytes sent:\t${l.sent}`)
      ctx.print.line(`Bytes received:\t${l.recv}`)
      ctx.print.line('')
    })
  bitswap.command('reprovide')
    .description('Trigger a reprovide (deprecated: use `routing reprovide`)')
    .action(async () => {
      const api = await ctx.api({ online: true })
      await api.routing.reprovide({ signal: ctx.signal })
    })

  stats.command('provide')
    .description('Show provider statistics (deprecated: use `provide stat`)')
    .action(async () => { await printProvideStat(ctx) })
  stats.command('reprovide')
    .description('Show reprovider statistics (deprecated: use `provide stat`)')
    .action(async () => { await printProvideStat(ctx) })
  stats.command('dht')
    .description("Show the node's DHT routing table by bucket")
    .argument('[dht...]', 'tables to list (wan, lan, wanserver, lanserver); Cairn keeps one, wan')
    .action(async (names: string[]) => {
      for (const n of names) if (!['wan', 'lan', 'wanserver', 'lanserver'].includes(n)) throw new UsageError(`unknown dht type: ${n}`)
      const api = await ctx.api({ online: true })
      const tables = (await api.stats.dht({ signal: ctx.signal })).filter(t => names.length === 0 || names.includes(t.name))
      for (const t of tables) {
        if (ctx.print.enc === 'json') {
          ctx.print.json({ Name: t.name, Buckets: t.buckets.map(b => ({ LastRefresh: b.lastRefresh, Peers: b.peers.map(p => ({ ID: p.id, Connected: p.connected, AgentVersion: p.agentVersion, LastUsefulAt: p.lastUsefulAt, LastQueriedAt: p.lastQueriedAt })) })) })
          continue
        }
        const count = t.buckets.reduce((n, b) => n + b.peers.length, 0)
        ctx.print.line(`DHT ${t.name} (${count} peers):`)
        t.buckets.forEach((b, i) => {
          ctx.print.line(`  Bucket ${String(i).padStart(2)} (${b.peers.length} peers):`)
          ctx.print.line('    Peer\tlast useful\tlast queried\tAgent Version')
          for (const p of b.peers) ctx.print.line(`  ${p.connected ? '@' : ' '} ${p.id}\t${p.lastUsefulAt}\t${p.lastQueriedAt}\t${p.agentVersion}`)
        })
      }
    })

  program.command('shutdown')
    .description('Shut down the daemon')
    .action(async () => {
      const api = await ctx.api()
      await api.shutdown({ signal: ctx.signal })
    })
}

/** `diag sys|cmds`, `log level|ls|tail` and `version deps` */
export function registerDiagnostics (program: Command, version: Command, ctx: CliContext): void {
  const diag = program.command('diag').description('Generate diagnostic reports')
  diag.command('sys')
    .description('Print system diagnostic information')
    .action(async () => {
      const api = await ctx.api()
      ctx.print.jsonIndented(await api.diag.sys({ signal: ctx.signal }))
    })
  const cmds = diag.command('cmds')
    .description('List commands the daemon runs and ran in the last minute')
    .option('-v, --verbose', 'print extra information')
    .action(async () => {
      const api = await ctx.api({ online: true })
      const list = await api.diag.cmds({ signal: ctx.signal })
      if (ctx.print.enc === 'json') {
        ctx.print.json(list.map(c => ({ Active: c.active, Args: c.args, Command: c.command, EndTime: c.endTime ?? '0001-01-01T00:00:00Z', ID: c.id, Options: c.options, StartTime: c.startTime })))
        return
      }
      const runTime = (c: { startTime: string, endTime?: string }): string => `${((Date.parse(c.endTime ?? new Date().toISOString()) - Date.parse(c.startTime)) / 1000).toFixed(3)}s`
      for (const line of tabulate([['Command', 'Active', 'StartTime', 'RunTime'], ...list.map(c => [c.command, String(c.active), c.startTime, runTime(c)])])) ctx.print.line(line)
    })
  cmds.command('clear')
    .description('Clear the list of finished commands')
    .action(async () => {
      const api = await ctx.api({ online: true })
      await api.diag.clearCmds({ signal: ctx.signal })
    })
  cmds.command('set-time')
    .description('Set how long finished commands stay listed')
    .argument('<time>', 'a Go duration such as 1m or 30s')
    .action(async (time: string) => {
      const api = await ctx.api({ online: true })
      await api.diag.setCmdsTime(time, { signal: ctx.signal })
    })

  // Kubo's `diag datastore`: raw keys of the repo's datastore, with the daemon stopped (its lock)
  const datastore = diag.command('datastore').description('Low-level datastore inspection for debugging and testing (the daemon must not run)')
  const stopped = async (): Promise<void> => {
    const running = await readApiFile(ctx.config.repoPath)
    if (running != null && await isDaemonAlive(running)) throw new DaemonRunningError('cairn daemon is running. please stop it to run this command')
  }
  datastore.command('get')
    .description('Read a raw key from the datastore')
    .argument('<key>', 'datastore key to read (e.g., /peers/...)')
    .option('--hex', 'output a hex dump instead of raw bytes')
    .action(async (key: string, flags: { hex?: boolean }) => {
      await stopped()
      const { value = new Uint8Array() } = await (await ctx.backend()).datastore(ctx.config.repoPath, { op: 'get', key })
      if (ctx.print.enc === 'json') ctx.print.json({ key, value: Buffer.from(value).toString('base64'), ...(flags.hex === true ? { hex_dump: hexDump(value) } : {}) })
      else if (flags.hex === true) ctx.print.text(`Key: ${key}\nHex Dump:\n${hexDump(value)}`, 'stdout')
      else await ctx.print.bytes(value)
    })
  datastore.command('put')
    .description('Write a raw key-value pair to the datastore')
    .argument('<key>', 'datastore key (e.g., /test/mykey)')
    .argument('<value>', 'value to store (as a string)')
    .action(async (key: string, value: string) => {
      await stopped()
      await (await ctx.backend()).datastore(ctx.config.repoPath, { op: 'put', key, value: new TextEncoder().encode(value) })
    })
  datastore.command('count')
    .description('Count entries matching a datastore prefix')
    .argument('<prefix>', 'datastore key prefix (e.g., /peers/)')
    .action(async (prefix: string) => {
      await stopped()
      const { count = 0 } = await (await ctx.backend()).datastore(ctx.config.repoPath, { op: 'count', prefix })
      if (ctx.print.enc === 'json') ctx.print.json({ prefix, count })
      else ctx.print.line(String(count))
    })

  diag.command('profile')
    .description('Collect a performance profile of the daemon into a zip (version, V8 heap snapshot, CPU profile)')
    .option('-o, --output <path>', 'where the .zip goes (default: ./cairn-profile-<timestamp>.zip)')
    .option('--collectors <list>', "Kubo's collectors, comma-separated (Go-only ones add nothing)")
    .option('--profile-time <duration>', 'how long the CPU profile samples; 0 skips it', '30s')
    .option('--mutex-profile-fraction <n>', 'accepted for Kubo (Go only)')
    .option('--block-profile-rate <duration>', 'accepted for Kubo (Go only)')
    .action(async (flags: { output?: string, collectors?: string, profileTime: string }) => {
      const api = await ctx.api({ online: true })
      if (api.diag.profile == null) throw new UsageError('diag profile needs a running daemon')
      const { createWriteStream } = await import('node:fs')
      const { resolve } = await import('node:path')
      const { pipeline } = await import('node:stream/promises')
      const path = flags.output ?? `cairn-profile-${new Date().toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '_')}.zip`
      const zip = api.diag.profile({ collectors: flags.collectors?.split(',').map(c => c.trim()).filter(c => c !== ''), profileTime: flags.profileTime, signal: ctx.signal })
      await pipeline(zip, createWriteStream(resolve(ctx.cwd, path)), { signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ File: path })
      else ctx.print.line(`Wrote profiles to: ${path}`)
    })

  // Kubo's container healthcheck: the DAG pipeline answers for the empty directory every node has
  diag.command('healthy')
    .description('Report whether the daemon is operational (exit 0 if so)')
    .action(async () => {
      const api = await ctx.api({ online: true })
      const probe = 'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn'
      await api.resolve(`/ipfs/${probe}`, { signal: ctx.signal }).catch((err: Error) => { throw new Error(`probe resolve: ${err.message}`, { cause: err }) })
      await api.dag.get(probe, { signal: ctx.signal }).catch((err: Error) => { throw new Error(`probe fetch: ${err.message}`, { cause: err }) })
      // Kubo's command has no text encoder: its CLI prints the JSON string
      ctx.print.line('"ok"')
    })

  const log = program.command('log').description('Interact with the daemon log output')
  log.command('level')
    .description('Show or change the logging level (debug, info, warn, error, dpanic, panic, fatal, default)')
    .argument('[subsystem]', "the subsystem (`all` or '*' for every one)")
    .argument('[level]', 'the level to set')
    .action(async (subsystem: string | undefined, level: string | undefined) => {
      const api = await ctx.api({ online: true })
      const r = await api.logging.level(subsystem, level, { signal: ctx.signal })
      if (ctx.print.enc === 'json') { ctx.print.json(r.message != null ? { Message: r.message } : { Levels: r.levels }); return }
      if (r.message != null) { ctx.print.text(r.message, 'stdout'); return }
      const entries = Object.entries(r.levels ?? {})
      const lines = entries.map(([s, l]) => entries.length > 1 ? `${s}: ${l}` : l).sort()
      for (const line of lines) ctx.print.line(line)
    })
  log.command('ls')
    .description('List the logging subsystems')
    .action(async () => {
      const api = await ctx.api({ online: true })
      const list = await api.logging.ls({ signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Strings: list })
      else for (const s of list) ctx.print.line(s)
    })
  log.command('tail')
    .description("Print the daemon's log lines as they are written (JSON), at the levels `log level` set")
    .option('--log-level <level>', 'only lines at this level or above')
    .action(async (flags: { logLevel?: string }) => {
      const api = await ctx.api({ online: true })
      for await (const line of api.logging.tail({ signal: ctx.signal, level: flags.logLevel })) ctx.print.text(JSON.stringify(line) + '\n', 'stdout')
    })

  version.command('check')
    .description('Check this version against the peers in the routing table that run Cairn')
    .option('-t, --min-percent <percent>', 'percentage (1-100) of sampled peers with a newer version that makes an update available', (v: string) => parseInteger(v), 5)
    .action(async (flags: { minPercent: number }) => {
      const api = await ctx.api({ online: true })
      // Kubo's command has no text form: it prints the JSON
      ctx.print.json(await api.diag.versionCheck({ minPercent: flags.minPercent, signal: ctx.signal }))
    })

  version.command('deps')
    .description('Show the dependencies of this build and their versions')
    .action(async () => {
      const { dependencyVersions } = await import('../deps.ts')
      for (const d of await dependencyVersions()) {
        if (ctx.print.enc === 'json') ctx.print.json({ Path: d.path, Version: d.version, ReplacedBy: '', Sum: '' })
        else ctx.print.line(`${d.path}@${d.version}`)
      }
    })
}
