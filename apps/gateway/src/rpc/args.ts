import { InvalidParametersError } from '@cairn/interface'

/** `strings`: Kubo's DelimitedStringsOption, repeated (`status=a&status=b`) or comma-separated */
export type OptionKind = 'bool' | 'int' | 'string' | 'strings'

/** What one command takes: positional `arg`s and named options (Kubo's names, kebab-case) */
export interface CommandSpec {
  /** Minimum and maximum count of `arg` */
  args: [number, number]
  options?: Record<string, OptionKind>
}

/** Options every command accepts, as go-ipfs-cmds does, plus what kubo-rpc-client adds to every call */
export const GLOBAL_OPTIONS: Record<string, OptionKind> = {
  'stream-channels': 'bool',
  encoding: 'string',
  timeout: 'string',
  offline: 'bool',
  headers: 'string'
}

export class Args {
  readonly args: string[]
  readonly #options: Map<string, string>

  constructor (args: string[], options: Map<string, string>) {
    this.args = args
    this.#options = options
  }

  has (name: string): boolean {
    return this.#options.has(name)
  }

  string (name: string): string | undefined {
    return this.#options.get(name)
  }

  bool (name: string): boolean | undefined {
    const v = this.#options.get(name)
    if (v == null) return undefined
    // `?recursive` with no value means true, as in Go's flag parsing
    if (v === '' || v === 'true' || v === '1') return true
    if (v === 'false' || v === '0') return false
    throw new InvalidParametersError(`option "${name}" must be a boolean, got "${v.slice(0, 50)}"`)
  }

  /** A `strings` option's values: every repetition, each split at commas, blanks dropped */
  strings (name: string): string[] | undefined {
    const v = this.#options.get(name)
    if (v == null) return undefined
    return v.split(',').map(s => s.trim()).filter(s => s !== '')
  }

  int (name: string): number | undefined {
    const v = this.#options.get(name)
    if (v == null) return undefined
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new InvalidParametersError(`option "${name}" must be an integer, got "${v.slice(0, 50)}"`)
    return Number(v)
  }
}


/**
 * Reads and checks `arg`s and options against the command's spec. An option the command does not
 * know is ignored, as go-ipfs-cmds does over HTTP (clients send extras: `add?preload=false`,
 * `id?peer-id=`); a known option with a value of the wrong type is a 400.
 */
export function parseArgs (query: URLSearchParams, spec: CommandSpec): Args {
  const args: string[] = []
  const options = new Map<string, string>()
  for (const [key, value] of query) {
    if (key === 'arg') {
      args.push(value)
      continue
    }
    const kind = spec.options?.[key] ?? GLOBAL_OPTIONS[key]
    if (kind === 'strings' && options.has(key)) options.set(key, `${options.get(key)!},${value}`)
    else if (kind != null) options.set(key, value)
  }
  const [min, max] = spec.args
  if (args.length < min) throw new InvalidParametersError(min === 1 ? 'argument "arg" is required' : `at least ${min} arguments are required`)
  if (args.length > max) throw new InvalidParametersError(`expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`)
  const parsed = new Args(args, options)
  // type-check every option now, so a bad value fails before anything is done
  for (const [key] of options) {
    const kind = spec.options?.[key] ?? GLOBAL_OPTIONS[key]
    if (kind === 'bool') parsed.bool(key)
    if (kind === 'int') parsed.int(key)
  }
  return parsed
}
