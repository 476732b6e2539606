/** `files …`: MFS with Kubo's flags and output lines (`core/commands/files.go`) */
import { createReadStream } from 'node:fs'
import { resolve } from 'node:path'
import type { FilesEntry, FilesStat } from '@cairn/interface'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { DaemonRunningError, UsageError } from '../errors.ts'
import { readApiFile } from '../connect.ts'
import { isDaemonAlive } from './daemon.ts'
import { parseInteger } from './parse.ts'
import { cidOutput, withCidBase } from './cid-base.ts'
import type { CidBaseFlags } from './cid-base.ts'
import type { CidText } from '../format.ts'

/** Kubo's `defaultStatFormat` */
const DEFAULT_STAT_FORMAT = '<hash>\nSize: <size>\nCumulativeSize: <cumulsize>\nChildBlocks: <childs>\nType: <type>\nMode: <mode> (<mode-octal>)\nMtime: <mtime>'
const UNSET = 'not set'
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Go's `os.FileMode(m).String()` for permission bits, lower-cased as Kubo prints it */
function modeString (mode: number): string {
  const rwx = 'rwxrwxrwx'
  let s = '-'
  for (let i = 0; i < 9; i++) s += (mode & (1 << (8 - i))) !== 0 ? rwx[i] : '-'
  return s
}

