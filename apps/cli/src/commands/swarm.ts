/** `swarm disconnect|addrs listen|peering|filters`, beside the older swarm commands in network.ts */
import type { Command } from 'commander'
import type { ResourceReport, ResourceScope } from '@cairn/interface'
import type { CliContext } from '../context.ts'
import { goTabwriter } from '../format.ts'

const LIMIT_NAMES = ['Memory', 'FD', 'Conns', 'ConnsInbound', 'ConnsOutbound', 'Streams', 'StreamsInbound', 'StreamsOutbound'] as const

/** Kubo's `swarm resources` table: one row per limit that is set, scopes in Kubo's order */
export function resourceRows (r: ResourceReport): string[] {
  const rows = [['Scope', 'Limit Name', 'Limit Value', 'Limit Usage Amount', 'Limit Usage Percent']]
  const add = (name: string, s: ResourceScope): void => {
    for (const limit of LIMIT_NAMES) {
      const value = s[limit]
      if (value === 'unlimited') continue
      const usage = s[`${limit}Usage`]
      rows.push([name, limit, String(value), String(usage), usage === 0 ? '0%' : `${(usage / value * 100).toFixed(1)}%`])
    }
  }
  add('system', r.System)
  add('transient', r.Transient)
  const sorted = (m?: Record<string, ResourceScope>): Array<[string, ResourceScope]> => Object.entries(m ?? {}).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
  for (const [k, s] of sorted(r.Services)) add(`svc:${k}`, s)
  for (const [k, s] of sorted(r.Protocols)) add(`proto:${k}`, s)
  for (const [k, s] of sorted(r.Peers)) add(`peer:${k}`, s)
  return goTabwriter(rows.map(row => [...row, '']), 20)
}

export function registerSwarmExtras (swarm: Command, addrs: Command, ctx: CliContext): void {
  const printStrings = (list: string[]): void => {
    if (ctx.print.enc === 'json') ctx.print.json({ Strings: list })
    else for (const s of list) ctx.print.line(s)
  }

  addrs.command('listen')
    .description('List the interface addresses the node listens on')
    .action(async () => {
      const api = await ctx.api({ online: true })
      printStrings(await api.swarm.listenAddrs({ signal: ctx.signal }))
    })

  addrs.command('autonat')
    .description('Show address reachability as determined by AutoNAT')
    .action(async () => {
      const api = await ctx.api({ online: true })
      if (api.swarm.autonat == null) throw new Error('swarm addrs autonat is not available')
      const r = await api.swarm.autonat({ signal: ctx.signal })
      if (ctx.print.enc === 'json') {
        const list = (l: string[]): string[] | undefined => l.length > 0 ? l : undefined
        ctx.print.json({ reachability: r.reachability, reachable: list(r.reachable), unreachable: list(r.unreachable), unknown: list(r.unknown), relayed: list(r.relayed) })
        return
      }
      // Kubo's text, with Cairn's relayed addresses after it
      ctx.print.line('AutoNAT V2 Status:')
      ctx.print.line(`  Reachability: ${r.reachability}`)
      ctx.print.line('')
      ctx.print.line('Per-Address Reachability:')
      const section = (label: string, l: string[]): void => {
        if (l.length === 0) return
        ctx.print.line(`  ${label}:`)
        for (const a of l) ctx.print.line(`    ${a}`)
      }
      section('Reachable', r.reachable)
      section('Unreachable', r.unreachable)
      section('Unknown', r.unknown)
      if (r.reachable.length + r.unreachable.length + r.unknown.length === 0) ctx.print.line('  (no address reachability data available)')
      if (r.relayed.length > 0) {
        ctx.print.line('')
        ctx.print.line('Relayed:')
        for (const a of r.relayed) ctx.print.line(`  ${a}`)
      }
    })

  swarm.command('resources')
    .description('Get a summary of the limits libp2p enforces and the usage against them')
    .action(async () => {
      const api = await ctx.api({ online: true })
      const r = await api.swarm.resources({ signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json(r)
      else for (const line of resourceRows(r)) ctx.print.line(line)
    })

  swarm.command('disconnect')
    .description('Close the connection to a peer address')
    .argument('<addresses...>', 'multiaddrs ending in /p2p/<peer id>')
    .action(async (addresses: string[]) => {
      const api = await ctx.api({ online: true })
      const lines: string[] = []
      for (const addr of addresses) {
        const id = addr.split('/p2p/').at(-1) ?? addr
        try {
          await api.swarm.disconnect(addr, { signal: ctx.signal })
          lines.push(`disconnect ${id} success`)
        } catch (err: any) {
          if (err?.code === 'ERR_INVALID_PARAMETERS' && !['not connected', 'conn not found'].includes(err.message)) throw err
          lines.push(`disconnect ${id} failure: ${(err as Error).message}`)
        }
      }
      printStrings(lines)
    })

  const peering = swarm.command('peering').description('Modify the peering subsystem (peers kept connected)')
  peering.command('add')
    .description('Add peers into the peering subsystem')
    .argument('<addresses...>', 'multiaddrs ending in /p2p/<peer id>')
    .action(async (addresses: string[]) => {
      const api = await ctx.api({ online: true })
      for (const id of await api.swarm.peering.add(addresses, { signal: ctx.signal })) {
        if (ctx.print.enc === 'json') ctx.print.json({ ID: id, Status: 'success' })
        else ctx.print.line(`add ${id} success`)
      }
    })
  peering.command('ls')
    .description('List peers registered in the peering subsystem')
    .action(async () => {
      const api = await ctx.api({ online: true })
      const peers = await api.swarm.peering.ls({ signal: ctx.signal })
      if (ctx.print.enc === 'json') { ctx.print.json({ Peers: peers.map(p => ({ ID: p.id, Addrs: p.addrs })) }); return }
      for (const p of peers) {
        ctx.print.line(p.id)
        for (const a of p.addrs) ctx.print.line(`\t${a}`)
      }
    })
  peering.command('rm')
    .description('Remove peers from the peering subsystem')
    .argument('<ids...>', 'peer IDs')
    .action(async (ids: string[]) => {
      const api = await ctx.api({ online: true })
      for (const id of await api.swarm.peering.rm(ids, { signal: ctx.signal })) {
        if (ctx.print.enc === 'json') ctx.print.json({ ID: id, Status: 'success' })
        else ctx.print.line(`remove ${id} success`)
      }
    })

  const filters = swarm.command('filters')
    .description('Manipulate address filters (Swarm.AddrFilters)')
    .action(async () => {
      const api = await ctx.api({ online: true })
      const list = await api.swarm.filters.ls({ signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Strings: list.length === 0 ? null : list })
      else for (const f of list) ctx.print.line(f)
    })
  filters.command('add')
    .description('Add an address filter')
    .argument('<filters...>', 'multiaddr ranges such as /ip4/10.0.0.0/ipcidr/8')
    .action(async (list: string[]) => {
      const api = await ctx.api({ online: true })
      printStrings(await api.swarm.filters.add(list, { signal: ctx.signal }))
    })
  filters.command('rm')
    .description('Remove an address filter (`all` removes every one)')
    .argument('<filters...>', 'filters to remove')
    .action(async (list: string[]) => {
      const api = await ctx.api({ online: true })
      printStrings(await api.swarm.filters.rm(list, { signal: ctx.signal, all: list[0] === 'all' || list[0] === '*' }))
    })
}
