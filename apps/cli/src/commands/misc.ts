/** `init`, `config`, `stats bw` and `version` */
import { Option } from 'commander'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { RepoExistsError, UsageError } from '../errors.ts'
import { parseDuration } from '@cairn/interface'
import type { BandwidthStats } from '@cairn/interface'
import { bandwidthJson, formatBandwidth, formatConfigValue, formatRepoStat, formatSiBytes, parseConfigValue, repoStatJson } from '../format.ts'
import { versionInfo, versionLines } from '../version.ts'
import { printBitswapStat, registerAdmin, registerDiagnostics } from './admin.ts'
import { withCidBase } from './cid-base.ts'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { readAll } from './stdin.ts'
import { configDiff, PROFILE_NAMES } from '../config-diff.ts'
import type { VersionFlags } from '../version.ts'

export function registerMisc (program: Command, ctx: CliContext): void {
  program.command('init')
    .description('Initialise a Cairn repo at $CAIRN_PATH (default ~/.cairn)')
    .addOption(new Option('-p, --profile <profile>', 'configuration profile: test has no bootstrap peers, no mDNS, loopback addresses and free ports').choices(['default', 'test']).default('default'))
    .option('-e, --empty-repo', "don't add and pin help files to the local storage (the default, as Kubo's)", true)
    .option('--no-empty-repo', 'add and pin the help files (Kubo: --empty-repo=false)')
    .action(async (flags: { profile: 'default' | 'test', emptyRepo: boolean }) => {
      const repo = ctx.config.repoPath
      const backend = await ctx.backend()
      if (await backend.isRepoInitialized(repo)) {
        throw new RepoExistsError(`a Cairn repo already exists at ${repo}: reinitializing would overwrite its keys`)
      }
      ctx.print.line('generating ED25519 keypair...done')
      const peerId = await backend.initRepo(repo, { profile: flags.profile })
      ctx.print.line(`peer identity: ${peerId}`)
      ctx.print.line(`initializing Cairn node at ${repo}`)
      if (!flags.emptyRepo) {
        const { INIT_DOCS } = await import('../init-doc.ts')
        const api = await ctx.api()
        const docs = Object.entries(INIT_DOCS).map(([name, text]) => ({ path: `init-doc/${name}`, content: new TextEncoder().encode(text) }))
        let root: string | undefined
        for await (const added of api.add(docs, { signal: ctx.signal, pin: true })) {
          if (added.path === 'init-doc') root = added.cid.toString()
        }
        ctx.print.line('to get started, enter:')
        ctx.print.line(`\n\tcairn cat /ipfs/${root ?? ''}/readme\n`)
      }
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

  config.command('replace')
    .description('Replace the config with <file> (the identity is kept)')
    .argument('<file>', 'the file to use as the new config (- for stdin)')
    .action(async (file: string) => {
      const raw = file === '-' ? await readAll(ctx.stdin) : await readFile(resolve(ctx.cwd, file))
      let parsed: unknown
      try {
        parsed = JSON.parse(new TextDecoder().decode(raw))
      } catch (err) {
        throw new UsageError('failed to decode file as config', { cause: err })
      }
      const api = await ctx.api()
      await api.config.replace(parsed as Record<string, unknown>, { signal: ctx.signal })
    })

  config.command('profile')
    .description('Apply profiles to config')
    .command('apply')
    .description(`Apply profile to config (${Object.keys(PROFILE_NAMES).join(', ')})`)
    .argument('<profile>', 'the profile to apply')
    .option('--dry-run', 'print the difference without changing the config')
    .action(async (name: string, flags: { dryRun?: boolean }) => {
      const api = await ctx.api()
      const { oldConfig, newConfig } = await api.config.applyProfile(name, { dryRun: flags.dryRun, signal: ctx.signal })
      if (ctx.print.enc === 'json') { ctx.print.json({ OldCfg: oldConfig, NewCfg: newConfig }); return }
      for (const line of configDiff(oldConfig, newConfig)) ctx.print.line(line)
    })

  config.command('edit')
    .description('Open the config file for editing in $EDITOR')
    .action(async () => {
      const editor = process.env.EDITOR ?? ''
      if (editor === '') throw new UsageError('ENV variable $EDITOR not set')
      const [command, ...args] = editor.split(/\s+/).filter(a => a !== '')
      const { spawn } = await import('node:child_process')
      // Kubo's edit works on the file itself, daemon or not
      const file = join(ctx.config.repoPath, 'config')
      const code = await new Promise<number | null>((resolveExit, reject) => {
        const child = spawn(command, [...args, file], { stdio: 'inherit' })
        child.on('error', reject)
        child.on('close', resolveExit)
      })
      if (code !== 0) throw new UsageError(`exit status ${code ?? 1}`)
    })

  const stats = program.command('stats').description('Usage statistics')

  stats.command('bw')
    .description('Print bandwidth totals and rates')
    .option('-p, --peer <peer>', 'only this peer (bytes over its connections, handshakes included)')
    .option('-t, --proto <protocol>', 'only this protocol, such as /ipfs/bitswap/1.2.0')
    .option('--poll', 'print bandwidth at an interval')
    .option('-i, --interval <duration>', 'time between updates with --poll', '1s')
    .action(async (flags: { peer?: string, proto?: string, poll?: boolean, interval: string }) => {
      if (flags.peer != null && flags.proto != null) throw new UsageError('please only specify peer OR protocol')
      const intervalMs = parseDuration(flags.interval)
      const api = await ctx.api({ online: true })
      const read = async (): Promise<BandwidthStats> => api.stats.bw({ signal: ctx.signal, peer: flags.peer, proto: flags.proto })
      if (flags.poll !== true) {
        const bw = await read()
        if (ctx.print.enc === 'json') ctx.print.json(bandwidthJson(bw))
        else for (const line of formatBandwidth(bw)) ctx.print.line(line)
        return
      }
      // Kubo's --poll: a header, then one line rewritten in place, until interrupted
      if (ctx.print.enc === 'text') ctx.print.line('Total Up    Total Down  Rate Up     Rate Down')
      while (!ctx.signal.aborted) {
        const bw = await read()
        if (ctx.print.enc === 'json') ctx.print.json(bandwidthJson(bw))
        else ctx.print.text(`${formatSiBytes(Number(bw.totalOut)).padStart(8)}    ${formatSiBytes(Number(bw.totalIn)).padStart(8)}    ${formatSiBytes(bw.rateOut).padStart(8)}/s  ${formatSiBytes(bw.rateIn).padStart(8)}/s      \r`, 'stdout')
        await new Promise<void>(resolve => {
          const timer = setTimeout(resolve, intervalMs)
          ctx.signal.addEventListener('abort', () => { clearTimeout(timer); resolve() }, { once: true })
        })
      }
    })

  withCidBase(stats.command('bitswap'))
    .description('Show diagnostic information on the bitswap agent')
    .option('-v, --verbose', 'print extra information (the partners)')
    .option('--human', 'print sizes in human readable format (e.g., 1K 234M 2G)')
    .action(async (flags: { verbose?: boolean, human?: boolean, cidBase?: string }) => { await printBitswapStat(ctx, flags) })

  // Kubo's `stats repo` is `repo stat` under another name
  stats.command('repo')
    .description('Get stats for the repo (as `repo stat`)')
    .option('-s, --size-only', 'only report RepoSize and StorageMax')
    .option('-H, --human', 'print sizes in human readable form')
    .action(async (flags: { sizeOnly?: boolean, human?: boolean }) => {
      const api = await ctx.api()
      const stats = await api.repo.stat({ signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json(repoStatJson(stats, flags))
      else for (const line of formatRepoStat(stats, flags)) ctx.print.line(line)
    })

  registerAdmin(program, stats, ctx)

  // Kubo's `ipfs version` runs in the client (`doesNotUseRepo`): no repo, no daemon, nothing loaded
  const version = program.command('version')
    .description('Show version information')
    .option('-n, --number', 'only show the version number')
    .option('--commit', 'show the commit hash')
    .option('--repo', 'show the repo version')
    .option('--all', 'show all version information')
    .action((flags: VersionFlags) => {
      if (ctx.print.enc === 'json') { ctx.print.json(versionInfo()); return }
      for (const line of versionLines(flags)) ctx.print.line(line)
    })
  registerDiagnostics(program, version, ctx)
}
