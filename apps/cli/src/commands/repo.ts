/** `repo gc|stat|verify|version|ls` */
import { CairnError, RepoNotInitializedError } from '@cairn/interface'
import { UsageError } from '../errors.ts'
import { parseInteger } from './parse.ts'
import type { Command } from 'commander'
import { versionInfo } from '../version.ts'
import type { CliContext } from '../context.ts'
import { formatRepoStat, repoStatJson } from '../format.ts'
import { printLocalRefs } from './refs.ts'

export function registerRepo (program: Command, ctx: CliContext): void {
  const repo = program.command('repo').description('Manipulate the Cairn repo')

  repo.command('gc')
    .description('Remove blocks that no pin needs')
    .option('-q, --quiet', 'write minimal output')
    .option('--stream-errors', 'report errors as they happen and carry on (always the case)')
    .action(async (flags: { quiet?: boolean }) => {
      const api = await ctx.api()
      let failures = 0
      for await (const r of api.repo.gc({ signal: ctx.signal })) {
        if (r.error != null) {
          failures++
          if (ctx.print.enc === 'json') ctx.print.json({ Error: r.error })
          else ctx.print.notice(r.error)
        } else if (r.cid != null) {
          if (ctx.print.enc === 'json') ctx.print.json({ Key: { '/': r.cid.toString() } })
          else ctx.print.line(flags.quiet === true ? r.cid.toString() : `removed ${r.cid.toString()}`)
        }
      }
      if (failures > 0) throw new CairnError(`encountered ${failures} errors during gc`)
    })

  repo.command('stat')
    .description('Get stats for the repo')
    .option('-s, --size-only', 'only report RepoSize and StorageMax')
    .option('-H, --human', 'print sizes in human readable form')
    .action(async (flags: { sizeOnly?: boolean, human?: boolean }) => {
      const api = await ctx.api()
      const stats = await api.repo.stat({ signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json(repoStatJson(stats, flags))
      else for (const line of formatRepoStat(stats, flags)) ctx.print.line(line)
    })

  // Kubo's `repo migrate`. Cairn has one repo version; the block store's own layout changes are
  // migrated in place when a repo is opened, so there is never a version to move to
  repo.command('migrate')
    .description('Apply repository migrations to a version (Cairn has one: nothing to migrate)')
    .option('--to <version>', 'target repository version', (v: string) => parseInteger(v))
    .option('--allow-downgrade', 'allow downgrading to a lower repo version')
    .action(async (flags: { to?: number, allowDowngrade?: boolean }) => {
      if (!await (await ctx.backend()).isRepoInitialized(ctx.config.repoPath)) throw new RepoNotInitializedError()
      const current = Number(versionInfo().Repo)
      const target = flags.to ?? current
      if (target === current) {
        ctx.print.line(`Repository is already at version ${target}.`)
        return
      }
      if (target < current && flags.allowDowngrade !== true) throw new UsageError(`downgrade from version ${current} to ${target} requires --allow-downgrade flag`)
      throw new UsageError(`no migration from version ${current} to ${target}: this build reads and writes repo version ${current} only`)
    })

  // Kubo answers it without the repo: the version this build writes
  repo.command('version')
    .description('Show the repo version')
    .option('-q, --quiet', 'write minimal output')
    .action((flags: { quiet?: boolean }) => {
      const version = versionInfo().Repo
      if (ctx.print.enc === 'json') ctx.print.json({ Version: version })
      else ctx.print.line(flags.quiet === true ? `fs-repo@${version}` : `ipfs repo version fs-repo@${version}`)
    })

  repo.command('verify')
    .description('Verify every block in the repo hashes to its CID')
    .action(async () => {
      const api = await ctx.api()
      let last = ''
      for await (const m of api.repo.verify({ signal: ctx.signal })) {
        if (ctx.print.enc === 'json') ctx.print.json(m.progress != null ? { Msg: m.msg, Progress: m.progress } : { Msg: m.msg })
        else if (m.msg !== '') ctx.print.line(m.msg)
        if (m.msg !== '') last = m.msg
      }
      // the summary says whether all was well; Kubo exits non-zero when it was not
      if (/corrupt|fail|unreadable|mismatch/i.test(last)) throw new CairnError(last)
    })

  repo.command('ls')
    .description("List all local references (Kubo's other name for `refs local`)")
    .action(async () => { await printLocalRefs(ctx) })
}
