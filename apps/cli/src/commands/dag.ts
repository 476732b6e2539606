/** `dag import|export|stat`: CAR files in and out */
import { open, readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { CairnError } from '@cairn/interface'
import type { CliContext } from '../context.ts'
import { UsageError } from '../errors.ts'
import { dagStatJson, formatDagStat, formatSiBytes } from '../format.ts'
import { parseCidArg, parsePathArg } from './parse.ts'
import { readAll } from './stdin.ts'
import { cidOutput, withCidBase } from './cid-base.ts'
import type { CidBaseFlags } from './cid-base.ts'

export function registerDag (program: Command, ctx: CliContext): void {
  const dag = program.command('dag').description('Interact with IPLD DAGs')

  withCidBase(dag.command('put'))
    .description('Add DAG nodes: each file (or stdin) decoded with --input-codec, stored with --store-codec')
    .argument('[files...]', 'files holding one object each; stdin when none')
    .option('--store-codec <codec>', 'codec the stored object is encoded with', 'dag-cbor')
    .option('--input-codec <codec>', 'codec the input object is encoded in', 'dag-json')
    .option('--pin', 'pin this object when adding')
    .option('--hash <hash>', 'hash function to use', 'sha2-256')
    .option('--allow-big-block', 'allow blocks over 2 MiB (other peers will not exchange them)')
    .action(async (files: string[], flags: { storeCodec: string, inputCodec: string, pin?: boolean, hash: string, allowBigBlock?: boolean } & CidBaseFlags) => {
      const enc = await cidOutput(flags)
      const inputs = files.length > 0 ? files.map(f => async () => readFile(resolve(ctx.cwd, f))) : [async () => readAll(ctx.stdin)]
      const api = await ctx.api()
      for (const read of inputs) {
        const cid = await api.dag.put(await read(), {
          inputCodec: flags.inputCodec, storeCodec: flags.storeCodec, hash: flags.hash, pin: flags.pin, allowBigBlock: flags.allowBigBlock, signal: ctx.signal
        })
        if (ctx.print.enc === 'json') ctx.print.json({ Cid: { '/': cid.toString() } })
        else ctx.print.line(enc(cid))
      }
    })

  dag.command('get')
    .description('Get a DAG node (or the value a path names inside it), encoded with --output-codec')
    .argument('<ref>', 'the object to get: a CID or an IPFS path', parsePathArg)
    .option('--output-codec <codec>', 'format the object is encoded as', 'dag-json')
    .action(async (ref: string, flags: { outputCodec: string }) => {
      const api = await ctx.api()
      await ctx.print.bytes(await api.dag.get(ref, { outputCodec: flags.outputCodec, signal: ctx.signal }))
    })

  withCidBase(dag.command('resolve'))
    .description('Resolve an IPLD path: the last block it reaches and the rest of the path')
    .argument('<ref>', 'the path to resolve', parsePathArg)
    .action(async (ref: string, flags: CidBaseFlags) => {
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      const r = await api.dag.resolve(ref, { signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Cid: { '/': r.cid.toString() }, RemPath: r.remPath })
      // Kubo prints the path with no newline after it
      else ctx.print.text(r.remPath === '' ? enc(r.cid) : `${enc(r.cid)}/${r.remPath}`)
    })

  withCidBase(dag.command('import'))
    .description('Import the contents of CAR files (stdin when none), then pin their roots')
    .argument('[files...]', 'CAR files')
    .option('--pin-roots', 'pin the roots listed in the CAR headers (default)', true)
    .option('--no-pin-roots', 'do not pin the roots; accepts incomplete DAGs (Kubo: --pin-roots=false)')
    .option('--local-only', 'import a partial CAR; implies --pin-roots=false')
    .option('--silent', 'no output')
    .option('--stats', 'output stats')
    .option('--allow-big-block', 'Kubo flag, accepted: CAR blocks up to the store limit are taken')
    .action(async (files: string[], flags: { pinRoots: boolean, localOnly?: boolean, silent?: boolean, stats?: boolean } & CidBaseFlags) => {
      const enc = await cidOutput(flags)
      const pinRoots = flags.localOnly === true ? false : flags.pinRoots
      // every file is opened before anything is sent, as Kubo's CLI does: a missing one is one line
      const handles = await Promise.all(files.map(async f => open(resolve(ctx.cwd, f))))
      const api = await ctx.api()
      const sources = handles.length > 0 ? handles.map(h => h.createReadStream()) : [ctx.stdin]
      let stats: { blockCount: number, blockBytesCount: number } | undefined
      // all files in one import: the roots are pinned once every file is in (Kubo)
      for await (const r of api.dag.import(sources, { pinRoots, signal: ctx.signal, onStats: s => { stats = s } })) {
        if (!pinRoots || flags.silent === true) continue
        if (ctx.print.enc === 'json') {
          ctx.print.json({ Root: { Cid: { '/': r.root.cid.toString() }, PinErrorMsg: r.root.pinErrorMsg ?? '' } })
        } else if (r.root.pinErrorMsg != null) {
          throw new CairnError(`pinning root "${enc(r.root.cid)}" FAILED: ${r.root.pinErrorMsg}`)
        } else {
          ctx.print.line(`Pinned root\t${enc(r.root.cid)}\tsuccess`)
        }
      }
      if (flags.stats === true && stats != null && flags.silent !== true) {
        if (ctx.print.enc === 'json') ctx.print.json({ Stats: { BlockCount: stats.blockCount, BlockBytesCount: stats.blockBytesCount } })
        else ctx.print.line(`Imported ${stats.blockCount} blocks (${stats.blockBytesCount} bytes)`)
      }
    })

  dag.command('export')
    .description('Stream the DAG under a root CID as a CAR file on stdout')
    .argument('<cid>', 'the root CID', parseCidArg)
    .option('--no-progress', 'Kubo flag, accepted: no progress is drawn')
    .action(async (cid: string) => {
      if (ctx.stdoutIsTTY) throw new UsageError('refusing to write a CAR file to a terminal: redirect stdout to a file (cairn dag export CID > file.car)')
      const api = await ctx.api()
      for await (const chunk of api.dag.export(cid, { signal: ctx.signal })) await ctx.print.bytes(chunk)
    })

  withCidBase(dag.command('stat'))
    .description('Print the size and number of blocks of a DAG')
    .argument('<cid>', 'the root CID', parseCidArg)
    .option('-p, --progress', 'draw the running totals on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'draw nothing (Kubo: --progress=false)')
    .action(async (cid: string, flags: { progress?: boolean } & CidBaseFlags) => {
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      // Kubo's ShouldShowProgress: asked for, or a terminal when not said
      const draw = ctx.print.enc === 'text' && (flags.progress ?? ctx.stderrIsTTY)
      // Kubo's line, rewritten in place with a carriage return, cleared before the result
      const onProgress = draw ? (blocks: number, bytes: number) => { ctx.print.text(`Fetched/Processed ${blocks} blocks, ${bytes} bytes (${formatSiBytes(bytes)})\r`, 'stderr') } : undefined
      const s = await api.dag.stat(cid, { signal: ctx.signal, onProgress })
      if (draw) ctx.print.text('\u001b[2K\r', 'stderr')
      if (ctx.print.enc === 'json') ctx.print.json(dagStatJson(s, enc))
      else for (const line of formatDagStat(s, enc)) ctx.print.line(line)
    })
}
