/** `pin add|rm|ls|update`, with Kubo's output lines */
import { hasCode } from '@cairn/interface'
import type { CairnApi, PinEntry, PinLsApiOptions, PinType } from '@cairn/interface'
import { Option } from 'commander'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { UsageError } from '../errors.ts'
import { formatPin, formatSiBytes } from '../format.ts'
import { cidOutput, withCidBase } from './cid-base.ts'
import type { CidBaseFlags } from './cid-base.ts'
import { parsePathArg } from './parse.ts'
import { registerPinRemote } from './pin-remote.ts'

export function registerPin (program: Command, ctx: CliContext): void {
  const pin = program.command('pin').description('Pin (and unpin) objects to local storage')

  withCidBase(pin.command('add'))
    .description('Pin objects to local storage')
    .argument('<paths...>', 'paths to pin')
    .option('-r, --recursive', 'recursively pin the object linked to by the path (default)', true)
    .option('--no-recursive', 'pin only the block itself (Kubo: --recursive=false)')
    .option('-n, --name <name>', 'an optional name for created pin(s)')
    .option('--progress', 'show progress')
    .option('--replicas <n>', 'also keep N copies on the remote pinning services (one per service); waits until they are pinned', parseReplicas)
    .action(async (paths: string[], flags: { recursive: boolean, progress?: boolean, name?: string, replicas?: number } & CidBaseFlags) => {
      paths.forEach(parsePathArg)
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      const pinned: string[] = []
      for (const path of paths) {
        // Kubo's line, on stderr, redrawn in place
        const onProgress = flags.progress === true ? (n: number, bytes = 0) => { ctx.print.status(`Fetched/Processed ${n} nodes (${formatSiBytes(bytes)})`) } : undefined
        const cids = await api.pin.add(path, { recursive: flags.recursive, signal: ctx.signal, onProgress, name: flags.name, ...(flags.replicas != null ? { replicas: flags.replicas } : {}) })
        ctx.print.endStatus()
        for (const cid of cids) {
          pinned.push(enc(cid))
          if (ctx.print.enc === 'text') ctx.print.line(`pinned ${enc(cid)} ${flags.recursive ? 'recursively' : 'directly'}`)
        }
      }
      if (ctx.print.enc === 'json') ctx.print.json({ Pins: pinned })
    })

  withCidBase(pin.command('rm'))
    .description('Remove pins')
    .argument('<paths...>', 'paths to unpin')
    .option('-r, --recursive', 'recursively unpin the object (default)', true)
    .option('--no-recursive', 'remove a direct pin (Kubo: --recursive=false)')
    .action(async (paths: string[], flags: { recursive: boolean } & CidBaseFlags) => {
      paths.forEach(parsePathArg)
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      const removed: string[] = []
      for (const path of paths) {
        for (const cid of await api.pin.rm(path, { recursive: flags.recursive, signal: ctx.signal })) {
          removed.push(enc(cid))
          if (ctx.print.enc === 'text') ctx.print.line(`unpinned ${enc(cid)}`)
        }
      }
      if (ctx.print.enc === 'json') ctx.print.json({ Pins: removed })
    })

  withCidBase(pin.command('ls'))
    .description('List objects pinned to local storage')
    .argument('[paths...]', 'only these paths')
    .addOption(new Option('-t, --type <type>', 'the type of pinned keys to list').choices(['direct', 'indirect', 'recursive', 'all']).default('all'))
    .option('-q, --quiet', 'write just the CIDs')
    .option('-n, --name <name>', 'only pins whose name contains this (case-sensitive); implies --names')
    .option('-s, --stream', 'print each pin as it is found (JSON: one object per line)')
    .option('--names', 'include pin names in the output')
    .option('--remote', 'also show where each replica (pin add --replicas) stands on the remote services')
    .action(async (paths: string[], flags: { type: PinType | 'all', quiet?: boolean, stream?: boolean, names?: boolean, name?: string, remote?: boolean } & CidBaseFlags) => {
      paths.forEach(parsePathArg)
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      // Kubo: an indirect pin asked for by path names the recursive pin it hangs from
      const type = (entry: PinEntry): string => entry.type === 'indirect' && entry.via != null ? `indirect through ${enc(entry.via)}` : entry.type
      const names = flags.names === true || (flags.name != null && flags.name !== '')
      const name = (entry: PinEntry): string => names ? entry.name ?? '' : ''
      const keys: Record<string, { Type: string, Name: string }> = {}
      const remoteByPath = flags.remote === true && paths.length > 0
      const lsOptions = { type: flags.type, name: flags.name, signal: ctx.signal }
      // with --remote, a path not pinned here is no error: its copies may well be elsewhere
      const source = remoteByPath ? pinnedHere(api, paths, lsOptions) : api.pin.ls({ ...lsOptions, paths: paths.length > 0 ? paths : undefined })
      for await (const entry of source) {
        if (ctx.print.enc === 'text') ctx.print.line(formatPin(entry, flags.quiet === true, names, enc))
        // Kubo's shapes: the stream's objects omit an empty Name, the Keys map always has it
        else if (flags.stream === true) ctx.print.json({ Cid: enc(entry.cid), ...(name(entry) !== '' ? { Name: name(entry) } : {}), Type: type(entry) })
        else keys[enc(entry.cid)] = { Type: type(entry), Name: name(entry) }
      }
      if (flags.remote === true) {
        // Cairn: one line per copy, `<cid> remote <service> <status>`; a silent service is `- remote <service> unreachable`
        const copies = []
        const cids = remoteByPath ? await Promise.all(paths.map(async p => (await api.resolve(p.startsWith('/') ? p : `/ipfs/${p}`, { signal: ctx.signal })).split('/')[2])) : undefined
        for await (const r of api.pin.remote.replicas({ signal: ctx.signal, ...(cids != null ? { cids } : {}) })) {
          if (ctx.print.enc === 'text') ctx.print.line(`${r.cid === '' ? '-' : r.cid} remote ${r.service} ${r.status}`)
          copies.push({ Cid: r.cid, Service: r.service, Status: r.status, ...(r.requestid != null ? { RequestId: r.requestid } : {}) })
        }
        if (ctx.print.enc === 'json' && flags.stream !== true) ctx.print.json({ Keys: keys, Remote: copies })
        return
      }
      if (ctx.print.enc === 'json' && flags.stream !== true) ctx.print.json({ Keys: keys })
    })

  registerPinRemote(pin, ctx)

  withCidBase(pin.command('verify'))
    .description('Verify that recursive pins are complete')
    .option('--verbose', 'also write the hashes of non-broken pins')
    .option('-q, --quiet', 'write just hashes of broken pins')
    .action(async (flags: { verbose?: boolean, quiet?: boolean } & CidBaseFlags) => {
      if (flags.verbose === true && flags.quiet === true) throw new UsageError('the --verbose and --quiet options can not be used at the same time')
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      // Kubo exits 0 whatever it finds: the output says which pins are broken
      for await (const r of api.pin.verify({ includeOk: flags.verbose === true, explain: flags.quiet !== true, signal: ctx.signal })) {
        if (ctx.print.enc === 'json') {
          ctx.print.json({ Cid: enc(r.cid), ...(r.ok ? { Ok: true } : {}), ...(r.badNodes != null ? { BadNodes: r.badNodes.map(b => ({ Cid: enc(b.cid), Err: b.error })) } : {}) })
        } else if (flags.quiet === true) {
          if (!r.ok) ctx.print.line(enc(r.cid))
        } else if (r.ok) {
          ctx.print.line(`${enc(r.cid)} ok`)
        } else {
          ctx.print.line(`${enc(r.cid)} broken`)
          for (const b of r.badNodes ?? []) ctx.print.line(`  ${enc(b.cid)}: ${b.error}`)
        }
      }
    })

  withCidBase(pin.command('update'))
    .description('Update a recursive pin, walking only what changed')
    .argument('<from>', 'the path of the old pin')
    .argument('<to>', 'the path of the new pin')
    .option('--unpin', 'remove the old pin (default)', true)
    .option('--no-unpin', 'keep the old pin (Kubo: --unpin=false)')
    .action(async (from: string, to: string, flags: { unpin: boolean } & CidBaseFlags) => {
      parsePathArg(from)
      parsePathArg(to)
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      const [oldCid, newCid] = await api.pin.update(from, to, { unpin: flags.unpin, signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Pins: [enc(oldCid), enc(newCid)] })
      else ctx.print.line(`updated ${enc(oldCid)} to ${enc(newCid)}`)
    })
}

function parseReplicas (value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--replicas takes a number of copies, not '${value}'`)
  return Number(value)
}

/** `pin ls --remote PATHS`: the local pins of each path; a path not pinned here lists nothing */
async function * pinnedHere (api: CairnApi, paths: string[], options: PinLsApiOptions): AsyncGenerator<PinEntry> {
  for (const path of paths) {
    try {
      yield * api.pin.ls({ ...options, paths: [path] })
    } catch (err) {
      if (!hasCode(err, 'ERR_NOT_PINNED')) throw err
    }
  }
}
