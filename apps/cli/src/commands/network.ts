/** `id`, `swarm`, `routing`, `pubsub` and `bootstrap`: the node on the network */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { UsageError } from '../errors.ts'
import { parseCidArg, parseCidList, parseInteger } from './parse.ts'
import { readAll } from './stdin.ts'
import { registerRouting } from './routing.ts'
import { registerSwarmExtras } from './swarm.ts'

export function registerNetwork (program: Command, ctx: CliContext): void {
  program.command('id')
    .description("Show this node's identity")
    .argument('[peer]', 'only this node is supported')
    .option('-f, --format <format>', 'print with <id> <aver> <pver> <pubkey> <addrs> <protocols> substituted')
    .action(async (peer: string | undefined, flags: { format?: string }) => {
      const api = await ctx.api()
      const id = await api.id({ signal: ctx.signal })
      if (peer != null && peer !== id.id) throw new UsageError('looking up other peers is not supported: run `cairn id` without an argument')
      if (flags.format != null) {
        // Kubo prints the format as it is: the caller writes any newline
        await ctx.print.bytes(new TextEncoder().encode(flags.format
          .replaceAll('<id>', id.id).replaceAll('<aver>', id.agentVersion).replaceAll('<pver>', id.protocolVersion)
          .replaceAll('<pubkey>', id.publicKey).replaceAll('<addrs>', id.addresses.join('\n'))
          .replaceAll('<protocols>', id.protocols.join('\n')).replaceAll('\\n', '\n').replaceAll('\\t', '\t')))
        return
      }
      ctx.print.jsonIndented({ ID: id.id, PublicKey: id.publicKey, Addresses: id.addresses, AgentVersion: id.agentVersion, Protocols: id.protocols, ...(id.reachability != null ? { Reachability: id.reachability } : {}) })
    })

  const swarm = program.command('swarm').description('Interact with the swarm of peers')

  swarm.command('peers')
    .description('List peers with open connections')
    .option('-v, --verbose', 'display all extra information')
    .option('--streams', 'also list the open streams of each peer')
    .option('--latency', 'also list the latency to each peer')
    .option('--direction', 'also list the direction of each connection')
    .option('--identify', 'also list what identify says of each peer (JSON)')
    .action(async (flags: { verbose?: boolean, streams?: boolean, latency?: boolean, direction?: boolean, identify?: boolean }) => {
      const api = await ctx.api({ online: true })
      const want = (name: 'streams' | 'latency' | 'direction' | 'identify'): boolean => flags.verbose === true || flags[name] === true
      const peers = [...await api.swarm.peers({ signal: ctx.signal })].sort((a, b) => a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0)
      if (ctx.print.enc === 'json') {
        // Kubo's connInfo: empty fields omitted, Identify always there
        const out = []
        for (const p of peers) {
          let identify: object = { ID: '', PublicKey: '', Addresses: null, AgentVersion: '', Protocols: null }
          if (want('identify')) {
            const id = await api.id({ peerId: p.peer, signal: ctx.signal }).catch(() => undefined)
            if (id != null) identify = { ID: id.id, PublicKey: id.publicKey, Addresses: id.addresses, AgentVersion: id.agentVersion, Protocols: id.protocols }
          }
          out.push({
            Addr: p.addr,
            Peer: p.peer,
            ...(want('latency') ? { Latency: p.latency ?? 'n/a' } : {}),
            ...(want('direction') && p.direction != null ? { Direction: p.direction === 'inbound' ? 1 : 2 } : {}),
            ...(want('streams') && (p.streams?.length ?? 0) > 0 ? { Streams: [...p.streams!].sort().map(Protocol => ({ Protocol })) } : {}),
            Identify: identify
          })
        }
        ctx.print.json({ Peers: out.length === 0 ? null : out })
        return
      }
      // Kubo's text: the address, then latency and direction when asked, then one line per stream
      for (const p of peers) {
        const parts = [p.addr.endsWith(`/p2p/${p.peer}`) ? p.addr : `${p.addr}/p2p/${p.peer}`]
        if (want('latency')) parts.push(p.latency ?? 'n/a')
        if (want('direction') && p.direction != null) parts.push(p.direction)
        ctx.print.line(parts.join(' '))
        if (want('streams')) for (const s of [...(p.streams ?? [])].sort()) ctx.print.line(`  ${s === '' ? '<no protocol name>' : s}`)
      }
    })

  swarm.command('connect')
    .description('Open a connection to a peer address')
    .argument('<addresses...>', 'multiaddrs ending in /p2p/<peer id>')
    .action(async (addresses: string[]) => {
      const api = await ctx.api({ online: true })
      const lines: string[] = []
      for (const addr of addresses) {
        const peer = /\/p2p\/([^/]+)$/.exec(addr)?.[1]
        if (peer == null) throw new UsageError(`${addr}: the address must end in /p2p/<peer id>`)
        await api.swarm.connect(addr, { signal: ctx.signal })
        lines.push(`connect ${peer} success`)
        if (ctx.print.enc === 'text') ctx.print.line(`connect ${peer} success`)
      }
      if (ctx.print.enc === 'json') ctx.print.json({ Strings: lines })
    })

  const addrs = swarm.command('addrs')
    .description('List the known addresses of peers')
    .action(async () => {
      const api = await ctx.api({ online: true })
      const known = await api.swarm.addrs({ signal: ctx.signal })
      if (ctx.print.enc === 'json') {
        ctx.print.json({ Addrs: Object.fromEntries(known.map(k => [k.id, k.addrs])) })
        return
      }
      for (const k of known.sort((a, b) => a.id.localeCompare(b.id))) {
        const unique = [...new Set(k.addrs)].sort()
        ctx.print.line(`${k.id} (${unique.length})`)
        for (const a of unique) ctx.print.line(`\t${a}`)
      }
    })

  addrs.command('local')
    .description('List the addresses this node listens on')
    .option('--id', 'append /p2p/<peer id> to each address')
    .action(async (flags: { id?: boolean }) => {
      const api = await ctx.api({ online: true })
      const local = (await api.swarm.localAddrs({ signal: ctx.signal }))
        .map(a => flags.id === true ? a : a.replace(/\/p2p\/[^/]+$/, ''))
      if (ctx.print.enc === 'json') ctx.print.json({ Strings: local })
      else for (const a of local) ctx.print.line(a)
    })

  registerSwarmExtras(swarm, addrs, ctx)

  const routing = program.command('routing').description('Find and announce content on the network')
  registerRouting(routing, program, ctx)

  routing.command('findprovs')
    .description('Find peers that can provide a CID')
    .argument('<cid>', 'the CID to find providers of', parseCidArg)
    .option('-n, --num-providers <n>', 'the number of providers to find', parseInteger, 20)
    .action(async (cid: string, flags: { numProviders: number }) => {
      const api = await ctx.api({ online: true })
      for await (const p of api.routing.findProvs(cid, { numProviders: flags.numProviders, signal: ctx.signal })) {
        // Kubo's event shape: Type 4 is a provider answer
        if (ctx.print.enc === 'json') ctx.print.json({ Extra: '', ID: '', Responses: [{ Addrs: p.addrs, ID: p.id }], Type: 4 })
        else ctx.print.line(p.id)
      }
    })

  routing.command('provide')
    .description('Announce to the network that this node provides CIDs')
    .argument('<cids...>', 'CIDs to announce', parseCidList)
    .option('-r, --recursive', 'also announce every block under each CID')
    .action(async (cids: string[], flags: { recursive?: boolean }) => {
      const api = await ctx.api({ online: true })
      await api.routing.provide(cids, { recursive: flags.recursive, signal: ctx.signal })
    })

  const pubsub = program.command('pubsub').description('Publish and subscribe to gossipsub topics')

  pubsub.command('pub')
    .description('Publish a message (the file given, or stdin) to a topic')
    .argument('<topic>', 'the topic')
    .argument('[file]', 'file with the message; stdin when absent')
    .action(async (topic: string, file: string | undefined) => {
      const api = await ctx.api({ online: true })
      const data = file != null ? await readFile(resolve(ctx.cwd, file)) : await readAll(ctx.stdin)
      await api.pubsub.publish(topic, data, { signal: ctx.signal })
    })

  pubsub.command('sub')
    .description('Print messages from a topic until interrupted')
    .argument('<topic>', 'the topic')
    .action(async (topic: string) => {
      const api = await ctx.api({ online: true })
      const pending: Array<Promise<void>> = []
      let lost: ((err: Error) => void) | undefined
      const ended = new Promise<never>((_resolve, reject) => { lost = reject })
      ended.catch(() => {})
      await api.pubsub.subscribe(topic, (m) => {
        if (ctx.print.enc === 'json') {
          ctx.print.json({ from: m.from, data: `u${Buffer.from(m.data).toString('base64url')}`, seqno: m.sequenceNumber?.toString() ?? '', topicIDs: [m.topic] })
        } else {
          pending.push(ctx.print.bytes(m.data))
        }
      }, { signal: ctx.signal, onError: (err) => { lost?.(err) } })
      // runs until --timeout or SIGINT aborts the signal, or the daemon goes away
      await Promise.race([ended, new Promise<void>(resolve => {
        if (ctx.signal.aborted) { resolve(); return }
        ctx.signal.addEventListener('abort', () => { resolve() }, { once: true })
      })])
      await Promise.all(pending)
    })

  pubsub.command('ls')
    .description('List the topics this node is subscribed to')
    .action(async () => {
      const api = await ctx.api({ online: true })
      const topics = await api.pubsub.ls({ signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Strings: topics })
      else for (const t of topics) ctx.print.line(t)
    })

  pubsub.command('peers')
    .description('List peers we exchange messages with on a topic')
    .argument('<topic>', 'the topic')
    .action(async (topic: string) => {
      const api = await ctx.api({ online: true })
      const peers = await api.pubsub.peers(topic, { signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Strings: peers })
      else for (const p of peers) ctx.print.line(p)
    })

  pubsub.command('reset')
    .description('Reset the persisted pubsub validator state (for testing; Cairn persists none)')
    .option('-p, --peer <peer>', 'only reset state for this peer ID')
    .action(async (flags: { peer?: string }) => {
      const api = await ctx.api({ online: true })
      const deleted = await api.pubsub.reset({ peer: flags.peer, signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Deleted: deleted })
      // Kubo's lines
      else if (flags.peer != null && flags.peer !== '') ctx.print.line(deleted === 0 ? `No validator state found for peer ${flags.peer}` : `Reset validator state for peer ${flags.peer}`)
      else ctx.print.line(`Reset validator state for ${deleted} peer(s)`)
    })

  const bootstrap = program.command('bootstrap').description('Show or edit the list of bootstrap peers')
  const printPeers = (peers: string[], verb?: string): void => {
    if (ctx.print.enc === 'json') ctx.print.json({ Peers: peers })
    else for (const p of peers) ctx.print.line(verb != null ? `${verb} ${p}` : p)
  }

  bootstrap.command('list')
    .description('Show the bootstrap peers')
    .action(async () => {
      const api = await ctx.api()
      printPeers(await api.bootstrap.list({ signal: ctx.signal }))
    })

  bootstrap.command('add')
    .description('Add bootstrap peers (`default` or --default: the public IPFS ones)')
    .argument('[addresses...]', 'multiaddrs ending in /p2p/<peer id>')
    .option('--default', 'add the default bootstrap peers')
    .action(async (addresses: string[], flags: { default?: boolean }) => {
      const useDefault = flags.default === true || (addresses.length === 1 && addresses[0] === 'default')
      if (!useDefault && addresses.length === 0) throw new UsageError('no bootstrap peers to add: give addresses or --default')
      const api = await ctx.api()
      printPeers(await api.bootstrap.add(useDefault ? [] : addresses, { default: useDefault, signal: ctx.signal }), 'added')
    })

  bootstrap.command('rm')
    .description('Remove bootstrap peers (`all` or --all: every one)')
    .argument('[addresses...]', 'multiaddrs to remove')
    .option('--all', 'remove all bootstrap peers')
    .action(async (addresses: string[], flags: { all?: boolean }) => {
      const all = flags.all === true || (addresses.length === 1 && addresses[0] === 'all')
      if (!all && addresses.length === 0) throw new UsageError('no bootstrap peers to remove: give addresses or --all')
      const api = await ctx.api()
      printPeers(await api.bootstrap.rm(all ? [] : addresses, { all, signal: ctx.signal }), 'removed')
    })
}