/** Go's `Format("2 Jan 2006, 15:04:05 MST")` in UTC */
function mtimeString (secs: number): string {
  const d = new Date(secs * 1000)
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC`
}

/** go-humanize's `Bytes` (SI units), as `files stat --with-local` prints sizes */
export function humanBytes (n: number): string {
  if (n < 10) return `${n} B`
  const sizes = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB']
  const e = Math.floor(Math.log(n) / Math.log(1000))
  const val = Math.floor(n / 1000 ** e * 10 + 0.5) / 10
  return `${val < 10 ? val.toFixed(1) : val.toFixed(0)} ${sizes[e]}`
}

export function formatStat (s: FilesStat, format: string, enc: CidText = cid => cid.toString()): string {
  const mode = s.mode != null && s.mode !== 0 ? modeString(s.mode) : UNSET
  const modeOctal = s.mode != null && s.mode !== 0 ? '0' + (s.mode & 0o777).toString(8) : UNSET
  const hasMtime = s.mtime != null && s.mtime.secs > 0
  return format
    .replaceAll('<hash>', enc(s.cid))
    .replaceAll('<size>', String(s.size))
    .replaceAll('<cumulsize>', String(s.cumulativeSize))
    .replaceAll('<childs>', String(s.blocks))
    .replaceAll('<type>', s.type)
    .replaceAll('<mode>', mode)
    .replaceAll('<mode-octal>', modeOctal)
    .replaceAll('<mtime>', hasMtime ? mtimeString(s.mtime!.secs) : UNSET)
    .replaceAll('<mtime-secs>', hasMtime ? String(s.mtime!.secs) : UNSET)
    .replaceAll('<mtime-nsecs>', hasMtime ? String(s.mtime!.nsecs ?? 0) : UNSET)
}

function statJson (s: FilesStat, enc: CidText): Record<string, unknown> {
  const out: Record<string, unknown> = { Hash: enc(s.cid), Size: s.size, CumulativeSize: s.cumulativeSize, Blocks: s.blocks, Type: s.type }
  if (s.local != null) {
    out.WithLocality = true
    if (s.local) out.Local = true
    if ((s.sizeLocal ?? 0) > 0) out.SizeLocal = s.sizeLocal
  }
  if (s.mode != null && s.mode !== 0) out.Mode = s.mode.toString(8).padStart(4, '0')
  if (s.mtime != null && s.mtime.secs > 0) {
    out.Mtime = s.mtime.secs
    if ((s.mtime.nsecs ?? 0) > 0) out.MtimeNsecs = s.mtime.nsecs
  }
  return out
}

function compareNames (a: FilesEntry, b: FilesEntry): number {
  return Buffer.compare(Buffer.from(a.name), Buffer.from(b.name))
}

function cidVersion (value: string): 0 | 1 {
  if (value !== '0' && value !== '1') throw new UsageError(`--cid-version must be 0 or 1, not '${value}'`)
  return Number(value) as 0 | 1
}

interface FlushFlag { flush: boolean }
interface CidFlags { cidVersion?: 0 | 1, hash?: string }

export function registerMfs (program: Command, ctx: CliContext): void {
  const files = program.command('files').description('Interact with unixfs files (MFS, the mutable file system)')
    .option('-f, --flush', 'flush target and ancestors after write (default)', true)
    .option('--no-flush', 'keep changes in memory until `files flush` (Kubo: --flush=false)')
  // Kubo's `--flush` sits on `files` (`files --flush=false write …`); each subcommand takes it too
  const flushOf = (flags: FlushFlag): boolean => flags.flush && (files.opts() as FlushFlag).flush
  const withFlush = (cmd: Command): Command => cmd
    .option('-f, --flush', 'flush target and ancestors after write (default)', true)
    .option('--no-flush', 'keep the change in memory until `files flush` (Kubo: --flush=false)')

  withCidBase(files.command('ls')
    .description('List directories in the local mutable namespace')
    .argument('[path]', "path to show listing for (default '/')", '/')
    .option('-l, --long', 'use long listing format')
    .option('-U', 'do not sort; list entries in directory order'))
    .action(async (path: string, flags: { long?: boolean, U?: boolean } & CidBaseFlags) => {
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      const entries: FilesEntry[] = []
      for await (const e of api.files.ls(path, { long: flags.long, signal: ctx.signal })) entries.push(e)
      if (ctx.print.enc === 'json') {
        ctx.print.json({ Entries: entries.map(e => ({ Name: e.name, Type: e.type === 'directory' ? 1 : 0, Size: e.size ?? 0, Hash: e.cid != null ? enc(e.cid) : '' })) })
        return
      }
      if (flags.U !== true) entries.sort(compareNames)
      for (const e of entries) {
        if (flags.long === true) ctx.print.line(`${e.name}${e.type === 'directory' ? '/' : ''}\t${e.cid != null ? enc(e.cid) : ''}\t${e.size ?? 0}`)
        else ctx.print.line(e.name)
      }
    })

  withCidBase(files.command('stat'))
    .description('Display file status')
    .argument('<path>', 'path to node to stat (MFS or /ipfs/)')
    .option('--format <format>', 'print statistics in given format: <hash> <size> <cumulsize> <type> <childs> <mode> <mode-octal> <mtime> <mtime-secs> <mtime-nsecs>', DEFAULT_STAT_FORMAT)
    .option('--hash', "print only hash; implies '--format=<hash>'")
    .option('--size', "print only size; implies '--format=<cumulsize>'")
    .option('--with-local', 'compute the amount of the dag that is local, and if possible the total size')
    .action(async (path: string, flags: { format: string, hash?: boolean, size?: boolean, withLocal?: boolean } & CidBaseFlags) => {
      const enc = await cidOutput(flags)
      const custom = flags.format !== DEFAULT_STAT_FORMAT
      const set = [flags.hash === true, flags.size === true, custom].filter(Boolean).length
      if (set > 1) throw new UsageError('invalid parameters: format was set by multiple options. Only one format option is allowed')
      const api = await ctx.api()
      const s = await api.files.stat(path, { withLocal: flags.withLocal, signal: ctx.signal })
      if (ctx.print.enc === 'json') { ctx.print.json(statJson(s, enc)); return }
      ctx.print.line(formatStat(s, flags.hash === true ? '<hash>' : flags.size === true ? '<cumulsize>' : flags.format, enc))
      if (s.local != null) {
        const pct = s.cumulativeSize > 0 ? (100 * (s.sizeLocal ?? 0) / s.cumulativeSize).toFixed(2) : '0.00'
        ctx.print.line(`Local: ${humanBytes(s.sizeLocal ?? 0)} of ${humanBytes(s.cumulativeSize)} (${pct}%)`)
      }
    })

  withFlush(files.command('mkdir'))
    .description('Make directories')
    .argument('<path>', 'path to dir to make')
    .option('-p, --parents', 'no error if existing, make parent directories as needed')
    .option('--cid-version <version>', 'CID version to use', cidVersion)
    .option('--hash <hash>', 'hash function to use (implies CIDv1)')
    .action(async (path: string, flags: FlushFlag & CidFlags & { parents?: boolean }) => {
      const api = await ctx.api({ initIfMissing: true })
      await api.files.mkdir(path, { parents: flags.parents, cidVersion: flags.cidVersion, hash: flags.hash, flush: flushOf(flags), signal: ctx.signal })
    })

  withFlush(files.command('write'))
    .description('Write to (modify) a file in MFS, from a local file or stdin')
    .argument('<path>', 'path to write to')
    .argument('[data]', 'local file with the data to write (default: stdin)')
    .option('-o, --offset <bytes>', 'byte offset to begin writing at', parseInteger)
    .option('-e, --create', 'create the file if it does not exist')
    .option('-p, --parents', 'make parent directories as needed')
    .option('-t, --truncate', 'truncate the file to size zero before writing')
    .option('-n, --count <bytes>', 'maximum number of bytes to write', parseInteger)
    .option('--raw-leaves', 'use raw blocks for newly created leaf nodes')
    .option('--cid-version <version>', 'CID version to use', cidVersion)
    .option('--hash <hash>', 'hash function to use (implies CIDv1)')
    .action(async (path: string, data: string | undefined, flags: FlushFlag & CidFlags & { offset?: number, create?: boolean, parents?: boolean, truncate?: boolean, count?: number, rawLeaves?: boolean }) => {
      if (data == null && ctx.stdin.isTTY === true) throw new UsageError("argument 'data' is required")
      const api = await ctx.api({ initIfMissing: true })
      const content = data != null ? createReadStream(resolve(ctx.cwd, data)) : ctx.stdin
      await api.files.write(path, content as AsyncIterable<Uint8Array>, {
        offset: flags.offset,
        count: flags.count,
        create: flags.create,
        parents: flags.parents,
        truncate: flags.truncate,
        rawLeaves: flags.rawLeaves,
        cidVersion: flags.cidVersion,
        hash: flags.hash,
        flush: flushOf(flags),
        signal: ctx.signal
      })
    })

  files.command('read')
    .description('Read a file from MFS')
    .argument('<path>', 'path to file to be read')
    .option('-o, --offset <bytes>', 'byte offset to begin reading from', parseInteger)
    .option('-n, --count <bytes>', 'maximum number of bytes to read', parseInteger)
    .action(async (path: string, flags: { offset?: number, count?: number }) => {
      const api = await ctx.api()
      for await (const chunk of api.files.read(path, { offset: flags.offset, count: flags.count, signal: ctx.signal })) await ctx.print.bytes(chunk)
    })

  withFlush(files.command('cp'))
    .description('Add references to IPFS files and directories in MFS (or copy within MFS)')
    .argument('<source>', 'source IPFS or MFS path to copy')
    .argument('<dest>', 'destination within MFS')
    .option('--force', 'force overwrite of existing files')
    .option('-p, --parents', 'make parent directories as needed')
    .action(async (source: string, dest: string, flags: FlushFlag & { force?: boolean, parents?: boolean }) => {
      const api = await ctx.api({ initIfMissing: true })
      await api.files.cp(source, dest, { force: flags.force, parents: flags.parents, flush: flushOf(flags), signal: ctx.signal })
    })

  withFlush(files.command('mv'))
    .description('Move files')
    .argument('<source>', 'source file to move')
    .argument('<dest>', 'destination path for file to be moved to')
    .action(async (source: string, dest: string, flags: FlushFlag) => {
      const api = await ctx.api()
      await api.files.mv(source, dest, { flush: flushOf(flags), signal: ctx.signal })
    })

  withFlush(files.command('rm'))
    .description('Remove a file from MFS')
    .argument('<paths...>', 'file(s) to remove')
    .option('-r, --recursive', 'recursively remove directories')
    .option('--force', 'forcibly remove target at path; implies -r for directories')
    .action(async (paths: string[], flags: FlushFlag & { recursive?: boolean, force?: boolean }) => {
      if (!flushOf(flags)) throw new UsageError('files rm always flushes for safety. The --flush flag cannot be set to false for this command')
      const api = await ctx.api()
      await api.files.rm(paths, { recursive: flags.recursive, force: flags.force, signal: ctx.signal })
    })

  withCidBase(files.command('flush'))
    .description('Flush a given path\'s data to disk')
    .argument('[path]', "path to flush (default '/')", '/')
    .action(async (path: string, flags: CidBaseFlags) => {
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      const cid = await api.files.flush(path, { signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Cid: enc(cid) })
      else ctx.print.line(enc(cid))
    })

  files.command('chroot')
    .description('Change the MFS root CID (recovery; the daemon must not run)')
    .argument('[cid]', 'new root CID (defaults to empty directory if not specified)')
    .option('--confirm', 'confirm this potentially destructive operation')
    .action(async (cid: string | undefined, flags: { confirm?: boolean }) => {
      if (flags.confirm !== true) throw new UsageError('this is a potentially destructive operation; pass --confirm to proceed')
      const repo = ctx.config.repoPath
      const running = await readApiFile(repo)
      if (running != null && await isDaemonAlive(running)) throw new DaemonRunningError('cairn daemon is running. please stop it to run this command')
      const r = await (await ctx.backend()).mfsChroot(repo, cid)
      const lines = r.old != null
        ? [`MFS root changed from ${r.old} to ${r.root}`, `The old root ${r.old} will be garbage collected unless pinned.`]
        : [`MFS root set to ${r.root}`]
      if (ctx.print.enc === 'json') ctx.print.json({ Message: lines.join('\n') + '\n' })
      else for (const l of lines) ctx.print.line(l)
    })

  withFlush(files.command('chcid'))
    .description('Change the CID version or hash function of a directory')
    .argument('<path>', "path to change (must not be '/')")
    .option('--cid-version <version>', 'CID version to use', cidVersion)
    .option('--hash <hash>', 'hash function to use (implies CIDv1)')
    .action(async (path: string, flags: FlushFlag & CidFlags) => {
      const api = await ctx.api()
      await api.files.chcid(path, { cidVersion: flags.cidVersion, hash: flags.hash, flush: flushOf(flags), signal: ctx.signal })
    })

  withFlush(files.command('touch'))
    .description('Set or change optional POSIX modification times')
    .argument('<path>', 'path of target to update')
    .option('--mtime <secs>', 'modification time in seconds since the Unix epoch (default: now)', (v: string) => {
      if (!/^-?\d+$/.test(v)) throw new UsageError(`'${v}' is not an integer`)
      return Number(v)
    })
    .option('--mtime-nsecs <nsecs>', 'modification time fraction in nanoseconds', parseInteger)
    .action(async (path: string, flags: FlushFlag & { mtime?: number, mtimeNsecs?: number }) => {
      const api = await ctx.api()
      await api.files.touch(path, { mtime: flags.mtime === 0 ? undefined : flags.mtime, mtimeNsecs: flags.mtimeNsecs, flush: flushOf(flags), signal: ctx.signal })
    })

  withFlush(files.command('chmod'))
    .description('Change optional POSIX mode permissions')
    .argument('<mode>', 'mode to apply to node (numeric notation, e.g. 0644)')
    .argument('<path>', 'path to apply mode')
    .action(async (mode: string, path: string, flags: FlushFlag) => {
      if (!/^[0-7]{1,5}$/.test(mode)) throw new UsageError(`strconv.ParseInt: parsing "${mode}": invalid syntax`)
      const api = await ctx.api()
      await api.files.chmod(path, parseInt(mode, 8), { flush: flushOf(flags), signal: ctx.signal })
    })
}
