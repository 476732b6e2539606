import { InvalidParametersError } from '@cairn/interface'
import { multipartParts, readPart } from '../multipart.ts'
import { sendNdjson } from '../output.ts'
import { MalformedRequestError } from '../../errors.ts'
import type { Command, CommandTable } from '../command.ts'

/** Kubo's `routing.QueryEventType` numbers, as its `QueryEvent` JSON carries them */
export const QUERY_EVENT = { SendingQuery: 0, PeerResponse: 1, FinalPeer: 2, QueryError: 3, Provider: 4, Value: 5, AddingPeer: 6, DialingPeer: 7 } as const

/** go-libp2p's `routing.QueryEvent` as Kubo's JSON writes it */
export function queryEvent (type: number, fields: { ID?: string, Responses?: Array<{ ID: string, Addrs: string[] }>, Extra?: string } = {}): object {
  return { Extra: fields.Extra ?? '', ID: fields.ID ?? '', Responses: fields.Responses ?? null, Type: type }
}

const findprovs: Command = {
  args: [1, 1],
  options: { 'num-providers': 'int', verbose: 'bool' },
  async run ({ api, args, res, signal }) {
    const n = args.int('num-providers') ?? 20
    if (n < 1) throw new InvalidParametersError('number of providers must be greater than 0')
    await sendNdjson(res, api.routing.findProvs(args.args[0], { signal, numProviders: n }), p =>
      queryEvent(QUERY_EVENT.Provider, { Responses: [{ ID: p.id, Addrs: p.addrs }] }))
  }
}

const provide: Command = {
  args: [1, 1024],
  options: { recursive: 'bool', verbose: 'bool' },
  async run ({ api, args, res, signal }) {
    await api.routing.provide(args.args, { signal, recursive: args.bool('recursive') ?? false })
    await sendNdjson(res, [], l => l)
  }
}

const findpeer: Command = {
  args: [1, 1],
  options: { verbose: 'bool' },
  async run ({ api, args, res, signal }) {
    const found = await api.routing.findPeer(args.args[0], { signal })
    await sendNdjson(res, [found], p => queryEvent(QUERY_EVENT.FinalPeer, { Responses: [{ ID: p.id, Addrs: p.addrs }] }))
  }
}

const get: Command = {
  args: [1, 1],
  options: { verbose: 'bool' },
  async run ({ api, args, res, signal }) {
    const value = await api.routing.get(args.args[0], { signal })
    await sendNdjson(res, [value], v => queryEvent(QUERY_EVENT.Value, { Extra: Buffer.from(v).toString('base64') }))
  }
}

/** Kubo's `routing put KEY <value-file>`: the value is the request's one file part */
const put: Command = {
  args: [1, 1],
  options: { 'allow-offline': 'bool', verbose: 'bool' },
  async run ({ api, args, req, res, signal, limits }) {
    let value: Uint8Array | undefined
    for await (const part of multipartParts(req, limits)) {
      if (part.kind !== 'file') throw new MalformedRequestError('routing/put takes one file part')
      if (value != null) throw new InvalidParametersError('routing/put takes one value')
      value = await readPart(part, limits.maxBlockBytes)
    }
    if (value == null) throw new InvalidParametersError('argument "value-file" is required')
    const key = args.args[0]
    await api.routing.put(key, value, { signal, allowOffline: args.bool('allow-offline') ?? false })
    // the event names the peer the key belongs to
    await sendNdjson(res, [key.split('/')[2]], id => queryEvent(QUERY_EVENT.Value, { ID: id }))
  }
}

const reprovide: Command = {
  args: [0, 0],
  async run ({ api, res, signal }) {
    await api.routing.reprovide({ signal })
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end()
  }
}

const query: Command = {
  args: [1, 1],
  options: { verbose: 'bool' },
  async run ({ api, args, res, signal }) {
    await sendNdjson(res, api.routing.query(args.args[0], { signal }), id => queryEvent(QUERY_EVENT.FinalPeer, { ID: id }))
  }
}

/** `routing/*`, as Kubo's `core/commands/routing.go`, and `dht/*` (Kubo's deprecated aliases, still sent by older clients) */
export const routingCommands: CommandTable = {
  'routing/findprovs': findprovs,
  'routing/findpeer': findpeer,
  'routing/get': get,
  'routing/put': put,
  'routing/provide': provide,
  'routing/reprovide': reprovide,
  'dht/query': query,
  'dht/findprovs': findprovs,
  'dht/findpeer': findpeer,
  'dht/get': get,
  'dht/put': put,
  'dht/provide': provide,
  'bitswap/reprovide': reprovide
}
