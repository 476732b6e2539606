/**
 * `object get|links|stat|data`: Kubo's deprecated read side over dag-pb nodes, for old scripts; the
 * write side (`new`, `put`, `patch`, `diff`) answers with Kubo's removal message
 */
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { UsageError } from '../errors.ts'
import { escNonPrint, formatBytes, tabulate } from '../format.ts'
import { parsePathArg } from './parse.ts'

export function registerObject (program: Command, ctx: CliContext): void {
  const object = program.command('object').description('Deprecated commands to interact with dag-pb objects (use dag or files)')

  const load = async (path: string): Promise<import('@cairn/dag').ObjectView> => {
    const api = await ctx.api()
    const { cid, remPath } = await api.dag.resolve(path, { signal: ctx.signal })
    if (remPath !== '') throw new UsageError(`${path} names a value inside ${cid.toString()}, not a dag-pb object`)
    const bytes = await api.block.get(cid, { signal: ctx.signal })
    // the codec is loaded here, not with the command tree
    const { dagPbObject } = await import('@cairn/dag')
    return dagPbObject(cid, bytes)
  }

  object.command('get')
    .description('Get and serialize the dag-pb node (JSON, as Kubo)')
    .argument('<key>', 'the object to get', parsePathArg)
    .option('--data-encoding <encoding>', 'encoding of the data field: text or base64', 'text')
    .action(async (key: string, flags: { dataEncoding: string }) => {
      const o = await load(key)
      const { encodeObjectData } = await import('@cairn/dag')
      ctx.print.json({ Links: o.links, Data: encodeObjectData(o.data, flags.dataEncoding) })
    })

  object.command('links')
    .description('Output the links pointed to by the object')
    .argument('<key>', 'the object', parsePathArg)
    .option('-v, --headers', 'print table headers (Hash, Size, Name)')
    .action(async (key: string, flags: { headers?: boolean }) => {
      const o = await load(key)
      if (ctx.print.enc === 'json') {
        ctx.print.json({ Hash: o.stat.Hash, ...(o.links.length > 0 ? { Links: o.links } : {}) })
        return
      }
      const rows = o.links.map(l => [l.Hash, String(l.Size), escNonPrint(l.Name)])
      for (const line of tabulate(flags.headers === true ? [['Hash', 'Size', 'Name'], ...rows] : rows)) ctx.print.line(line)
    })

  object.command('stat')
    .description('Get stats for the dag-pb node')
    .argument('<key>', 'the object', parsePathArg)
    .option('--human', 'print sizes in human readable format')
    .action(async (key: string, flags: { human?: boolean }) => {
      const { stat } = await load(key)
      if (ctx.print.enc === 'json') { ctx.print.json(stat); return }
      const rows = [
        ['NumLinks:', String(stat.NumLinks)], ['BlockSize:', String(stat.BlockSize)], ['LinksSize:', String(stat.LinksSize)],
        ['DataSize:', String(stat.DataSize)], ['CumulativeSize:', flags.human === true ? formatBytes(stat.CumulativeSize) : String(stat.CumulativeSize)]
      ]
      for (const line of tabulate(rows)) ctx.print.line(line)
    })

  object.command('data')
    .description('Output the raw bytes of the object\'s data field')
    .argument('<key>', 'the object', parsePathArg)
    .action(async (key: string) => {
      await ctx.print.bytes((await load(key)).data)
    })

  for (const name of ['new', 'put', 'diff', 'patch']) {
    object.command(name)
      .description('Removed from Kubo: use dag or files')
      .allowUnknownOption(true)
      .allowExcessArguments(true)
      .argument('[args...]')
      .action(() => { throw new UsageError('removed, use \'ipfs dag\' or \'ipfs files\' instead') })
  }
}
