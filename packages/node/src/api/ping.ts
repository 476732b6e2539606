/** Kubo's `ping PEER -n N`: status lines and pongs, one a second, then the average */
import { InvalidParametersError } from '@cairn/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { AbortOptions, PingOptions, PingResult, ProviderInfo } from '@cairn/interface'
import type { Libp2p, PeerId } from '@libp2p/interface'
import type { Ping } from '@libp2p/ping'
import type { Multiaddr } from '@multiformats/multiaddr'

/** Kubo's kPingTimeout: the bound on the peer lookup, and on each ping */
const PING_TIMEOUT_MS = 10_000
/** Kubo sends one ping a second */
const PING_INTERVAL_MS = 1000

export interface PingComponents {
  /** Throws OfflineError offline */
  libp2p(): Libp2p<{ ping?: Ping }>
  findPeer(peerId: string, options?: AbortOptions): Promise<ProviderInfo>
}

/** A peer ID, or a multiaddr ending in one (Kubo's ParsePeerParam) */
function parsePeerParam (text: string): { id: PeerId, addr?: Multiaddr } {
  try {
    if (text.startsWith('/')) {
      const ma = multiaddr(text)
      const id = ma.getComponents().findLast(c => c.name === 'p2p')?.value
      if (id == null) throw new Error('no /p2p/<peer id> in the address')
      const transport = ma.decapsulateCode(421)
      return { id: peerIdFromString(id), ...(transport.toString() !== '/' ? { addr: transport } : {}) }
    }
    return { id: peerIdFromString(text) }
  } catch (err) {
    throw new InvalidParametersError(`failed to parse peer address '${text.slice(0, 200)}': ${(err as Error).message}`, { cause: err })
  }
}

const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => new Promise((resolve, reject) => {
  if (signal?.aborted === true) { reject(signal.reason); return }
  const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve() }, ms)
  const onAbort = (): void => { clearTimeout(timer); reject(signal?.reason) }
  signal?.addEventListener('abort', onAbort, { once: true })
})

export async function * ping (components: PingComponents, peer: string, options: PingOptions = {}): AsyncGenerator<PingResult> {
  const libp2p = components.libp2p()
  const { id, addr } = parsePeerParam(peer)
  if (id.equals(libp2p.peerId)) throw new InvalidParametersError("error: can't ping self")
  const count = options.count ?? 10
  if (count <= 0) throw new InvalidParametersError(`ping count must be greater than 0, was ${count}`)
  const service = libp2p.services.ping
  if (service == null) throw new InvalidParametersError('the node has no ping service')
  if (addr != null) await libp2p.peerStore.merge(id, { multiaddrs: [addr] })
  const known = libp2p.getConnections(id).length > 0 || (await libp2p.peerStore.get(id).then(p => p.addresses.length, () => 0)) > 0
  if (!known) {
    yield { success: true, timeNs: 0, text: `Looking up peer ${id.toString()}` }
    const signal = AbortSignal.any([AbortSignal.timeout(PING_TIMEOUT_MS), ...(options.signal != null ? [options.signal] : [])])
    try {
      await components.findPeer(id.toString(), { signal })
    } catch (err) {
      throw new InvalidParametersError(`peer lookup failed: ${(err as Error).message}`, { cause: err })
    }
  }
  yield { success: true, timeNs: 0, text: `PING ${id.toString()}.` }
  let ok = 0
  let totalMs = 0
  for (let i = 0; i < count; i++) {
    const started = Date.now()
    const signal = AbortSignal.any([AbortSignal.timeout(PING_TIMEOUT_MS), ...(options.signal != null ? [options.signal] : [])])
    try {
      const before = performance.now()
      const reported = await service.ping(id, { signal })
      // libp2p reports whole milliseconds: a sub-millisecond loopback pong would read 0, so then
      // give our own (slightly longer: it includes opening the stream) high-resolution measure
      const rtt = reported > 0 ? reported : performance.now() - before
      ok++
      totalMs += rtt
      yield { success: true, timeNs: Math.round(rtt * 1e6), text: '' }
    } catch (err) {
      options.signal?.throwIfAborted()
      yield { success: false, timeNs: 0, text: `Ping error: ${(err as Error).message}` }
    }
    if (i < count - 1) await sleep(Math.max(0, PING_INTERVAL_MS - (Date.now() - started)), options.signal)
  }
  if (ok === 0) throw new Error('ping failed')
  yield { success: true, timeNs: 0, text: `Average latency: ${(totalMs / ok).toFixed(2)}ms` }
}
