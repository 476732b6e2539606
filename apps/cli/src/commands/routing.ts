/** `routing findpeer|get|put|reprovide`, `dht query` (and Kubo's older `dht *` names), `provide *` */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { tabulate } from '../format.ts'
import { parseCidArg, parseCidList, parseInteger } from './parse.ts'
import { readAll } from './stdin.ts'

/** go-libp2p's routing event numbers, for `--enc=json` lines shaped as Kubo's */
const FINAL_PEER = 2
const PROVIDER = 4
const VALUE = 5
const event = (type: number, fields: { ID?: string, Responses?: unknown[], Extra?: string }): object =>
  ({ Extra: fields.Extra ?? '', ID: fields.ID ?? '', Responses: fields.Responses ?? null, Type: type })

/** The commands shared by `routing` and the deprecated `dht` namespace */
function registerLookups (group: Command, ctx: CliContext): void {
  group.command('findpeer')
    .description('Find the multiaddresses associated with a peer ID')
    .argument('<peerID>', 'the peer to search for')
    .option('-v, --verbose', 'print extra information')
    .action(async (peerId: string) => {
      const api = await ctx.api({ online: true })
      const found = await api.routing.findPeer(peerId, { signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json(event(FINAL_PEER, { Responses: [{ ID: found.id, Addrs: found.addrs }] }))
      else for (const a of found.addrs) ctx.print.line(a)
    })

  group.command('get')
    .description('Given a key (/ipns/<peer> or /pk/<peer>), query the routing system for its best value')
    .argument('<key>', 'the key to find a value for')
    .action(async (key: string) => {
      const api = await ctx.api({ online: true })
      const value = await api.routing.get(key, { signal: ctx.signal })
      // Kubo writes the value's bytes as they are
      if (ctx.print.enc === 'json') ctx.print.json(event(VALUE, { Extra: Buffer.from(value).toString('base64') }))
      else await ctx.print.bytes(value)
    })

  group.command('put')
    .description('Write a key/value pair to the routing system (the value from a file, or stdin)')
    .argument('<key>', 'the key: /ipns/<peer> or /pk/<peer>')
    .argument('[value-file]', 'a file holding the value; stdin when absent')
    .option('--allow-offline', 'store the record locally even when no peer can be reached')
    .action(async (key: string, file: string | undefined, flags: { allowOffline?: boolean }) => {
      const api = await ctx.api({ online: true })
      const value = file != null ? new Uint8Array(await readFile(resolve(ctx.cwd, file))) : await readAll(ctx.stdin)
      await api.routing.put(key, value, { signal: ctx.signal, allowOffline: flags.allowOffline })
      const peer = key.split('/')[2]
      if (ctx.print.enc === 'json') ctx.print.json(event(VALUE, { ID: peer }))
      else ctx.print.line(peer)
    })
}

export function registerRouting (routing: Command, program: Command, ctx: CliContext): void {
  registerLookups(routing, ctx)

  routing.command('reprovide')
    .description('Trigger a reprovide cycle now')
    .action(async () => {
      const api = await ctx.api({ online: true })
      await api.routing.reprovide({ signal: ctx.signal })
    })

  const dht = program.command('dht').description('Issue commands directly through the DHT (deprecated: use `routing`)')
  dht.command('query')
    .description('Find the closest peer IDs to a given peer ID by querying the DHT')
    .argument('<peerID>', 'the peer ID to run the query against')
    .option('-v, --verbose', 'print extra information')
    .action(async (peerId: string) => {
      const api = await ctx.api({ online: true })
      for await (const id of api.routing.query(peerId, { signal: ctx.signal })) {
        if (ctx.print.enc === 'json') ctx.print.json(event(FINAL_PEER, { ID: id }))
        else ctx.print.line(id)
      }
    })
  registerLookups(dht, ctx)
  dht.command('findprovs')
    .description('Find peers that can provide a CID (deprecated: use `routing findprovs`)')
    .argument('<cid>', 'the CID to find providers of', parseCidArg)
    .option('-n, --num-providers <n>', 'the number of providers to find', parseInteger, 20)
    .action(async (cid: string, flags: { numProviders: number }) => {
      const api = await ctx.api({ online: true })
      for await (const p of api.routing.findProvs(cid, { numProviders: flags.numProviders, signal: ctx.signal })) {
        if (ctx.print.enc === 'json') ctx.print.json(event(PROVIDER, { Responses: [{ ID: p.id, Addrs: p.addrs }] }))
        else ctx.print.line(p.id)
      }
    })
  dht.command('provide')
    .description('Announce CIDs to the network (deprecated: use `routing provide`)')
    .argument('<cids...>', 'CIDs to announce', parseCidList)
    .option('-r, --recursive', 'also announce every block under each CID')
    .action(async (cids: string[], flags: { recursive?: boolean }) => {
      const api = await ctx.api({ online: true })
      await api.routing.provide(cids, { recursive: flags.recursive, signal: ctx.signal })
    })

  const provide = program.command('provide').description('Control the providing of content to the routing system')

  provide.command('once')
    .description('Announce CIDs to the routing system now')
    .argument('<cids...>', 'CIDs held locally', parseCidList)
    .option('-r, --recursive', 'also announce every block under each CID')
    .action(async (cids: string[], flags: { recursive?: boolean }) => {
      const api = await ctx.api({ online: true })
      for (const cid of cids) {
        await api.routing.provide([cid], { recursive: flags.recursive, signal: ctx.signal })
        if (ctx.print.enc === 'json') ctx.print.json({ Queued: cid })
      }
      if (ctx.print.enc === 'text') ctx.print.line(`queued ${cids.length} CID(s) for immediate provide`)
    })

  provide.command('clear')
    .description('Clear all CIDs from the provide queue')
    .option('-q, --quiet', 'do not write output')
    .action(async (flags: { quiet?: boolean }) => {
      const api = await ctx.api({ online: true })
      const cleared = await api.routing.clearProvideQueue({ signal: ctx.signal })
      if (flags.quiet === true) return
      if (ctx.print.enc === 'json') ctx.print.json(cleared)
      else ctx.print.line(`removed ${cleared} items from provide queue`)
    })

  provide.command('stat')
    .description('Show statistics about the provider system')
    .action(async () => { await printProvideStat(ctx) })
}

/** Go's `time.Duration` text for nanoseconds, as Kubo's humanDuration (ms precision) */
function formatDuration (ns: number): string {
  if (ns === 0) return '0s'
  const ms = Math.round(ns / 1e6)
  if (ms < 1000) return `${ms}ms`
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor(ms % 3_600_000 / 60_000)
  const s = (ms % 60_000) / 1000
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${s}s`
}

/** Kubo's legacy provider stats (`provide stat`, `stats provide`, `stats reprovide`) */
export async function printProvideStat (ctx: CliContext): Promise<void> {
  const api = await ctx.api({ online: true })
  const s = await api.stats.provide({ signal: ctx.signal })
  if (ctx.print.enc === 'json') {
    ctx.print.json({
      Sweep: null,
      Legacy: { TotalReprovides: s.totalReprovides, AvgReprovideDuration: s.avgReprovideDurationNs, LastReprovideDuration: s.lastReprovideDurationNs, LastRun: s.lastRun ?? '0001-01-01T00:00:00Z', ReprovideInterval: s.reprovideIntervalNs },
      FullRT: false
    })
    return
  }
  const rows = [
    ['TotalReprovides:', String(s.totalReprovides)],
    ['AvgReprovideDuration:', formatDuration(s.avgReprovideDurationNs)],
    ['LastReprovideDuration:', formatDuration(s.lastReprovideDurationNs)]
  ]
  if (s.lastRun != null) rows.push(['LastReprovide:', new Date(s.lastRun).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')])
  for (const line of tabulate(rows)) ctx.print.line(line)
}
