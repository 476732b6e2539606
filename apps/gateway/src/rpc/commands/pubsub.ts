import { base64url } from 'multiformats/bases/base64'
import { InvalidParametersError } from '@cairn/interface'
import { multipartParts, readPart } from '../multipart.ts'
import { lazyStream, sendJson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** Kubo sends pubsub topics as multibase (`u` + base64url) so any bytes survive a URL */
function decodeMultibaseText (text: string, what: string): string {
  if (!text.startsWith('u')) throw new InvalidParametersError(`${what} must be multibase-encoded (base64url, "u" prefix)`)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(text))
  } catch (err) {
    throw new InvalidParametersError(`${what} is not valid multibase base64url`, { cause: err })
  }
}

const encodeMultibase = (bytes: Uint8Array): string => base64url.encode(bytes)
const encodeText = (text: string): string => encodeMultibase(new TextEncoder().encode(text))

function bigintBytes (n: bigint): Uint8Array {
  const hex = n.toString(16).padStart(16, '0')
  return Uint8Array.from(hex.match(/../g)!.map(h => parseInt(h, 16)))
}

/** `pubsub/*`, as Kubo's `core/commands/pubsub.go` */
export const pubsubCommands: CommandTable = {
  'pubsub/pub': {
    args: [1, 1],
    async run ({ api, args, req, res, signal, limits }) {
      const topic = decodeMultibaseText(args.args[0], 'topic')
      const messages: Uint8Array[] = []
      for await (const part of multipartParts(req, { ...limits, maxPartBytes: limits.maxBlockBytes })) {
        messages.push(await readPart(part, limits.maxBlockBytes))
      }
      if (messages.length === 0) throw new InvalidParametersError('no message data in the request')
      for (const m of messages) await api.pubsub.publish(topic, m, { signal })
      res.writeHead(200, { 'Content-Length': '0' })
      res.end()
    }
  },

  'pubsub/sub': {
    args: [1, 1],
    options: { discover: 'bool', 'on-error': 'string' },
    async run ({ api, args, res, signal }) {
      const topic = decodeMultibaseText(args.args[0], 'topic')
      const out = lazyStream(res, 'application/json; charset=utf-8', 'values')
      const handler = (m: { from: string, topic: string, data: Uint8Array, sequenceNumber?: bigint }): void => {
        out.push(JSON.stringify({
          from: m.from,
          data: encodeMultibase(m.data),
          seqno: encodeMultibase(bigintBytes(m.sequenceNumber ?? 0n)),
          topicIDs: [encodeText(m.topic)]
        }) + '\n')
      }
      // a subscription that cannot start is an error status (Kubo subscribes, then flushes)
      await api.pubsub.subscribe(topic, handler, { signal })
      // kubo-rpc-client resolves subscribe() when the headers arrive: send them now
      out.start()
      res.flushHeaders()
      await new Promise<void>(resolve => {
        if (signal.aborted) resolve()
        else signal.addEventListener('abort', () => { resolve() }, { once: true })
      })
      await api.pubsub.unsubscribe(topic, handler).catch(() => {})
      if (!res.destroyed) out.end()
    }
  },

  'pubsub/ls': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Strings: (await api.pubsub.ls({ signal })).map(encodeText) })
    }
  },

  'pubsub/peers': {
    args: [0, 1],
    async run ({ api, args, res, signal }) {
      const topic = args.args[0] != null ? decodeMultibaseText(args.args[0], 'topic') : ''
      sendJson(res, { Strings: await api.pubsub.peers(topic, { signal }) })
    }
  },

  // Kubo's `pubsub reset`: `{Deleted}`, the seqno validator entries removed
  'pubsub/reset': {
    args: [0, 0],
    options: { peer: 'string' },
    async run ({ api, args, res, signal }) {
      sendJson(res, { Deleted: await api.pubsub.reset({ signal, peer: args.string('peer') }) })
    }
  }
}
