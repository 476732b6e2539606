/**
 * Pure text shapes of Kubo's command output: what `ipfs` prints, so that scripts written against
 * Kubo read Cairn's output too. No I/O here; `print.ts` writes what these return.
 */
import type { AddResult, BandwidthStats, LsEntry, PinEntry, RepoStats } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

const IEC_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']
const SI_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB']

/** How a command writes CIDs: as they are, or in the `--cid-base` the user asked for */
export type CidText = (cid: CID) => string
const plain: CidText = cid => cid.toString()

/** `1.50 MiB`: binary units, as Kubo's progress bar shows them */
export function formatBytes (n: number): string {
  return scale(n, 1024, IEC_UNITS)
}

/**
 * `1.5 MB`: go-humanize's `Bytes`, which Kubo's `stats bw`, `repo stat --human` and `bitswap stat
 * --human` print: decimal units, the value rounded to one decimal, shown with one under 10
 */
export function formatSiBytes (n: number): string {
  if (n < 10) return `${Math.round(n)} B`
  const e = Math.min(Math.floor(Math.log10(n) / 3), SI_UNITS.length - 1)
  const v = Math.floor(n / 1000 ** e * 10 + 0.5) / 10
  return `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ${SI_UNITS[e]}`
}

function scale (n: number, base: number, units: string[]): string {
  let i = 0
  let v = n
  while (v >= base && i < units.length - 1) { v /= base; i++ }
  return i === 0 ? `${v} ${units[0]}` : `${v.toFixed(2)} ${units[i]}`
}

/**
 * Aligns rows into columns as Go's tabwriter does for Kubo (`minwidth 1, padding 1`): each cell but
 * the last is padded to its column's widest cell plus one space.
 */
export function tabulate (rows: string[][], minWidth = 1): string[] {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => { if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, cell.length + 1, minWidth) })
  }
  return rows.map(row => row.map((cell, i) => i < row.length - 1 ? cell.padEnd(widths[i]) : cell).join(''))
}

/**
 * Go's `text/tabwriter` with `padchar '\t'`, as Kubo's tables use it: every cell but a row's last
 * (the text after its final tab) ends in tabs up to its column's width, which is at least
 * `minWidth`, rounded up to a multiple of `tabWidth`
 */
export function goTabwriter (rows: string[][], minWidth: number, tabWidth = 8): string[] {
  const widths: number[] = []
  for (const row of rows) row.slice(0, -1).forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length, minWidth) })
  return rows.map(row => row.map((cell, i) => {
    if (i === row.length - 1) return cell
    const width = Math.ceil(widths[i] / tabWidth) * tabWidth
    return cell + '\t'.repeat(Math.ceil((width - cell.length) / tabWidth))
  }).join(''))
}

export type AddQuietness = 'normal' | 'quiet' | 'quieter'

/**
 * Kubo's `cmdenv.EscNonPrint`: a name with a backslash or a character Go's `strconv.IsPrint` rejects
 * is written as Go quotes it (`\n`, `\t`, `\x01`, `\u00a0`, `\\`), without the quotes; others as they are
 */
