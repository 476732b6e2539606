/**
 * `add`, `cat`, `get` and `ls`: Kubo's flags and output lines.
 */
import { createWriteStream } from 'node:fs'
import { lstat, mkdir, readdir, readFile, symlink, chmod, utimes } from 'node:fs/promises'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { InvalidParametersError, NotFoundError } from '@cairn/interface'
import type { AddOptions, AddResult, GetEntry, ImportCandidate, LsEntry } from '@cairn/interface'
import { Option } from 'commander'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { UsageError } from '../errors.ts'
import { addedJson, formatAdded, formatLs, lsJson } from '../format.ts'
import type { AddQuietness } from '../format.ts'
import { parseInteger, parsePathArg, parseSignedInteger } from './parse.ts'
import { cidOutput, withCidBase } from './cid-base.ts'
import type { CidBaseFlags } from './cid-base.ts'
import { catMany } from '@cairn/dag/cat-many'

interface AddFlags {
  recursive?: boolean
  wrapWithDirectory?: boolean
  onlyHash?: boolean
  quiet?: boolean
  quieter?: boolean
  cidVersion?: 0 | 1
  rawLeaves?: boolean
  chunker?: string
  trickle?: boolean
  pin: boolean
  hidden?: boolean
  ignore?: string[]
  ignoreRulesPath?: string
  progress: boolean
  inline?: boolean
  inlineLimit?: number
  stdinName?: string
  toFiles?: string
  hash?: string
  cidBase?: string
  upgradeCidv0InOutput?: boolean
}

type Exclude = (name: string, isDirectory: boolean) => boolean

/**
 * Kubo's `--ignore` rules and `--ignore-rules-path` file, gitignore syntax, matched on each entry's
 * name below the given paths (boxo's `files.Filter`); undefined when there are none
 */
async function ignoreFilter (rules: string[], rulesPath: string | undefined, cwd: string): Promise<Exclude | undefined> {
  if (rules.length === 0 && rulesPath == null) return undefined
  const { default: ignore } = await import('ignore')
  const ig = ignore()
  if (rulesPath != null) {
    const file = resolve(cwd, rulesPath)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (err) {
      const code = (err as { code?: string }).code
      // Go's os.Open error, as Kubo prints it
      throw code === 'ENOENT' ? new NotFoundError(`open ${rulesPath}: no such file or directory`, { cause: err }) : err
    }
    ig.add(text)
  }
  ig.add(rules)
  return (name, isDirectory) => ig.ignores(isDirectory ? `${name}/` : name)
}

/** Bytes the progress bar counts up to: the sizes of the files `add` will read */
async function totalBytes (paths: string[], recursive: boolean, hidden: boolean, exclude?: Exclude): Promise<number> {
  let total = 0
  const walk = async (p: string, top: boolean): Promise<void> => {
    const s = await lstat(p)
    if (!top && exclude?.(basename(p), s.isDirectory()) === true) return
    if (s.isFile()) total += s.size
    else if (s.isDirectory() && recursive) {
      for (const name of await readdir(p)) {
        if (!hidden && name.startsWith('.')) continue
        await walk(join(p, name), false)
      }
    }
  }
  for (const p of paths) await walk(p, true)
  return total
}

/** Kubo refuses a directory without `-r` before reading anything */
async function checkPaths (paths: string[], recursive: boolean): Promise<void> {
  for (const p of paths) {
    const s = await lstat(p)
    if (s.isDirectory() && !recursive) {
      throw new InvalidParametersError(`${basename(p)} is a directory, use the '-r' flag to specify directories`)
    }
  }
}

/** stdin as one file: unnamed (Kubo prints, and with -w links, it by its CID) unless --stdin-name */
async function * stdinSource (ctx: CliContext, name = ''): AsyncGenerator<ImportCandidate> {
  yield { path: name, content: ctx.stdin }
}

