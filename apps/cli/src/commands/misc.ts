/** `init`, `config`, `stats bw` and `version` */
import { Option } from 'commander'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { RepoExistsError, UsageError } from '../errors.ts'
import { bandwidthJson, formatBandwidth, formatConfigValue, parseConfigValue } from '../format.ts'
import { versionInfo, versionLines } from '../version.ts'
import type { VersionFlags } from '../version.ts'

export function registerMisc (program: Command, ctx: CliContext): void {
  program.command('init')
    .description('Initialise a Cairn repo at $CAIRN_PATH (default ~/.cairn)')
    .addOption(new Option('-p, --profile <profile>', 'configuration profile: test has no bootstrap peers, no mDNS, loopback addresses and free ports').choices(['default', 'test']).default('default'))
    .action(async (flags: { profile: 'default' | 'test' }) => {
      const repo = ctx.config.repoPath
      const backend = await ctx.backend()
      if (await backend.isRepoInitialized(repo)) {
        throw new RepoExistsError(`a Cairn repo already exists at ${repo}: reinitializing would overwrite its keys`)
      }
      ctx.print.line('generating ED25519 keypair...done')
      const peerId = await backend.initRepo(repo, { profile: flags.profile })
      ctx.print.line(`peer identity: ${peerId}`)
      ctx.print.line(`initializing Cairn node at ${repo}`)
    })

  const config = program.command('config')
    .description("Get and set configuration values (Kubo's `config KEY [VALUE]`)")
    .argument('[key]', 'the dotted key, such as Addresses.API')
    .argument('[value]', 'the value to set')
    .option('--json', 'parse VALUE as JSON')
    .option('--bool', 'parse VALUE as a boolean')
    .action(async (key: string | undefined, value: string | undefined, flags: { json?: boolean, bool?: boolean }) => {
      if (key == null) throw new UsageError("argument 'key' is required (or use `cairn config show`)")
      if (value == null) await getValue(key)
      else await setValue(key, value, flags)
    })

  const getValue = async (key: string): Promise<void> => {
    const api = await ctx.api()
    const value = await api.config.get(key, { signal: ctx.signal })
    if (ctx.print.enc === 'json') ctx.print.json({ Key: key, Value: value })
    else ctx.print.line(formatConfigValue(value))
  }
  const setValue = async (key: string, raw: string, flags: { json?: boolean, bool?: boolean }): Promise<void> => {
    let value: unknown
    try {
      value = parseConfigValue(raw, flags)
    } catch (err) {
      throw new UsageError(`failed to parse value for ${key}: ${(err as Error).message}`, { cause: err })
    }
    const api = await ctx.api()
    await api.config.set(key, value, { signal: ctx.signal })
    if (ctx.print.enc === 'json') ctx.print.json({ Key: key, Value: value })
  }

  config.command('show')
    .description('Print the whole config file')
    .action(async () => {
      const api = await ctx.api()
      const shown = await api.config.show({ signal: ctx.signal })
      ctx.print.line(JSON.stringify(shown, null, 2))
    })

  config.command('get')
    .description('Print one configuration value')
    .argument('<key>', 'the dotted key')
    .action(async (key: string) => { await getValue(key) })

  config.command('set')
    .description('Set one configuration value')
    .argument('<key>', 'the dotted key')
    .argument('<value>', 'the value')
    .option('--json', 'parse VALUE as JSON')
    .option('--bool', 'parse VALUE as a boolean')
    // `--json` after `set` is also claimed by the parent `config`: read both
    .action(async (key: string, value: string, _flags: unknown, command: Command) => {
      await setValue(key, value, command.optsWithGlobals())
    })

  const stats = program.command('stats').description('Usage statistics')

  stats.command('bw')
    .description('Print bandwidth totals and rates')
    .action(async () => {
      const api = await ctx.api()
      const bw = await api.stats.bw({ signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json(bandwidthJson(bw))
      else for (const line of formatBandwidth(bw)) ctx.print.line(line)
    })

  stats.command('bitswap')
    .description('Show diagnostic information on the bitswap agent')
    .option('-v, --verbose', 'print extra information (the partners)')
    .action(async (flags: { verbose?: boolean }) => {
      const api = await ctx.api()
      const s = await api.stats.bitswap({ signal: ctx.signal })
      if (ctx.print.enc === 'json') {
        ctx.print.json({
          Wantlist: s.wantlist.map(cid => ({ '/': cid.toString() })),
          Peers: s.peers,
          BlocksReceived: s.blocksReceived,
          DataReceived: s.dataReceived,
          BlocksSent: s.blocksSent,
          DataSent: s.dataSent,
          DupBlksReceived: s.dupBlksReceived,
          DupDataReceived: s.dupDataReceived
        })
        return
      }
      // Kubo's text: core/commands/bitswap.go
      ctx.print.line('bitswap status')
      ctx.print.line(`\tblocks received: ${s.blocksReceived}`)
      ctx.print.line(`\tblocks sent: ${s.blocksSent}`)
      ctx.print.line(`\tdata received: ${s.dataReceived}`)
      ctx.print.line(`\tdata sent: ${s.dataSent}`)
      ctx.print.line(`\tdup blocks received: ${s.dupBlksReceived}`)
      ctx.print.line(`\tdup data received: ${s.dupDataReceived}`)
      ctx.print.line(`\twantlist [${s.wantlist.length} keys]`)
      for (const cid of s.wantlist) ctx.print.line(`\t\t${cid.toString()}`)
      ctx.print.line(`\tpartners [${s.peers.length}]`)
      if (flags.verbose === true) for (const p of s.peers) ctx.print.line(`\t\t${p}`)
    })

  // Kubo's `ipfs version` runs in the client (`doesNotUseRepo`): no repo, no daemon, nothing loaded
  program.command('version')
    .description('Show version information')
    .option('-n, --number', 'only show the version number')
    .option('--commit', 'show the commit hash')
    .option('--repo', 'show the repo version')
    .option('--all', 'show all version information')
    .action((flags: VersionFlags) => {
      if (ctx.print.enc === 'json') { ctx.print.json(versionInfo()); return }
      for (const line of versionLines(flags)) ctx.print.line(line)
    })
}
