/**
 * Every byte the CLI shows a user goes through here: lines and JSON on stdout, raw content on
 * stdout with backpressure, warnings and the progress bar on stderr (the bar only on a terminal).
 */
import { createRequire } from 'node:module'
import type cliProgress from 'cli-progress'
import type { Writable } from 'node:stream'
import type { Encoding } from './config.ts'
import { DEFAULT_PROGRESS_REDRAW_INTERVAL_MS } from './constants.ts'
import { formatBytes } from './format.ts'

export interface OutputStream extends Pick<Writable, 'write' | 'once'> {
  isTTY?: boolean
  writableNeedDrain?: boolean
  destroyed?: boolean
}

export interface PrinterInit {
  stdout: OutputStream
  stderr: OutputStream
  /** @default 'text' */
  enc?: Encoding
}

export interface Progress {
  /** Moves the bar to `value` (of the `total` it was made with) */
  update(value: number): void
  /** Removes the bar */
  stop(): void
}

export interface Printer {
  readonly enc: Encoding
  /** One line of text on stdout */
  line(text: string): void
  /** One JSON value on one line, as Kubo streams `--enc=json` output */
  json(value: unknown): void
  /** One JSON value indented with tabs, as Kubo prints `id` and `config show` */
  jsonIndented(value: unknown): void
  /** Raw content on stdout; resolves once stdout can take more */
  bytes(chunk: Uint8Array): Promise<void>
  /** One line on stderr: notices that are not the command's output */
  notice(text: string): void
  /** A status line on stderr that rewrites itself on a terminal (`Fetched/Processed 12 nodes`); nothing when piped */
  status(text: string): void
  /** Ends the status line, if one was drawn */
  endStatus(): void
  /** Text as it is (help screens), on stdout or stderr */
  text(text: string, to?: 'stdout' | 'stderr'): void
  /** A progress bar on stderr, or a no-op when stderr is not a terminal or `enabled` is false */
  progress(total: number, enabled?: boolean): Progress
  /** Resolves once everything written has been handed to the OS */
  flush(): Promise<void>
}

const noProgress: Progress = { update () {}, stop () {} }

/** JSON.stringify that writes bigints as numbers, as Kubo's Go encoder does */
export function toJson (value: unknown, indent?: string): string {
  return JSON.stringify(value, (_key, v: unknown) => typeof v === 'bigint' ? Number(v) : v, indent)
}

export function createPrinter (init: PrinterInit): Printer {
  const { stdout, stderr } = init
  let bar: { bar: cliProgress.SingleBar, total: number, value: number } | undefined
  let statusShown = false

  // cli-progress redraws at the cursor position saved when it started, so a line printed under a
  // live bar would be drawn over: take the bar down, print, and start it again below the line
  const aroundBar = (fn: () => void): void => {
    if (bar == null) { fn(); return }
    bar.bar.stop()
    fn()
    bar.bar.start(bar.total, bar.value, { done: formatBytes(bar.value), all: formatBytes(bar.total) })
  }

  // a reader that went away (`cairn cat x | head`) closes the stream: stop waiting then too
  const waitDrain = async (stream: OutputStream): Promise<void> => {
    if (stream.writableNeedDrain !== true) return
    await new Promise<void>(resolve => {
      stream.once('drain', resolve)
      stream.once('close', resolve)
      stream.once('error', resolve)
    })
  }

  return {
    enc: init.enc ?? 'text',
    line (text) {
      aroundBar(() => { stdout.write(text + '\n') })
    },
    json (value) {
      aroundBar(() => { stdout.write(toJson(value) + '\n') })
    },
    jsonIndented (value) {
      stdout.write(toJson(value, '\t') + '\n')
    },
    async bytes (chunk) {
      if (!stdout.write(chunk)) await waitDrain(stdout)
    },
    notice (text) {
      aroundBar(() => { stderr.write(text + '\n') })
    },
    status (text) {
      if (stderr.isTTY !== true) return
      statusShown = true
      stderr.write(`\r\u001b[2K${text}`)
    },
    endStatus () {
      if (!statusShown) return
      statusShown = false
      stderr.write('\n')
    },
    text (text, to = 'stdout') {
      aroundBar(() => { (to === 'stdout' ? stdout : stderr).write(text) })
    },
    progress (total, enabled = true) {
      if (!enabled || stderr.isTTY !== true) return noProgress
      // loaded only when a bar is drawn: it costs every other command a tenth of its start-up
      const { SingleBar } = createRequire(import.meta.url)('cli-progress') as typeof cliProgress
      const current = new SingleBar({
        stream: stderr as unknown as NodeJS.WritableStream,
        format: ' {done} / {all} [{bar}] {percentage}%',
        barCompleteChar: '=',
        barIncompleteChar: ' ',
        hideCursor: true,
        clearOnComplete: true,
        fps: 1000 / DEFAULT_PROGRESS_REDRAW_INTERVAL_MS
      })
      current.start(total, 0, { done: formatBytes(0), all: formatBytes(total) })
      const state = { bar: current, total, value: 0 }
      bar = state
      return {
        update (value) {
          state.value = value
          current.update(value, { done: formatBytes(value) })
        },
        stop () {
          current.stop()
          if (bar === state) bar = undefined
        }
      }
    },
    async flush () {
      for (const stream of [stdout, stderr]) {
        if (stream.destroyed === true) continue
        await new Promise<void>(resolve => { stream.write('', () => { resolve() }) })
      }
    }
  }
}
