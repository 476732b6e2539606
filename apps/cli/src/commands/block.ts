/** `block get|put|stat|rm`: raw blocks */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { CairnError } from '@cairn/interface'
import type { BlockPutOptions } from '@cairn/interface'
import { Option } from 'commander'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { parseCidArg, parseCidList } from './parse.ts'
import { readAll } from './stdin.ts'

export function registerBlock (program: Command, ctx: CliContext): void {
  const block = program.command('block').description('Interact with raw blocks in the datastore')

  block.command('get')
    .description('Write the raw bytes of a block to stdout')
    .argument('<cid>', 'the CID of an existing block', parseCidArg)
    .action(async (cid: string) => {
      const api = await ctx.api()
      await ctx.print.bytes(await api.block.get(cid, { signal: ctx.signal }))
    })

  block.command('put')
    .description('Store a file (or stdin) as a block and print its CID')
    .argument('[files...]', 'files to store; stdin when none')
    .addOption(new Option('--cid-codec <codec>', 'multicodec of the CID').choices(['raw', 'dag-pb', 'dag-cbor', 'dag-json']).default('raw'))
    .option('--mhtype <hash>', 'multihash function', 'sha2-256')
    .option('--pin', 'pin the block when added')
    .action(async (files: string[], flags: { cidCodec: BlockPutOptions['cidCodec'], mhtype: string, pin?: boolean }) => {
      const api = await ctx.api()
      const inputs = files.length > 0 ? files.map(f => async () => readFile(resolve(ctx.cwd, f))) : [async () => readAll(ctx.stdin)]
      for (const read of inputs) {
        const bytes = await read()
        const cid = await api.block.put(bytes, { cidCodec: flags.cidCodec, mhtype: flags.mhtype, pin: flags.pin, signal: ctx.signal })
        if (ctx.print.enc === 'json') ctx.print.json({ Key: cid.toString(), Size: bytes.byteLength })
        else ctx.print.line(cid.toString())
      }
    })

  block.command('stat')
    .description('Print the size of a block')
    .argument('<cid>', 'the CID of an existing block', parseCidArg)
    .action(async (cid: string) => {
      const api = await ctx.api()
      const s = await api.block.stat(cid, { signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Key: s.cid.toString(), Size: s.size })
      else { ctx.print.line(`Key: ${s.cid.toString()}`); ctx.print.line(`Size: ${s.size}`) }
    })

  block.command('rm')
    .description('Remove blocks from the local datastore')
    .argument('<cids...>', 'CIDs of blocks to remove', parseCidList)
    .option('-f, --force', 'ignore nonexistent blocks')
    .option('-q, --quiet', 'write minimal output')
    .action(async (cids: string[], flags: { force?: boolean, quiet?: boolean }) => {
      const api = await ctx.api()
      let failures = 0
      for await (const r of api.block.rm(cids, { force: flags.force, signal: ctx.signal })) {
        if (ctx.print.enc === 'json') ctx.print.json({ Hash: r.cid.toString(), Error: r.error ?? '' })
        if (r.error != null) {
          failures++
          if (ctx.print.enc === 'text') ctx.print.notice(`cannot remove ${r.cid.toString()}: ${r.error}`)
        } else if (ctx.print.enc === 'text' && flags.quiet !== true) {
          ctx.print.line(`removed ${r.cid.toString()}`)
        }
      }
      if (failures > 0) throw new CairnError('some blocks not removed')
    })
}
