/**
 * Kubo's `log tail`: every line the process logs, at the levels `log level` set, as go-log's JSON
 * lines (`{"level","ts","logger","msg"}`). It hooks the one `debug` instance (`weald`) behind
 * `@libp2p/logger`, so Cairn's and libp2p's loggers both reach it; stderr still gets every line.
 */
import { stripVTControlCharacters, format } from 'node:util'
import debug from 'weald'
import { pushable } from 'it-pushable'
import { InvalidParametersError } from '@cairn/interface'
import type { AbortOptions } from '@cairn/interface'

/** go-log's levels, least to most severe */
const LEVELS = ['debug', 'info', 'warn', 'error', 'dpanic', 'panic', 'fatal']

/** Lines a slow reader may fall behind by before the oldest are dropped (the daemon never waits on a reader) */
export const DEFAULT_TAIL_BUFFER_LINES = 1000

export interface LogLine {
  level: string
  ts: string
  logger: string
  msg: string
}

type Listener = (line: LogLine) => void
const listeners = new Set<Listener>()
let hooked = false

/** `@libp2p/logger` names its levels by suffix: `x:error`, `x:trace`, and `x` itself for info */
function parse (namespace: string, args: unknown[]): LogLine {
  const level = namespace.endsWith(':error') ? 'error' : namespace.endsWith(':trace') ? 'debug' : 'info'
  const logger = namespace.replace(/:(error|trace)$/, '')
  // debug's own decorations (colour, date, namespace, "+3ms") are taken off the message
  let msg = stripVTControlCharacters(format(...args)).trim()
  msg = msg.replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z /, '')
  if (msg.startsWith(namespace + ' ')) msg = msg.slice(namespace.length + 1)
  msg = msg.replace(/ \+\d+(ms|s|m|h|d)$/, '')
  return { level, ts: new Date().toISOString(), logger, msg }
}

function hook (): void {
  if (hooked) return
  hooked = true
  const d = debug as unknown as { log: (...args: unknown[]) => void }
  const original = d.log
  d.log = function (this: { namespace?: string }, ...args: unknown[]) {
    if (listeners.size > 0) {
      const line = parse(this?.namespace ?? '', args)
      for (const listener of listeners) listener(line)
    }
    original.apply(this, args)
  }
}

export interface TailOptions extends AbortOptions {
  /** Only lines at this level or above (Kubo's `--log-level`); the subsystem must log at it too */
  level?: string
  /** @default DEFAULT_TAIL_BUFFER_LINES */
  bufferLines?: number
}

/** Log lines as they are written, until `signal` aborts; a bad `level` throws at once, before any line */
export function tailLog (options: TailOptions = {}): AsyncGenerator<LogLine> {
  const min = options.level == null || options.level === '' ? 0 : LEVELS.indexOf(options.level)
  if (min < 0) throw new InvalidParametersError(`setting log level ${options.level ?? ''}: unrecognized level: "${options.level ?? ''}"`)
  return lines(min, options)
}

async function * lines (min: number, options: TailOptions): AsyncGenerator<LogLine> {
  const max = options.bufferLines ?? DEFAULT_TAIL_BUFFER_LINES
  hook()
  const queue = pushable<LogLine>({ objectMode: true })
  const listener: Listener = line => {
    if (LEVELS.indexOf(line.level) < min) return
    // a reader that fell this far behind loses lines rather than grow the daemon's memory
    if (queue.readableLength >= max) return
    queue.push(line)
  }
  const end = (): void => { queue.end() }
  listeners.add(listener)
  options.signal?.addEventListener('abort', end, { once: true })
  try {
    if (options.signal?.aborted === true) return
    yield * queue
  } finally {
    listeners.delete(listener)
    options.signal?.removeEventListener('abort', end)
  }
}
