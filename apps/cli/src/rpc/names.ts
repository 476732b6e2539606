/** `key`, `name`, `resolve` and `dns` of `CairnApi` over Kubo's `/api/v0` */
import type { CairnApi, IpnsInspectResult, KeyInfo } from '@cairn/interface'
import { multipartContentType, multipartFile, newBoundary } from './multipart.ts'
import type { Transport } from './transport.ts'

/** Key IDs come back as base58btc peer IDs (`ipns-base=b58mh`): the CLI formats them itself */
const B58 = { 'ipns-base': 'b58mh' }

const keyOf = (k: { Name: string, Id: string }): KeyInfo => ({ name: String(k.Name), id: String(k.Id) })

async function collect (source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const chunk of source) chunks.push(chunk)
  return new Uint8Array(Buffer.concat(chunks))
}

function file (bytes: Uint8Array): { body: AsyncIterable<Uint8Array>, contentType: string } {
  const boundary = newBoundary()
  return { body: multipartFile(bytes, boundary), contentType: multipartContentType(boundary) }
}

const ms = (n: number | undefined): string | undefined => n == null ? undefined : `${n}ms`

export function createNameApis (rpc: Transport): Pick<CairnApi, 'key' | 'name' | 'resolve' | 'dns'> {
  return {
    key: {
      gen: async (name, options = {}) => keyOf(await rpc.json('key/gen', { args: [name], params: { ...B58, type: options.type, size: options.size }, signal: options.signal })),
      list: async (options = {}) => ((await rpc.json('key/list', { params: B58, signal: options.signal })).Keys ?? []).map(keyOf),
      rm: async (name, options = {}) => keyOf((await rpc.json('key/rm', { args: [name], params: B58, signal: options.signal })).Keys[0]),
      rename: async (oldName, newName, options = {}) => {
        const r = await rpc.json('key/rename', { args: [oldName, newName], params: { ...B58, force: options.force }, signal: options.signal })
        return { name: String(r.Now), id: String(r.Id), was: String(r.Was), overwrite: r.Overwrite === true }
      },
      import: async (name, key, options = {}) => keyOf(await rpc.json('key/import', {
        args: [name], params: { ...B58, format: options.format, 'allow-any-key-type': options.allowAnyKeyType }, ...file(key), signal: options.signal
      })),
      export: async (name, options = {}) => collect(rpc.bytes('key/export', { args: [name], params: { format: options.format }, signal: options.signal })),
      sign: async (data, options = {}) => {
        const r = await rpc.json('key/sign', { params: { ...B58, key: options.key }, ...file(data), signal: options.signal })
        const sig = String(r.Signature)
        return { key: keyOf(r.Key), signature: new Uint8Array(Buffer.from(sig.slice(1), 'base64url')) }
      },
      verify: async (data, signature, options = {}) => {
        const r = await rpc.json('key/verify', {
          params: { ...B58, key: options.key, signature: `u${Buffer.from(signature).toString('base64url')}` }, ...file(data), signal: options.signal
        })
        return { key: keyOf(r.Key), signatureValid: r.SignatureValid === true }
      }
    },

    name: {
      publish: async (path, options = {}) => {
        const r = await rpc.json('name/publish', {
          args: [path],
          params: {
            key: options.key,
            resolve: options.resolve,
            lifetime: ms(options.lifetimeMs),
            ttl: ms(options.ttlMs),
            'allow-offline': options.allowOffline,
            'allow-delegated': options.allowDelegated,
            v1compat: options.v1Compatible,
            sequence: options.sequence?.toString()
          },
          signal: options.signal
        })
        return { name: String(r.Name), value: String(r.Value) }
      },
      resolve: async (name, options = {}) => String((await rpc.json('name/resolve', {
        args: [name],
        params: { recursive: options.recursive, nocache: options.nocache, 'dht-record-count': options.dhtRecordCount, 'dht-timeout': ms(options.dhtTimeoutMs) },
        signal: options.signal
      })).Path),
      resolveStream: async function * (name, options = {}) {
        const params = { recursive: options.recursive, nocache: options.nocache, 'dht-record-count': options.dhtRecordCount, 'dht-timeout': ms(options.dhtTimeoutMs), stream: true }
        for await (const r of rpc.ndjson('name/resolve', { args: [name], params, signal: options.signal })) yield String(r.Path)
      },
      get: async (name, options = {}) => collect(rpc.bytes('name/get', { args: [name], signal: options.signal })),
      put: async (name, record, options = {}) => {
        const r = await rpc.json('name/put', { args: [name], params: { force: options.force, 'allow-offline': options.allowOffline, 'allow-delegated': options.allowDelegated }, ...file(record), signal: options.signal })
        return { name: String(r.Name), value: String(r.Value) }
      },
      pubsub: {
        state: async (options = {}) => (await rpc.json('name/pubsub/state', { signal: options.signal })).Enabled === true,
        subs: async (options = {}) => ((await rpc.json('name/pubsub/subs', { signal: options.signal })).Strings ?? []).map(String),
        cancel: async (name, options = {}) => (await rpc.json('name/pubsub/cancel', { args: [name], signal: options.signal })).Canceled === true
      },
      inspect: async (record, options = {}) => {
        const r = await rpc.json('name/inspect', { params: { verify: options.verify, dump: options.dump }, ...file(record), signal: options.signal })
        const e = r.Entry ?? {}
        const result: IpnsInspectResult = {
          entry: {
            value: e.Value === '' ? undefined : e.Value,
            validityType: e.ValidityType ?? undefined,
            validity: e.Validity ?? undefined,
            sequence: e.Sequence == null ? undefined : BigInt(e.Sequence),
            ttl: e.TTL == null ? undefined : BigInt(e.TTL)
          },
          pbSize: Number(r.PbSize),
          signatureType: r.SignatureType,
          hexDump: r.HexDump === '' ? undefined : r.HexDump,
          validation: r.Validation == null ? undefined : { valid: r.Validation.Valid === true, reason: String(r.Validation.Reason ?? ''), name: String(r.Validation.Name) }
        }
        return result
      }
    },

    resolve: async (path, options = {}) => String((await rpc.json('resolve', { args: [path], params: { recursive: options.recursive, nocache: options.nocache }, signal: options.signal })).Path),
    dns: async (domain, options = {}) => String((await rpc.json('dns', { args: [domain], params: { recursive: options.recursive }, signal: options.signal })).Path)
  }
}
