/** `dag import|export|stat`: CAR files in and out */
import { open } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { UsageError } from '../errors.ts'
import { dagStatJson, formatDagStat } from '../format.ts'
import { parseCidArg } from './parse.ts'

export function registerDag (program: Command, ctx: CliContext): void {
  const dag = program.command('dag').description('Interact with IPLD DAGs')

  dag.command('import')
    .description('Import the contents of CAR files (stdin when none)')
    .argument('[files...]', 'CAR files')
    .option('--pin-roots', 'pin the roots listed in the CAR headers (default)', true)
    .option('--no-pin-roots', 'do not pin the roots; accepts incomplete DAGs (Kubo: --pin-roots=false)')
    .action(async (files: string[], flags: { pinRoots: boolean }) => {
      // every file is opened before anything is sent, as Kubo's CLI does: a missing one is one line
      const handles = await Promise.all(files.map(async f => open(resolve(ctx.cwd, f))))
      const api = await ctx.api()
      const sources = handles.length > 0 ? handles.map(h => h.createReadStream()) : [ctx.stdin]
      for (const source of sources) {
        for await (const r of api.dag.import(source, { pinRoots: flags.pinRoots, signal: ctx.signal })) {
          if (!flags.pinRoots) continue
          if (ctx.print.enc === 'json') {
            ctx.print.json({ Root: { Cid: { '/': r.root.cid.toString() }, PinErrorMsg: r.root.pinErrorMsg ?? '' } })
          } else {
            ctx.print.line(`Pinned root\t${r.root.cid.toString()}\t${r.root.pinErrorMsg == null ? 'success' : `FAILED: ${r.root.pinErrorMsg}`}`)
          }
        }
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

  dag.command('stat')
    .description('Print the size and number of blocks of a DAG')
    .argument('<cid>', 'the root CID', parseCidArg)
    .option('--no-progress', 'Kubo flag, accepted: no progress is drawn')
    .action(async (cid: string) => {
      const api = await ctx.api()
      const s = await api.dag.stat(cid, { signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json(dagStatJson(s))
      else for (const line of formatDagStat(s)) ctx.print.line(line)
    })
}
