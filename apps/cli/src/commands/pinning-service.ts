/**
 * `cairn pinning-service token create|ls|revoke|purge`: the bearer tokens of the Pinning Service API
 * this node serves on `Pinning.Service.Listen`. They work on the repo's tokens file directly, with
 * or without a daemon: a running daemon sees the change on the next request.
 */
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { InvalidParametersError, RepoNotInitializedError } from '@cairn/interface'
import type { TokenInfo } from '@cairn/pinning-service'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'

/** Checks the repo, then loads the service's token functions (only these commands need them) */
async function tokens (repo: string): Promise<typeof import('@cairn/pinning-service')> {
  try {
    await access(join(repo, 'config'))
  } catch {
    throw new RepoNotInitializedError()
  }
  return import('@cairn/pinning-service')
}

function quota (value: string | undefined, flag: string): number | undefined {
  if (value == null) return undefined
  if (!/^\d{1,15}$/.test(value)) throw new InvalidParametersError(`${flag} must be a whole number of 0 or more, got '${value.slice(0, 40)}'`)
  return Number(value)
}

function tokenJson (info: TokenInfo): Record<string, unknown> {
  return {
    ID: info.id,
    Name: info.name,
    Created: info.created,
    ...(info.maxPins != null ? { MaxPins: info.maxPins } : {}),
    ...(info.maxBytes != null ? { MaxBytes: info.maxBytes } : {})
  }
}

export function registerPinningService (program: Command, ctx: CliContext): void {
  const svc = program.command('pinning-service')
    .description('The Pinning Service API this node serves to others (Pinning.Service.Listen)')
  const token = svc.command('token').description('Bearer tokens of the pinning service: each sees only its own pins')

  token.command('create')
    .description('Create a token and print it (only its hash is kept: it is shown this once)')
    .option('-n, --name <name>', 'a unique name for the token (letters, digits, . _ -)')
    .option('--max-pins <n>', 'pin requests this token may hold (default Pinning.Service.MaxPinsPerToken)')
    .option('--max-bytes <n>', 'bytes of pinned DAGs this token may hold, 0 for no limit (default Pinning.Service.MaxBytesPerToken)')
    .action(async (flags: { name?: string, maxPins?: string, maxBytes?: string }) => {
      const repo = ctx.config.repoPath
      const { createToken } = await tokens(repo)
      const { token: secret, info } = await createToken(repo, {
        ...(flags.name != null ? { name: flags.name } : {}),
        ...(flags.maxPins != null ? { maxPins: quota(flags.maxPins, '--max-pins') } : {}),
        ...(flags.maxBytes != null ? { maxBytes: quota(flags.maxBytes, '--max-bytes') } : {})
      })
      if (ctx.print.enc === 'json') ctx.print.json({ ...tokenJson(info), Token: secret })
      else ctx.print.line(secret)
    })

  token.command('ls')
    .description('List the tokens (names, ids and quotas; never the secrets)')
    .action(async () => {
      const repo = ctx.config.repoPath
      const { listTokens } = await tokens(repo)
      const all = await listTokens(repo)
      if (ctx.print.enc === 'json') {
        ctx.print.json({ Tokens: all.map(tokenJson) })
        return
      }
      for (const t of all) {
        const limits = [t.maxPins != null ? `max-pins=${t.maxPins}` : '', t.maxBytes != null ? `max-bytes=${t.maxBytes}` : ''].filter(s => s !== '').join(' ')
        ctx.print.line(`${t.name}\t${t.id}\t${t.created}${limits !== '' ? `\t${limits}` : ''}`)
      }
    })

  token.command('revoke')
    .description('Revoke a token by name or id: its requests are refused from then on (its pins stay unless --purge)')
    .argument('<name>', 'the token\'s name or id')
    .option('--purge', 'also remove its pin requests and unpin what only they held (done by the pinning service: at once if the daemon runs, else at its next start)')
    .action(async (nameOrId: string, flags: { purge?: boolean }) => {
      const repo = ctx.config.repoPath
      const { revokeToken } = await tokens(repo)
      const info = await revokeToken(repo, nameOrId, { purge: flags.purge === true })
      if (ctx.print.enc === 'json') ctx.print.json({ ...tokenJson(info), Purge: flags.purge === true })
      else ctx.print.line(`revoked ${info.name}${flags.purge === true ? ' (its pin requests are purged)' : ''}`)
    })

  token.command('purge')
    .description('Remove the pin requests of a token revoked earlier (by its id), or of every revoked token (no id), and unpin what only they held')
    .argument('[id]', 'the revoked token\'s id (16 hex digits, as `token ls` showed it)')
    .action(async (id: string | undefined) => {
      const repo = ctx.config.repoPath
      const { requestPurge, PURGE_ALL_REVOKED } = await tokens(repo)
      await requestPurge(repo, id ?? PURGE_ALL_REVOKED)
      if (ctx.print.enc === 'json') ctx.print.json({ Purge: id ?? PURGE_ALL_REVOKED })
      else ctx.print.line(`purge of ${id != null ? `token ${id}` : 'every revoked token'}'s pin requests asked (the pinning service does it: at once if the daemon runs, else at its next start)`)
    })
}
