/** `pin remote add|ls|rm` and `pin remote service add|ls|rm`, with Kubo's flags and output lines */
import type { RemotePinQuery, RemotePinStatusName } from '@cairn/interface'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { escNonPrint, tabulate } from '../format.ts'

/** Kubo's DelimitedStringsOption: repeatable, each value comma-separated */
const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map(s => s.trim()).filter(s => s !== '')]

interface QueryFlags { service?: string, name?: string, cid?: string[], status?: string[] }

function query (flags: QueryFlags, signal: AbortSignal): RemotePinQuery {
  return {
    signal,
    service: flags.service ?? '',
    ...(flags.name != null ? { name: flags.name } : {}),
    ...(flags.cid != null && flags.cid.length > 0 ? { cids: flags.cid } : {}),
    ...(flags.status != null && flags.status.length > 0 ? { status: flags.status as RemotePinStatusName[] } : {})
  }
}

function queryOptions (command: Command, verb: 'Return' | 'Remove'): Command {
  return command
    .option('--service <service>', 'name of the remote pinning service to use (mandatory)')
    .option('--name <name>', `${verb} pins with names that contain the value provided (case-sensitive, exact match)`)
    .option('--cid <cids>', `${verb} pins for the specified CIDs (comma-separated)`, collect)
    .option('--status <statuses>', `${verb} pins with the specified statuses (queued,pinning,pinned,failed)`, collect)
}

export function registerPinRemote (pin: Command, ctx: CliContext): void {
  const remote = pin.command('remote').description('Pin (and unpin) objects to remote pinning service')

  remote.command('add')
    .description('Pin object to remote pinning service')
    .argument('<ipfs-path>', 'CID or Path to be pinned')
    .option('--service <service>', 'name of the remote pinning service to use (mandatory)')
    .option('--name <name>', 'an optional name for the pin')
    .option('--background', 'add to the queue on the remote service and return immediately (does not wait for pinned status)')
    .option('--no-background', 'wait for pinned status (default)')
    .action(async (path: string, flags: { service?: string, name?: string, background?: boolean }) => {
      const api = await ctx.api()
      const entry = await api.pin.remote.add(path, {
        signal: ctx.signal,
        service: flags.service ?? '',
        background: flags.background === true,
        ...(flags.name != null ? { name: flags.name } : {}),
        // Kubo prints its warnings on stdout, in text mode only
        onWarning: message => { if (ctx.print.enc === 'text') ctx.print.line(message) }
      })
      if (ctx.print.enc === 'json') ctx.print.json({ Status: entry.status, Cid: entry.cid, Name: entry.name })
      else for (const line of tabulate([['CID:', entry.cid], ['Name:', entry.name], ['Status:', entry.status]])) ctx.print.line(line)
    })

  queryOptions(remote.command('ls'), 'Return')
    .description('List objects pinned to remote pinning service')
    .action(async (flags: QueryFlags) => {
      const api = await ctx.api()
      for await (const p of api.pin.remote.ls(query(flags, ctx.signal))) {
        if (ctx.print.enc === 'json') ctx.print.json({ Status: p.status, Cid: p.cid, Name: p.name })
        else ctx.print.line(`${p.cid}\t${p.status}\t${escNonPrint(p.name)}`)
      }
    })

  queryOptions(remote.command('rm'), 'Remove')
    .description('Remove pins from remote pinning service')
    .option('--force', 'allow removal of multiple pins matching the query without additional confirmation')
    .action(async (flags: QueryFlags & { force?: boolean }) => {
      const api = await ctx.api()
      await api.pin.remote.rm({ ...query(flags, ctx.signal), force: flags.force === true })
    })

  const service = remote.command('service').description('Configure remote pinning services')

  service.command('add')
    .description('Add remote pinning service')
    .argument('<service>', 'service name')
    .argument('<endpoint>', 'service endpoint')
    .argument('<key>', 'service key')
    .action(async (name: string, endpoint: string, key: string) => {
      const api = await ctx.api()
      await api.pin.remote.service.add(name, endpoint, key, { signal: ctx.signal })
    })

  service.command('rm')
    .description('Remove remote pinning service')
    .argument('<service>', 'name of remote pinning service to remove')
    .action(async (name: string) => {
      const api = await ctx.api()
      await api.pin.remote.service.rm(name, { signal: ctx.signal })
    })

  service.command('ls')
    .description('List remote pinning services')
    .option('--stat', 'try to fetch and display current pin count on remote service (queued/pinning/pinned/failed)')
    .action(async (flags: { stat?: boolean }) => {
      const api = await ctx.api()
      const list = await api.pin.remote.service.ls({ signal: ctx.signal, stat: flags.stat === true })
      if (ctx.print.enc === 'json') {
        ctx.print.json({
          RemoteServices: list.map(s => ({
            Service: s.service,
            ApiEndpoint: s.endpoint,
            ...(s.stat != null
              ? { Stat: { Status: s.stat.status, ...(s.stat.pinCount != null ? { PinCount: { Queued: s.stat.pinCount.queued, Pinning: s.stat.pinCount.pinning, Pinned: s.stat.pinCount.pinned, Failed: s.stat.pinCount.failed } } : {}) } }
              : {})
          }))
        })
        return
      }
      const rows = list.map(s => {
        if (flags.stat !== true) return [s.service, s.endpoint]
        const pc = s.stat?.pinCount
        return [s.service, s.endpoint, pc != null ? `${pc.queued}/${pc.pinning}/${pc.pinned}/${pc.failed}` : s.stat?.status ?? 'invalid']
      })
      for (const line of tabulate(rows)) ctx.print.line(line)
    })
}