export function escNonPrint (name: string): string {
  const printable = (ch: string): boolean => ch === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)
  if (!name.includes('\\') && [...name].every(printable)) return name
  const named: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\' }
  return [...name].map(ch => {
    if (named[ch] != null) return named[ch]
    if (printable(ch)) return ch
    const code = ch.codePointAt(0)!
    if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`
    return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  }).join('')
}

/** Kubo: `added <cid> <name>`; `-q` bare CIDs; `-Q` (printed by the caller for the root only) */
export function formatAdded (result: AddResult, quietness: AddQuietness, enc: CidText = plain): string {
  if (quietness !== 'normal') return enc(result.cid)
  // Kubo prints `added <cid> <name>` even for an empty name (the -w wrapper: a trailing space);
  // a bare stream is named by its CID, written in the same base
  return `added ${enc(result.cid)} ${escNonPrint(result.path === result.cid.toString() ? enc(result.cid) : result.path)}`
}

export function addedJson (result: AddResult, enc: CidText = plain): unknown {
  return { Name: result.path === result.cid.toString() ? enc(result.cid) : result.path, Hash: enc(result.cid), Size: String(result.size) }
}

/** Kubo's `ipfs ls`: `<cid> <size> <name>`, directories with `-` and a trailing slash */
export function formatLs (entries: LsEntry[], options: { headers?: boolean, size?: boolean, minWidth?: number, enc?: CidText } = {}): string[] {
  const enc = options.enc ?? plain
  const withSize = options.size ?? true
  const rows = entries.map(e => {
    const isDir = e.type === 'directory'
    const name = isDir ? `${escNonPrint(e.name)}/` : escNonPrint(e.name)
    return withSize ? [enc(e.cid), isDir ? '-' : String(e.size), name] : [enc(e.cid), name]
  })
  if (options.headers === true) rows.unshift(withSize ? ['Hash', 'Size', 'Name'] : ['Hash', 'Name'])
  return tabulate(rows, options.minWidth)
}

/** Kubo's unixfs.pb Data_DataType numbers, which `ls --enc=json` reports */
const UNIXFS_TYPE_NUMBERS: Record<string, number> = { raw: 2, directory: 1, file: 2, symlink: 4, object: 2, unknown: 0 }

export function lsJson (path: string, entries: LsEntry[], enc: CidText = plain): unknown {
  return {
    Objects: [{
      Hash: path,
      // Kubo's Size is the UnixFS file size: 0 for a directory or a symlink, as the RPC answers
      Links: entries.map(e => ({ Name: e.name, Hash: enc(e.cid), Size: e.type === 'directory' || e.type === 'symlink' ? 0 : e.size, Type: UNIXFS_TYPE_NUMBERS[e.type] ?? 2, Target: '' }))
    }]
  }
}

/** Kubo's `pin ls`: `<cid> <type>`, `<cid>` alone with `-q` */
/** Kubo's `pin ls` line: `<cid> <type>`, then the name when names are asked for and the pin has one */
export function formatPin (entry: PinEntry, quiet: boolean, names = false, enc: CidText = plain): string {
  if (quiet) return enc(entry.cid)
  const type = entry.type === 'indirect' && entry.via != null ? `indirect through ${enc(entry.via)}` : entry.type
  return names && entry.name != null && entry.name !== '' ? `${enc(entry.cid)} ${type} ${entry.name}` : `${enc(entry.cid)} ${type}`
}

export function formatRepoStat (stats: RepoStats, options: { human?: boolean, sizeOnly?: boolean } = {}): string[] {
  // Kubo's --human is go-humanize's decimal units
  const size = (n: number): string => options.human === true ? formatSiBytes(n) : String(n)
  const rows = [['NumObjects:', String(stats.numObjects)], ['RepoSize:', size(stats.repoSize)], ['StorageMax:', size(stats.storageMax)], ['RepoPath:', stats.repoPath], ['Version:', stats.version]]
  if (options.sizeOnly === true) return tabulate([rows[1], rows[2]])
  // Usage against the budget (Cairn's lines, after Kubo's StorageMax): eviction starts past the watermark
  const budget: string[][] = []
  if (stats.storageMax > 0 && Number.isFinite(stats.storageMax)) budget.push(['StorageUsed:', `${percent(stats.repoSize / stats.storageMax)}%`])
  if (stats.storageGcWatermark != null) {
    budget.push(['GCWatermark:', `${stats.storageGcWatermark}% (${size(Math.floor(stats.storageMax * stats.storageGcWatermark / 100))})`])
  }
  return tabulate([...rows.slice(0, 3), ...budget, ...rows.slice(3)])
}

/** A share as a percentage with two decimals, never rounded up to 100 or down to 0 when it is not */
function percent (share: number): string {
  const text = (share * 100).toFixed(2)
  if (share > 0 && text === '0.00') return '<0.01'
  if (share < 1 && text === '100.00') return '99.99'
  return text
}

export function repoStatJson (stats: RepoStats, options: { sizeOnly?: boolean } = {}): unknown {
  // Kubo's size-only answer is a Stat with only its SizeStat filled in
  if (options.sizeOnly === true) return { RepoSize: stats.repoSize, StorageMax: stats.storageMax, NumObjects: 0, RepoPath: '', Version: '' }
  return { RepoSize: stats.repoSize, StorageMax: stats.storageMax, StorageGCWatermark: stats.storageGcWatermark, NumObjects: stats.numObjects, RepoPath: stats.repoPath, Version: stats.version }
}

export function formatBandwidth (bw: BandwidthStats): string[] {
  return [
    'Bandwidth',
    `TotalIn: ${formatSiBytes(Number(bw.totalIn))}`,
    `TotalOut: ${formatSiBytes(Number(bw.totalOut))}`,
    `RateIn: ${formatSiBytes(bw.rateIn)}/s`,
    `RateOut: ${formatSiBytes(bw.rateOut)}/s`
  ]
}

export function bandwidthJson (bw: BandwidthStats): unknown {
  return { TotalIn: bw.totalIn, TotalOut: bw.totalOut, RateIn: bw.rateIn, RateOut: bw.rateOut }
}

/** Kubo prints config values as they are when they are strings, as indented JSON otherwise */
export function formatConfigValue (value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2)
}

/**
 * Kubo's `config KEY VALUE` stores a string unless `--json` or `--bool` says otherwise.
 * @throws SyntaxError when `--json` is given something that is not JSON
 */
export function parseConfigValue (raw: string, options: { json?: boolean, bool?: boolean }): unknown {
  if (options.bool === true) {
    if (raw !== 'true' && raw !== 'false') throw new SyntaxError(`'${raw}' is not a boolean: use true or false`)
    return raw === 'true'
  }
  if (options.json === true) return JSON.parse(raw)
  return raw
}

/** `dag stat`, in Kubo's table and summary */
export function formatDagStat (stat: { cid: CID, size: number, numBlocks: number }, enc: CidText = cid => cid.toString()): string[] {
  return [
    ...tabulate([['CID', 'Blocks', 'Size'], [enc(stat.cid), String(stat.numBlocks), String(stat.size)]]),
    '',
    'Summary',
    `Total Size: ${stat.size}`,
    `Unique Blocks: ${stat.numBlocks}`,
    'Shared Size: 0',
    'Ratio: 1.000000'
  ]
}

/** Kubo's current `DagStatSummary`: each `DagStat.Cid` a string in the asked base */
export function dagStatJson (stat: { cid: CID, size: number, numBlocks: number }, enc: CidText = cid => cid.toString()): unknown {
  return {
    UniqueBlocks: stat.numBlocks,
    TotalSize: stat.size,
    SharedSize: 0,
    Ratio: 1,
    DagStats: [{ Cid: enc(stat.cid), Size: stat.size, NumBlocks: stat.numBlocks }]
  }
}

/** Go's `hex.Dump`: offset, 16 bytes in two groups of 8, then the printable characters */
export function hexDump (bytes: Uint8Array): string {
  let out = ''
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const line = bytes.subarray(offset, offset + 16)
    let hex = ''
    for (let i = 0; i < 16; i++) {
      hex += i < line.length ? line[i].toString(16).padStart(2, '0') + ' ' : '   '
      if (i === 7) hex += ' '
    }
    const text = [...line].map(b => b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.').join('')
    out += `${offset.toString(16).padStart(8, '0')}  ${hex} |${text}|\n`
  }
  return out
}