export function registerFiles (program: Command, ctx: CliContext): void {
  withCidBase(program.command('add'))
    .description('Add a file or directory to Cairn (stdin when no path is given)')
    .argument('[paths...]', 'paths to add')
    .option('-r, --recursive', 'add directory paths recursively')
    .option('-w, --wrap-with-directory', 'wrap files with a directory object')
    .option('-n, --only-hash', 'only chunk and hash; do not write to disk')
    .option('-q, --quiet', 'write minimal output: bare CIDs')
    .option('-Q, --quieter', 'write only the final CID')
    .addOption(new Option('--cid-version <version>', 'CID version (1 implies --raw-leaves)').choices(['0', '1']).argParser(v => {
      if (v !== '0' && v !== '1') throw new UsageError(`--cid-version must be 0 or 1, not '${v}'`)
      return Number(v) as 0 | 1
    }))
    .option('--raw-leaves', 'use raw blocks for leaf nodes')
    .option('--no-raw-leaves', 'wrap leaves in UnixFS nodes even with --cid-version=1')
    .option('-s, --chunker <spec>', 'chunking algorithm: size-<bytes>, rabin-<min>-<avg>-<max> or buzhash')
    .option('-t, --trickle', 'use the trickle DAG layout')
    .option('--no-pin', 'do not pin what is added (Kubo: --pin=false)')
    .option('-H, --hidden', 'include files whose names start with a dot')
    .option('--ignore <rule>', 'a .gitignore-style rule: leave out matching files (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--ignore-rules-path <path>', 'a file of .gitignore-style rules: leave out matching files')
    .option('--no-progress', 'do not draw the progress bar (Kubo: --progress=false)')
    .option('--inline', 'inline small blocks into their CIDs')
    .option('--inline-limit <bytes>', 'largest block to inline', parseInteger)
    .option('--stdin-name <name>', 'assign a name if the file source is stdin')
    .option('--hash <function>', 'hash function to use; implies CIDv1 if not sha2-256 (default sha2-256)')
    .option('--to-files <path>', 'add reference to Files API (MFS) at the provided path')
    .action(async (paths: string[], flags: AddFlags) => {
      const recursive = flags.recursive === true
      const hidden = flags.hidden === true
      const absolute = paths.map(p => resolve(ctx.cwd, p))
      if (absolute.length > 0) await checkPaths(absolute, recursive)
      if (absolute.length === 0 && ctx.stdin.isTTY === true) throw new UsageError("argument 'path' is required")

      const exclude = await ignoreFilter(flags.ignore ?? [], flags.ignoreRulesPath, ctx.cwd)
      const quietness: AddQuietness = flags.quieter === true ? 'quieter' : flags.quiet === true ? 'quiet' : 'normal'
      const enc = await cidOutput(flags)
      const api = await ctx.api({ initIfMissing: true })
      const progressWanted = flags.progress && quietness !== 'quieter' && ctx.print.enc === 'text' && absolute.length > 0
      const bar = ctx.print.progress(progressWanted ? await totalBytes(absolute, recursive, hidden, exclude) : 0, progressWanted)

      const done = new Map<string, number>()
      let sum = 0
      const options: AddOptions = {
        signal: ctx.signal,
        wrapWithDirectory: flags.wrapWithDirectory,
        onlyHash: flags.onlyHash,
        cidVersion: flags.cidVersion,
        rawLeaves: flags.rawLeaves,
        chunker: flags.chunker,
        trickle: flags.trickle,
        pin: flags.pin,
        hidden,
        inline: flags.inline,
        inlineLimit: flags.inlineLimit,
        toFiles: flags.toFiles,
        hash: flags.hash,
        onProgress: progressWanted
          ? (bytes, path) => {
              sum += bytes - (done.get(path) ?? 0)
              done.set(path, bytes)
              bar.update(sum)
            }
          : undefined
      }
      // only the disk walker: an add through a daemon loads no importer
      const source = absolute.length > 0 ? (await import('@cairn/dag/fs-source')).fileSource(absolute, { recursive, hidden, exclude }) : stdinSource(ctx, flags.stdinName)
      let last: AddResult | undefined
      try {
        for await (const result of api.add(source, options)) {
          last = result
          if (quietness === 'quieter') continue
          if (ctx.print.enc === 'json') ctx.print.json(addedJson(result, enc))
          else ctx.print.line(formatAdded(result, quietness, enc))
        }
      } finally {
        bar.stop()
      }
      if (quietness === 'quieter' && last != null) {
        if (ctx.print.enc === 'json') ctx.print.json(addedJson(last, enc))
        else ctx.print.line(enc(last.cid))
      }
    })

  program.command('cat')
    .description('Show the bytes of one or more files, one after the other')
    .argument('<ipfs-path...>', 'IPFS paths of files')
    .option('-o, --offset <bytes>', 'byte offset to begin reading from', parseSignedInteger)
    .option('-l, --length <bytes>', 'maximum number of bytes to read', parseSignedInteger)
    .option('-p, --progress', 'accepted for Kubo compatibility; Cairn draws no bar for cat')
    .option('--no-progress', 'accepted for Kubo compatibility (--progress=false)')
    .action(async (paths: string[], flags: { offset?: number, length?: number }) => {
      paths.forEach(parsePathArg)
      const api = await ctx.api()
      for await (const chunk of catMany(api, paths, { offset: flags.offset, length: flags.length, signal: ctx.signal })) {
        await ctx.print.bytes(chunk)
      }
    })

  program.command('get')
    .description('Download a file or directory to disk')
    .argument('<path>', 'the IPFS path to download')
    .option('-o, --output <path>', 'the path where the output is stored')
    .option('-a, --archive', 'output a TAR archive')
    .option('-C, --compress', 'compress the output with GZIP compression')
    .option('-l, --compression-level <level>', 'the level of compression (1-9)', parseInteger)
    .option('--no-progress', 'do not draw the progress bar')
    .action(async (path: string, flags: GetFlags) => {
      parsePathArg(path)
      const rootName = basename(path.replace(/\/+$/, ''))
      if (flags.archive === true || flags.compress === true) {
        // loaded only here: tar and gzip are no cost to any other command
        const archive = await import('@cairn/gateway/archive')
        // a bad level fails before anything is read, as Kubo's PreRun
        const level = archive.compressionLevel(flags.compress, flags.compressionLevel)
        const api = await ctx.api()
        const shown = archivePath(flags.output ?? rootName, flags.archive === true, level != null)
        await writeArchive(ctx, archive.archiveStream(api.get(path, { signal: ctx.signal }), { archive: flags.archive, compressionLevel: level }), shown)
        return
      }
      const api = await ctx.api()
      const out = resolve(ctx.cwd, flags.output ?? rootName)
      let total = 0
      let bar = ctx.print.progress(0, false)
      let first = true
      for await (const entry of api.get(path, { signal: ctx.signal })) {
        if (first) {
          first = false
          // said once the path resolved, so a wrong path fails without it
          if (ctx.print.enc === 'text') ctx.print.line(`Saving file(s) to ${flags.output ?? rootName}`)
          if (flags.progress && entry.type === 'directory') {
            // the DAG's size is the best total there is before the walk (it counts block framing too)
            total = (await api.dag.stat(entry.cid, { signal: ctx.signal })).size
          } else if (flags.progress) total = entry.size ?? 0
          bar = ctx.print.progress(total, flags.progress && ctx.print.enc === 'text')
        }
        let written = 0
        await writeEntry(entry, out, (n) => { written += n; bar.update(Math.min(total, written)) })
      }
      bar.stop()
    })

  withCidBase(program.command('ls'))
    .description('List directory contents')
    .argument('<paths...>', 'IPFS paths of directories')
    .option('-v, --headers', 'print table headers (Hash, Size, Name)')
    .option('--no-size', 'omit sizes (Kubo: --size=false)')
    .option('--no-resolve-type', 'do not read children to learn their types (Kubo: --resolve-type=false)')
    .option('-s, --stream', 'print entries as they are read, unsorted (Kubo: columns padded to 10)')
    .action(async (paths: string[], flags: { headers?: boolean, size: boolean, resolveType: boolean, stream?: boolean } & CidBaseFlags) => {
      paths.forEach(parsePathArg)
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      // Kubo reads each child when a type or a size is wanted
      const resolveChildren = flags.resolveType || flags.size
      const table = { headers: flags.headers, size: flags.size, enc }
      for (const path of paths) {
        // Kubo: a blank line before each listing but the first, none after the last
        const heading = (): void => {
          if (ctx.print.enc !== 'text') return
          if (paths.length > 1 && path !== paths[0]) ctx.print.line('')
          if (paths.length > 1) ctx.print.line(`${path}:`)
        }
        const entries = api.ls(path, { signal: ctx.signal, resolveChildren })
        if (flags.stream === true) {
          let first = true
          for await (const e of entries) {
            if (ctx.print.enc === 'json') { ctx.print.json(lsJson(path, [e], enc)); continue }
            if (first) heading()
            for (const line of formatLs([e], { ...table, headers: first && flags.headers, minWidth: LS_STREAM_MIN_WIDTH })) ctx.print.line(line)
            first = false
          }
          if (first) heading()
          continue
        }
        const all: LsEntry[] = []
        for await (const e of entries) all.push(e)
        // Kubo sorts a listing by name, byte by byte (a HAMT's order is not the names')
        all.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
        if (ctx.print.enc === 'json') { ctx.print.json(lsJson(path, all, enc)); continue }
        heading()
        for (const line of formatLs(all, table)) ctx.print.line(line)
      }
    })
}

