/**
 * `cid format|base32|inspect|bases|codecs|hashes` and `multibase encode|decode|transcode|list`:
 * pure conversions, run here in the CLI with no repo and no daemon (Kubo: `SetDoesNotUseRepo`)
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { InvalidCidError } from '@cairn/interface'
import { readAll } from './stdin.ts'

/** @cairn/ipld, loaded when one of these commands runs: `--help` never pays for multiformats' bases */
const tools = async (): Promise<typeof import('@cairn/ipld')> => import('@cairn/ipld')

/** The file argument, or stdin when none: Kubo's `FileArg(...).EnableStdin()` */
async function input (ctx: CliContext, file: string | undefined): Promise<Uint8Array> {
  return file != null ? readFile(resolve(ctx.cwd, file)) : readAll(ctx.stdin)
}

/** CIDs from the arguments, else one per line of stdin */
async function cidArgs (ctx: CliContext, cids: string[]): Promise<string[]> {
  if (cids.length > 0) return cids
  return new TextDecoder().decode(await readAll(ctx.stdin)).split('\n').map(s => s.trim()).filter(s => s !== '')
}

export function registerCid (program: Command, ctx: CliContext): void {
  const cid = program.command('cid').description('Convert and discover properties of CIDs')

  const emit = async (cids: string[], options: { format?: string, version?: string, codec?: string, base?: string }): Promise<void> => {
    const { checkCidFormatOptions, formatCid } = await tools()
    checkCidFormatOptions(options)
    let failed = false
    for (const text of await cidArgs(ctx, cids)) {
      try {
        const formatted = formatCid(text, options)
        if (ctx.print.enc === 'json') ctx.print.json({ CidStr: text, Formatted: formatted, ErrorMsg: '' })
        else ctx.print.line(formatted)
      } catch (err) {
        failed = true
        if (ctx.print.enc === 'json') ctx.print.json({ CidStr: text, Formatted: '', ErrorMsg: (err as Error).message })
        else ctx.print.notice(`${text}: ${(err as Error).message}`)
      }
    }
    // Kubo goes on past a bad CID and exits 1 at the end
    if (failed) throw new InvalidCidError('some CIDs could not be converted')
  }

  cid.command('format')
    .description('Format and convert a CID in various useful ways')
    .argument('[cids...]', 'CIDs to format (stdin, one per line, when none)')
    .option('-f <format>', 'printf style format string: %s %S %b %B %v %V %c %C %h %H %L %m %M %d %D %P', '%s')
    .option('-v <version>', 'CID version to convert to')
    .option('--mc <codec>', 'CID multicodec to convert to')
    .option('-b <base>', 'multibase to display the CID in')
    .action(async (cids: string[], flags: { f: string, v?: string, mc?: string, b?: string }) => {
      await emit(cids, { format: flags.f, version: flags.v, codec: flags.mc, base: flags.b })
    })

  cid.command('base32')
    .description('Convert CIDs to base32 CIDv1')
    .argument('[cids...]', 'CIDs to convert (stdin, one per line, when none)')
    .action(async (cids: string[]) => { await emit(cids, { version: '1', base: 'base32' }) })

  cid.command('inspect')
    .description('Inspect and display detailed information about a CID')
    .argument('<cid>', 'CID to inspect')
    .action(async (text: string) => {
      const { formatInspection, inspectCid } = await tools()
      let r
      try {
        r = inspectCid(text)
      } catch (err) {
        if (ctx.print.enc === 'json') { ctx.print.json({ cid: text, errorMsg: `invalid CID: ${(err as Error).message}` }); return }
        throw new InvalidCidError(`invalid CID: ${(err as Error).message}`)
      }
      if (ctx.print.enc === 'json') ctx.print.json(r)
      else for (const line of formatInspection(r)) ctx.print.line(line)
    })

  const bases = async (flags: { prefix?: boolean, numeric?: boolean }): Promise<void> => {
    const { formatBases, listBases } = await tools()
    const list = listBases()
    if (ctx.print.enc === 'json') ctx.print.json(list)
    else for (const line of formatBases(list, flags)) ctx.print.line(line)
  }

  cid.command('bases')
    .description('List available multibase encodings')
    .option('--prefix', 'also include the single letter prefixes in addition to the code')
    .option('--numeric', 'also include numeric codes')
    .action(bases)

  cid.command('codecs')
    .description('List available CID multicodecs')
    .option('-n, --numeric', 'also include numeric codes')
    .option('-s, --supported', 'list only codecs supported by Cairn commands')
    .action(async (flags: { numeric?: boolean, supported?: boolean }) => {
      const { formatCodes, listCodecs } = await tools()
      const list = listCodecs(flags)
      if (ctx.print.enc === 'json') ctx.print.json(list)
      else for (const line of formatCodes(list, flags)) ctx.print.line(line)
    })

  cid.command('hashes')
    .description('List available multihashes (those Cairn computes)')
    .option('-n, --numeric', 'also include numeric codes')
    .option('-s, --supported', 'Kubo flag, accepted: every listed hash is supported')
    .action(async (flags: { numeric?: boolean }) => {
      const { formatCodes, listHashes } = await tools()
      const list = listHashes()
      if (ctx.print.enc === 'json') ctx.print.json(list)
      else for (const line of formatCodes(list, flags)) ctx.print.line(line)
    })

  const multibase = program.command('multibase').description('Encode and decode files or stdin with multibase format')

  multibase.command('encode')
    .description('Encode data into multibase string')
    .argument('[file]', 'data to encode (stdin when none)')
    .option('-b <base>', 'multibase encoding', 'base64url')
    .action(async (file: string | undefined, flags: { b: string }) => {
      const { multibaseByName, multibaseEncode } = await tools()
      multibaseByName(flags.b)
      // Kubo writes the string with no newline after it
      ctx.print.text(multibaseEncode(await input(ctx, file), flags.b))
    })

  multibase.command('decode')
    .description('Decode multibase string')
    .argument('[file]', 'encoded data to decode (stdin when none)')
    .action(async (file: string | undefined) => {
      const { multibaseDecode } = await tools()
      await ctx.print.bytes(multibaseDecode(new TextDecoder().decode(await input(ctx, file))))
    })

  multibase.command('transcode')
    .description('Transcode multibase string between bases')
    .argument('[file]', 'encoded data to transcode (stdin when none)')
    .option('-b <base>', 'multibase encoding', 'base64url')
    .action(async (file: string | undefined, flags: { b: string }) => {
      const { multibaseByName, multibaseDecode, multibaseEncode } = await tools()
      multibaseByName(flags.b)
      ctx.print.text(multibaseEncode(multibaseDecode(new TextDecoder().decode(await input(ctx, file))), flags.b))
    })

  multibase.command('list')
    .description('List available multibase encodings')
    .option('--prefix', 'also include the single letter prefixes in addition to the code')
    .option('--numeric', 'also include numeric codes')
    .action(bases)
}
