import { InvalidParametersError, parseDuration } from '@cairn/interface'
import { CID_BASE_OPTIONS, outputCid } from '../cid-base.ts'
import { encodePathCid } from '@cairn/ipld'
import { sendJson, sendNdjson } from '../output.ts'
import { singleFile } from './key.ts'
import type { Args } from '../args.ts'
import type { CommandTable } from '../command.ts'
import type { IpnsInspectResult, NameResolveOptions } from '@cairn/interface'

/** `name put` reads at most this much (Kubo: 1 MiB, then its own 10 KiB check unless --force) */
const RECORD_READ_BYTES_MAX = 1024 * 1024

function durationOption (args: Args, name: string): number | undefined {
  const text = args.string(name)
  if (text == null) return undefined
  try {
    return parseDuration(text)
  } catch (err) {
    throw new InvalidParametersError(`error parsing ${name} option: ${(err as Error).message}`, { cause: err })
  }
}

function resolveOptions (args: Args, signal: AbortSignal): NameResolveOptions {
  const dhtTimeoutMs = durationOption(args, 'dht-timeout')
  if (dhtTimeoutMs != null && dhtTimeoutMs < 0) throw new InvalidParametersError('DHT timeout value must be >= 0')
  const count = args.int('dht-record-count')
  if (count != null && count < 0) throw new InvalidParametersError('dht-record-count must be >= 0')
  return { signal, recursive: args.bool('recursive') ?? true, nocache: args.bool('nocache'), dhtRecordCount: count, dhtTimeoutMs }
}

/** Kubo's JSON for `name inspect`: Go's time and duration encodings */
function inspectJson (r: IpnsInspectResult): unknown {
  return {
    Entry: {
      Value: r.entry.value ?? '',
      ValidityType: r.entry.validityType ?? null,
      Validity: r.entry.validity ?? null,
      Sequence: r.entry.sequence ?? null,
      TTL: r.entry.ttl ?? null
    },
    PbSize: r.pbSize,
    SignatureType: r.signatureType,
    HexDump: r.hexDump ?? '',
    Validation: r.validation == null ? null : { Valid: r.validation.valid, Reason: r.validation.reason, Name: r.validation.name }
  }
}

const RESOLVE_OPTIONS = { recursive: 'bool', nocache: 'bool', 'dht-record-count': 'int', 'dht-timeout': 'string', stream: 'bool' } as const

/** `name/*`, `resolve` and `dns`, as Kubo's `core/commands/name/`, `resolve.go` and `dns.go` */
export const nameCommands: CommandTable = {
  'name/publish': {
    args: [1, 1],
    options: { key: 'string', resolve: 'bool', lifetime: 'string', ttl: 'string', quieter: 'bool', v1compat: 'bool', 'allow-offline': 'bool', 'allow-delegated': 'bool', sequence: 'string', 'ipns-base': 'string' },
    async run ({ api, args, res, signal }) {
      if (args.bool('allow-offline') === true && args.bool('allow-delegated') === true) throw new InvalidParametersError('cannot use both --allow-offline and --allow-delegated flags')
      const lifetimeMs = durationOption(args, 'lifetime')
      if (lifetimeMs != null && lifetimeMs <= 0) throw new InvalidParametersError(`lifetime must be greater than zero, got ${args.string('lifetime') ?? ''}`)
      const ttlMs = durationOption(args, 'ttl')
      if (ttlMs != null && ttlMs < 0) throw new InvalidParametersError(`ttl must not be negative, got ${args.string('ttl') ?? ''}`)
      const seq = args.string('sequence')
      if (seq != null && !/^\d{1,20}$/.test(seq)) throw new InvalidParametersError(`sequence must be an unsigned integer, got "${seq.slice(0, 30)}"`)
      const entry = await api.name.publish(args.args[0], {
        signal,
        key: args.string('key'),
        resolve: args.bool('resolve'),
        lifetimeMs,
        ttlMs,
        allowOffline: args.bool('allow-offline'),
        allowDelegated: args.bool('allow-delegated'),
        v1Compatible: args.bool('v1compat'),
        sequence: seq != null ? BigInt(seq) : undefined
      })
      sendJson(res, { Name: entry.name, Value: entry.value })
    }
  },

  'name/resolve': {
    args: [0, 1],
    options: RESOLVE_OPTIONS,
    async run ({ api, args, res, signal }) {
      const name = args.args[0] ?? (await api.id({ signal })).id
      if (args.bool('stream') === true) {
        // Kubo: each better record's path as the walk finds it
        await sendNdjson(res, api.name.resolveStream(name, resolveOptions(args, signal)), p => ({ Path: p }))
        return
      }
      sendJson(res, { Path: await api.name.resolve(name, resolveOptions(args, signal)) })
    }
  },

  'name/inspect': {
    args: [0, 0],
    options: { verify: 'string', dump: 'bool' },
    async run (ctx) {
      const record = await singleFile(ctx, RECORD_READ_BYTES_MAX, 'record')
      const r = await ctx.api.name.inspect(record, { signal: ctx.signal, verify: ctx.args.string('verify'), dump: ctx.args.bool('dump') ?? true })
      sendJson(ctx.res, inspectJson(r))
    }
  },

  'name/get': {
    args: [1, 1],
    async run ({ api, args, res, signal }) {
      const record = await api.name.get(args.args[0], { signal })
      res.writeHead(200, { 'Content-Type': 'application/vnd.ipfs.ipns-record', 'X-Stream-Output': '1', 'Content-Length': String(record.length) })
      res.end(record)
    }
  },

  'name/put': {
    args: [1, 1],
    options: { force: 'bool', 'allow-offline': 'bool', 'allow-delegated': 'bool', quiet: 'bool' },
    async run (ctx) {
      const { api, args, res, signal } = ctx
      if (args.bool('allow-offline') === true && args.bool('allow-delegated') === true) throw new InvalidParametersError('cannot use both --allow-offline and --allow-delegated flags')
      const record = await singleFile(ctx, RECORD_READ_BYTES_MAX, 'record')
      const entry = await api.name.put(args.args[0], record, { signal, force: args.bool('force'), allowOffline: args.bool('allow-offline'), allowDelegated: args.bool('allow-delegated') })
      sendJson(res, { Name: entry.name, Value: entry.value })
    }
  },

  'name/pubsub/state': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Enabled: await api.name.pubsub.state({ signal }) })
    }
  },

  'name/pubsub/subs': {
    args: [0, 0],
    options: { 'ipns-base': 'string' },
    async run ({ api, res, signal }) {
      sendJson(res, { Strings: await api.name.pubsub.subs({ signal }) })
    }
  },

  'name/pubsub/cancel': {
    args: [1, 1],
    async run ({ api, args, res, signal }) {
      sendJson(res, { Canceled: await api.name.pubsub.cancel(args.args[0], { signal }) })
    }
  },

  resolve: {
    args: [1, 1],
    options: { ...RESOLVE_OPTIONS, ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      const o = resolveOptions(args, signal)
      // without a base the path keeps its CID as written (Kubo takes the encoder from the path)
      const enc = args.has('cid-base') || args.has('upgrade-cidv0-in-output') ? outputCid(args) : undefined
      const path = await api.resolve(args.args[0], { signal, recursive: o.recursive, nocache: o.nocache })
      sendJson(res, { Path: enc != null ? encodePathCid(path, enc) : path })
    }
  },

  dns: {
    args: [1, 1],
    options: { recursive: 'bool' },
    async run ({ api, args, res, signal }) {
      sendJson(res, { Path: await api.dns(args.args[0], { signal, recursive: args.bool('recursive') ?? true }) })
    }
  }
}