/** Kubo's tabwriter minimum cell width for `ls --stream`, which cannot align columns across entries */
const LS_STREAM_MIN_WIDTH = 10

interface GetFlags {
  output?: string
  progress: boolean
  archive?: boolean
  compress?: boolean
  compressionLevel?: number
}

/** Kubo's `getWriter.writeArchive` name: `.tar` for an archive, then `.gz` when compressed */
export function archivePath (out: string, archive: boolean, compressed: boolean): string {
  let path = out
  if (archive && !path.endsWith('.tar') && !path.endsWith('.tar.gz')) path += '.tar'
  if (compressed && !path.endsWith('.gz')) path += '.gz'
  return path
}

/** Writes the archive to `shown` (as Kubo prints it: relative to the working folder unless absolute) */
async function writeArchive (ctx: CliContext, body: AsyncIterable<Uint8Array>, shown: string): Promise<void> {
  // the first bytes prove the path resolved, so a wrong path leaves no empty file behind
  const it = body[Symbol.asyncIterator]()
  const first = await it.next()
  if (ctx.print.enc === 'text') ctx.print.line(`Saving archive to ${shown}`)
  await pipeline(async function * () {
    if (first.done !== true) yield first.value
    for (let next = await it.next(); next.done !== true; next = await it.next()) yield next.value
  }, createWriteStream(resolve(ctx.cwd, shown)))
}

