/** `refs` and `refs local`: links below a path, and every local block (Kubo's `core/commands/refs.go`) */
import type { RefEdge } from '@cairn/interface'
import { Option } from 'commander'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { UsageError } from '../errors.ts'
import type { CidText } from '../format.ts'
import { cidOutput, withCidBase } from './cid-base.ts'
import type { CidBaseFlags } from './cid-base.ts'
import { parseInteger, parsePathArg } from './parse.ts'

/** Kubo's `--format` tokens, replaced in each edge */
function formatRef (format: string, edge: RefEdge, enc: CidText): string {
  return format.replaceAll('<src>', enc(edge.src)).replaceAll('<dst>', enc(edge.dst)).replaceAll('<linkname>', edge.linkName)
}

/** Kubo's `--max-depth` is an int: -1 (the default) means no limit */
function parseDepth (value: string): number {
  return value === '-1' ? -1 : parseInteger(value)
}

export function registerRefs (program: Command, ctx: CliContext): void {
  const refs = withCidBase(program.command('refs'))
    .description('List links (references) from an object')
    .argument('<ipfs-path...>', 'paths to list references from')
    .option('--format <format>', 'emit edges with the given format; tokens: <src> <dst> <linkname>', '<dst>')
    .option('-e, --edges', 'emit edge format: `<from> -> <to>`')
    .option('-u, --unique', 'omit duplicate refs from output')
    .option('-r, --recursive', 'recursively list links of child nodes')
    .addOption(new Option('--max-depth <depth>', 'only for recursive refs, limits fetch and listing to the given depth').argParser(parseDepth).default(-1))
    .action(async (paths: string[], flags: { format: string, edges?: boolean, unique?: boolean, recursive?: boolean, maxDepth: number } & CidBaseFlags) => {
      paths.forEach(parsePathArg)
      let format = flags.format
      if (flags.edges === true) {
        if (format !== '<dst>') throw new UsageError('using format argument with edges is not allowed')
        format = '<src> -> <dst>'
      }
      const enc = await cidOutput(flags)
      const api = await ctx.api()
      const edges = api.refs(paths, { recursive: flags.recursive === true, unique: flags.unique === true, maxDepth: flags.maxDepth, signal: ctx.signal })
      for await (const edge of edges) {
        const ref = formatRef(format, edge, enc)
        if (ctx.print.enc === 'json') ctx.print.json({ Ref: ref, Err: '' })
        else ctx.print.line(ref)
      }
    })

  refs.command('local')
    .description('List all local references (every block, as a CIDv1 raw)')
    .action(async () => { await printLocalRefs(ctx) })
}

/** Kubo's `refs local`, which `repo ls` is another name for */
export async function printLocalRefs (ctx: CliContext): Promise<void> {
  const api = await ctx.api()
  for await (const cid of api.refsLocal({ signal: ctx.signal })) {
    if (ctx.print.enc === 'json') ctx.print.json({ Ref: cid.toString(), Err: '' })
    else ctx.print.line(cid.toString())
  }
}
