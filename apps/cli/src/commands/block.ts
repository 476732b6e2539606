/** `block get|put|stat|rm`: raw blocks */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { CairnError } from '@cairn/interface'
import type { BlockPutOptions } from '@cairn/interface'
import { Option } from 'commander'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { cidOutput, withCidBase } from './cid-base.ts'
import type { CidBaseFlags } from './cid-base.ts'
import { UsageError } from '../errors.ts'
import { parseCidList, parseCidOrPathArg, parseInteger } from './parse.ts'
import { readAll } from './stdin.ts'

export function registerBlock (program: Command, ctx: CliContext): void {
  const block = program.command('block').description('Interact with raw blocks in the datastore')

  block.command('get')
    .description('Write the raw bytes of a block to stdout')
    .argument('<cid>', 'the CID of an existing block (or an IPFS path to one)', parseCidOrPathArg)
    .action(async (cid: string) => {
      const api = await ctx.api()
      await ctx.print.bytes(await api.block.get(cid, { signal: ctx.signal }))
    })

  withCidBase(block.command('put'))
    .description('Store a file (or stdin) as a block and print its CID')
    .argument('[files...]', 'files to store; stdin when none')
    .addOption(new Option('--cid-codec <codec>', 'multicodec of the CID').choices(['raw', 'dag-pb', 'dag-cbor', 'dag-json']).default('raw'))
    .option('--mhtype <hash>', 'multihash function', 'sha2-256')
    .addOption(new Option('--mhlen <length>', 'multihash hash length').argParser(v => v === '-1' ? -1 : parseInteger(v)).default(-1))
    .option('--pin', 'pin the block when added')
    .option('--allow-big-block', 'allow blocks over 2 MiB (other peers will not exchange them)')
    .addOption(new Option('-f, --format <format>', 'use legacy format for returned CID (DEPRECATED: use --cid-codec)').choices(['v0', 'protobuf', 'dag-pb', 'cbor', 'dag-cbor', 'dag-json', 'raw']))
    .action(async (files: string[], flags: { cidCodec: BlockPutOptions['cidCodec'], mhtype: string, mhlen: number, pin?: boolean, allowBigBlock?: boolean, format?: string } & CidBaseFlags, command: Command) => {
      if (flags.format != null && command.getOptionValueSource('cidCodec') === 'cli') {
        throw new UsageError('unable to use "format" (deprecated) and a custom "cid-codec" at the same time')
      }
      const legacy: Record<string, BlockPutOptions['cidCodec']> = { v0: 'dag-pb', protobuf: 'dag-pb', 'dag-pb': 'dag-pb', cbor: 'dag-cbor', 'dag-cbor': 'dag-cbor', 'dag-json': 'dag-json', raw: 'raw' }
      const cidCodec = flags.format != null ? legacy[flags.format] : flags.cidCodec
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      const inputs = files.length > 0 ? files.map(f => async () => readFile(resolve(ctx.cwd, f))) : [async () => readAll(ctx.stdin)]
      for (const read of inputs) {
        const bytes = await read()
        const cid = await api.block.put(bytes, { cidCodec, mhtype: flags.mhtype, mhlen: flags.mhlen, pin: flags.pin, allowBigBlock: flags.allowBigBlock, signal: ctx.signal })
        if (ctx.print.enc === 'json') ctx.print.json({ Key: enc(cid), Size: bytes.byteLength })
        else ctx.print.line(enc(cid))
      }
    })

  withCidBase(block.command('stat'))
    .description('Print the size of a block')
    .argument('<cid>', 'the CID of an existing block (or an IPFS path to one)', parseCidOrPathArg)
    .action(async (cid: string, flags: CidBaseFlags) => {
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      const s = await api.block.stat(cid, { signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Key: enc(s.cid), Size: s.size })
      else { ctx.print.line(`Key: ${enc(s.cid)}`); ctx.print.line(`Size: ${s.size}`) }
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
        if (ctx.print.enc === 'json') ctx.print.json({ Hash: r.cid.toString(), ...(r.error != null ? { Error: r.error } : {}) })
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