/** Writes one `get` entry under `out`, refusing any name that would land outside it */
export async function writeEntry (entry: GetEntry, out: string, onBytes: (n: number) => void = () => {}): Promise<void> {
  const parts = entry.path.split('/').slice(1)
  if (parts.some(p => p === '..' || p === '' || p.includes('\\'))) {
    throw new InvalidParametersError(`refusing to write '${entry.path}': it leaves the output folder`)
  }
  const target = parts.length === 0 ? out : join(out, ...parts)
  if (target !== out && !target.startsWith(out + sep)) {
    throw new InvalidParametersError(`refusing to write '${entry.path}': it leaves the output folder`)
  }
  if (entry.type === 'directory') {
    await mkdir(target, { recursive: true })
  } else if (entry.type === 'symlink') {
    await mkdir(dirname(target), { recursive: true })
    await symlink(entry.symlinkTarget ?? '', target)
    return
  } else {
    await mkdir(dirname(target), { recursive: true })
    const content = entry.content ?? (async function * () {})()
    await pipeline(async function * () {
      for await (const chunk of content) {
        onBytes(chunk.byteLength)
        yield chunk
      }
    }, createWriteStream(target))
  }
  // directories keep the modes mkdir gave them: a read-only one would refuse its own children
  if (entry.type !== 'file') return
  if (entry.mode != null) await chmod(target, entry.mode & 0o7777)
  if (entry.mtime != null) {
    const seconds = Number(entry.mtime.secs) + (entry.mtime.nsecs ?? 0) / 1e9
    await utimes(target, seconds, seconds)
  }
}
