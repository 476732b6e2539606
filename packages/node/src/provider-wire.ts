/**
 * ADD_PROVIDER over `/ipfs/kad/1.0.0`, many keys to one peer on one stream. kad-dht's own
 * `provide` opens a stream per key and per peer; its server reads messages in a loop until the
 * stream ends (go-libp2p-kad-dht's too), so a batch can share one stream. ADD_PROVIDER has no
 * answer: a record is sent once its bytes are written and the stream closed cleanly.
 */
import { writer } from 'protons-runtime'
import type { AbortOptions, PeerId, Stream } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'

/** kad-dht's `MessageType.ADD_PROVIDER` (dht.proto) */
const ADD_PROVIDER = 2

/** The part of every ADD_PROVIDER message that names us: `providers` (field 9), one PeerInfo */
export function encodeProviderField (self: PeerId, addrs: Multiaddr[]): Uint8Array {
  const info = writer()
  info.uint32(10).bytes(self.toMultihash().bytes)
  for (const a of addrs) info.uint32(18).bytes(a.bytes)
  const field = writer()
  field.uint32(74).bytes(info.finish())
  return field.finish()
}

/** One ADD_PROVIDER message: `type` (1), `key` (2, the multihash, as kad-dht sends it), `providers` */
export function encodeAddProvider (cid: CID, providerField: Uint8Array): Uint8Array {
  const head = writer()
  head.uint32(8).int32(ADD_PROVIDER)
  head.uint32(18).bytes(cid.multihash.bytes)
  const start = head.finish()
  const out = new Uint8Array(start.length + providerField.length)
  out.set(start, 0)
  out.set(providerField, start.length)
  return out
}

/** libp2p's `dialProtocol`: a stream to `peer` for `protocol`, dialling if need be */
export type StreamOpener = (peer: PeerId, protocol: string, options?: AbortOptions) => Promise<Stream>

/** Messages written per stream write: one write per message would cost a yamux frame each */
const WRITE_BATCH = 256

/**
 * Sends `messages` (encoded ADD_PROVIDERs) to `peer` on one stream; resolves once all are written
 * and the stream is closed, rejects (after aborting the stream) on any failure. `timeoutMs`
 * bounds opening the stream and each write of up to WRITE_BATCH records (a peer that stops
 * reading must not hold a worker).
 */
export async function sendAddProviders (open: StreamOpener, peer: PeerId, protocol: string, messages: Uint8Array[], options: AbortOptions & { timeoutMs: number }): Promise<void> {
  const bounded = (): AbortSignal => options.signal == null ? AbortSignal.timeout(options.timeoutMs) : AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)])
  const stream = await open(peer, protocol, { signal: bounded() })
  try {
    // loaded here, not at the top: an offline node imports this module and must load no libp2p
    const { lpStream } = await import('@libp2p/utils')
    const lp = lpStream(stream)
    for (let i = 0; i < messages.length; i += WRITE_BATCH) {
      await lp.writeV(messages.slice(i, i + WRITE_BATCH), { signal: bounded() })
    }
    await stream.close({ signal: bounded() })
  } catch (err: any) {
    stream.abort(err)
    throw err
  }
}
