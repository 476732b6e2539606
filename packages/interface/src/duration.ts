/**
 * The one reading of a duration string, shared by the config (`Reprovider.Interval`,
 * `Gateway.Timeout`), the CLI's `--timeout` and the RPC's `timeout` option: Go's
 * `time.ParseDuration`, as Kubo reads all three.
 */
import { InvalidParametersError } from './errors.ts'

/** Go's units, in milliseconds (`µs` as U+00B5 and U+03BC, as Go accepts both) */
const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000
}

/** A number (digits before or after the point, or both), then everything up to the next number */
const TERM = /(\d+\.?\d*|\.\d+)([^\d.]*)/y

/** Longest input echoed back in an error, which may reach an HTTP response */
const MAX_ECHO_CHARS = 50

/**
 * Milliseconds in a Go duration: one or more decimal numbers, each with a unit (`ns`, `us`, `µs`,
 * `ms`, `s`, `m`, `h`), as `300ms`, `1.5h` or `2h45m`; `0` alone needs no unit, any other bare
 * number is an error (`missing unit`), as in Go. A leading `+` is allowed; a negative duration is
 * refused, since every Cairn duration is a timeout or an interval. `InvalidParametersError` (code
 * `ERR_INVALID_PARAMETERS`) for anything else.
 */
export function parseDuration (text: string): number {
  const echo = String(text).slice(0, MAX_ECHO_CHARS)
  const invalid = (why: string): InvalidParametersError =>
    new InvalidParametersError(`${why} '${echo}': use a Go duration such as 30s or 1m30s`)
  if (typeof text !== 'string') throw invalid('invalid duration')
  if (text.startsWith('-') && text !== '-0') throw invalid('negative duration')
  const body = text.startsWith('+') || text.startsWith('-') ? text.slice(1) : text
  if (body === '0') return 0
  if (body === '') throw invalid('invalid duration')
  let total = 0
  TERM.lastIndex = 0
  while (TERM.lastIndex < body.length) {
    const m = TERM.exec(body)
    if (m == null) throw invalid('invalid duration')
    if (m[2] === '') throw invalid('missing unit in duration')
    const unit = UNIT_MS[m[2]]
    if (unit == null) throw invalid(`unknown unit "${m[2].slice(0, 10)}" in duration`)
    total += Number(m[1]) * unit
  }
  return total
}
