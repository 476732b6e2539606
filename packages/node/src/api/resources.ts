/**
 * Kubo's `swarm resources` over js-libp2p, which has no resource manager: the limits it does
 * enforce, with what is in use against them, in Kubo's `LimitsConfigAndUsage` shape.
 * - System: `Conns` is the connection manager's `maxConnections` (Kubo's `Swarm.ConnMgr.HighWater`);
 *   streams are counted but not limited node-wide.
 * - Transient: `ConnsInbound` is `maxIncomingPendingConnections`, the inbound connections still
 *   upgrading that js-libp2p lets in at once.
 * - Protocols: js-libp2p limits streams per protocol per connection (each handler's
 *   `maxInboundStreams`/`maxOutboundStreams`), so the usage given is the busiest connection's.
 * - Peers: each connected peer's connections and streams, with no limit of its own.
 * Memory and file descriptors are not accounted by js-libp2p: they are "unlimited" with usage 0.
 */
import type { ResourceReport, ResourceScope, ResourceLimit } from '@cairn/interface'
import type { Connection, Libp2p } from '@libp2p/interface'

/** js-libp2p's defaults, used when the node's config leaves them unset */
export const JS_LIBP2P_MAX_CONNECTIONS = 300
export const JS_LIBP2P_MAX_INCOMING_PENDING_CONNECTIONS = 10
export const JS_LIBP2P_MAX_INBOUND_STREAMS = 32
export const JS_LIBP2P_MAX_OUTBOUND_STREAMS = 64

export interface ResourceLimits {
  /** @default JS_LIBP2P_MAX_CONNECTIONS */
  maxConnections?: number
  /** @default JS_LIBP2P_MAX_INCOMING_PENDING_CONNECTIONS */
  maxIncomingPendingConnections?: number
}

interface HandlerOptions { maxInboundStreams?: number, maxOutboundStreams?: number }
/** The registrar is not on libp2p's public interface; it is read where it is, and skipped if not */
type WithRegistrar = Libp2p & { components?: { registrar?: { getHandler(protocol: string): { options: HandlerOptions } } } }

function scope (limits: Partial<Record<'Conns' | 'ConnsInbound' | 'ConnsOutbound' | 'Streams' | 'StreamsInbound' | 'StreamsOutbound', ResourceLimit>>): ResourceScope {
  return {
    Memory: 'unlimited',
    MemoryUsage: 0,
    FD: 'unlimited',
    FDUsage: 0,
    Conns: limits.Conns ?? 'unlimited',
    ConnsUsage: 0,
    ConnsInbound: limits.ConnsInbound ?? 'unlimited',
    ConnsInboundUsage: 0,
    ConnsOutbound: limits.ConnsOutbound ?? 'unlimited',
    ConnsOutboundUsage: 0,
    Streams: limits.Streams ?? 'unlimited',
    StreamsUsage: 0,
    StreamsInbound: limits.StreamsInbound ?? 'unlimited',
    StreamsInboundUsage: 0,
    StreamsOutbound: limits.StreamsOutbound ?? 'unlimited',
    StreamsOutboundUsage: 0
  }
}

function countConnection (s: ResourceScope, conn: Connection): void {
  s.ConnsUsage++
  if (conn.direction === 'inbound') s.ConnsInboundUsage++
  else s.ConnsOutboundUsage++
  for (const stream of conn.streams) {
    s.StreamsUsage++
    if (stream.direction === 'inbound') s.StreamsInboundUsage++
    else s.StreamsOutboundUsage++
  }
}

export function resourceReport (libp2p: Libp2p, limits: ResourceLimits = {}): ResourceReport {
  const connections = libp2p.getConnections().filter(c => c.status === 'open')
  const system = scope({ Conns: limits.maxConnections ?? JS_LIBP2P_MAX_CONNECTIONS })
  const transient = scope({ ConnsInbound: limits.maxIncomingPendingConnections ?? JS_LIBP2P_MAX_INCOMING_PENDING_CONNECTIONS })
  const peers: Record<string, ResourceScope> = {}
  for (const conn of connections) {
    countConnection(system, conn)
    countConnection(peers[conn.remotePeer.toString()] ??= scope({}), conn)
  }
  const registrar = (libp2p as WithRegistrar).components?.registrar
  const protocols: Record<string, ResourceScope> = {}
  for (const protocol of libp2p.getProtocols()) {
    let options: HandlerOptions = {}
    try {
      options = registrar?.getHandler(protocol).options ?? {}
    } catch {}
    const s = protocols[protocol] = scope({
      StreamsInbound: options.maxInboundStreams ?? JS_LIBP2P_MAX_INBOUND_STREAMS,
      StreamsOutbound: options.maxOutboundStreams ?? JS_LIBP2P_MAX_OUTBOUND_STREAMS
    })
    // the limits hold per connection: the busiest connection is what nears them
    for (const conn of connections) {
      const streams = conn.streams.filter(st => st.protocol === protocol)
      const inbound = streams.filter(st => st.direction === 'inbound').length
      const outbound = streams.length - inbound
      if (streams.length > s.StreamsUsage) s.StreamsUsage = streams.length
      if (inbound > s.StreamsInboundUsage) s.StreamsInboundUsage = inbound
      if (outbound > s.StreamsOutboundUsage) s.StreamsOutboundUsage = outbound
    }
  }
  return { System: system, Transient: transient, Protocols: protocols, Peers: peers }
}
