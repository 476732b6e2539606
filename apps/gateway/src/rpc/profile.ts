/**
 * Kubo's `diag profile`: one zip of diagnostics from the running daemon, with Node's equivalents of
 * Go's profiles: `version.json` (Kubo's `version` collector), `heap.heapsnapshot` (a V8 heap
 * snapshot, for Kubo's `heap`) and `cpu.cpuprofile` (a V8 CPU profile over `profile-time`, for
 * Kubo's `cpu`; skipped when it is 0, as Kubo skips sampling profiles), both loadable in Chrome
 * DevTools, plus `sys.json` (`diag sys`). Go-only collectors (goroutines, allocs, mutex, block,
 * trace, bin) have no Node counterpart and add nothing. Written as it is made: a heap snapshot of a
 * big daemon never sits whole in memory.
 */
import { getHeapSnapshot } from 'node:v8'
import { Zip, ZipDeflate } from 'fflate'
import { InvalidParametersError } from '@cairn/interface'
import type { CairnApi } from '@cairn/interface'
import { cpuProfile } from './debug.ts'

/** Kubo's collector names; the Go-only ones are accepted and skipped */
export const KUBO_COLLECTORS = ['goroutines-stack', 'goroutines-pprof', 'version', 'heap', 'allocs', 'bin', 'cpu', 'mutex', 'block', 'trace']
/** Kubo's default `--profile-time` */
export const DEFAULT_PROFILE_TIME_MS = 30_000

export interface ProfileOptions {
  collectors: string[]
  profileTimeMs: number
  signal: AbortSignal
}

export function checkCollectors (collectors: string[]): void {
  for (const c of collectors) {
    // Kubo's words for a name it does not know
    if (!KUBO_COLLECTORS.includes(c)) throw new InvalidParametersError(`unknown collector '${c.slice(0, 40)}'`)
  }
}

export async function * profileArchive (api: CairnApi, options: ProfileOptions): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = []
  let failure: Error | undefined
  const zip = new Zip((err, chunk) => {
    if (err != null) failure = err
    else out.push(chunk)
  })
  const drain = function * (): Generator<Uint8Array> {
    if (failure != null) throw failure
    while (out.length > 0) yield out.shift()!
  }
  const addFile = async function * (name: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    const file = new ZipDeflate(name, { level: 6 })
    zip.add(file)
    for await (const chunk of source) {
      options.signal.throwIfAborted()
      file.push(chunk)
      yield * drain()
    }
    file.push(new Uint8Array(0), true)
    yield * drain()
  }
  const json = (value: unknown): Uint8Array[] => [new TextEncoder().encode(JSON.stringify(value, null, 2) + '\n')]
  const wanted = new Set(options.collectors)
  if (wanted.has('version')) yield * addFile('version.json', json(await api.version({ signal: options.signal })))
  yield * addFile('sys.json', json(await api.diag.sys({ signal: options.signal })))
  if (wanted.has('heap')) yield * addFile('heap.heapsnapshot', getHeapSnapshot())
  if (wanted.has('cpu') && options.profileTimeMs > 0) yield * addFile('cpu.cpuprofile', json(await cpuProfile(options.profileTimeMs, options.signal)))
  zip.end()
  yield * drain()
}
