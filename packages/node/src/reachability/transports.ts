/**
 * The transports of an online node (`Swarm.Transports.Network`) and which `Addresses.Swarm`
 * entries they can listen on. QUIC and WebRTC-direct come with native binaries inside their npm
 * packages; where one cannot load (an unsupported platform, a broken install) the node says so
 * once and goes on with what loaded, TCP at least.
 */
import { tcp } from '@libp2p/tcp'
import { webSockets } from '@libp2p/websockets'
import { circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { multiaddr } from '@multiformats/multiaddr'
import { Circuit, QUIC_V1, TCP, WebRTC, WebRTCDirect, WebSockets, WebSocketsSecure } from '@multiformats/multiaddr-matcher'
import { readFile } from 'node:fs/promises'
import { InvalidParametersError } from '@cairn/interface'
import type { NatOptions } from './options.ts'
import type { WebRTCOptions } from './webrtc.ts'
import type { Transport } from '@libp2p/interface'

type TransportFactory = (components: any) => Transport

export interface NodeTransports {
  transports: TransportFactory[]
  /** `Addresses.Swarm` entries some transport serves */
  listen: string[]
  /** entries no transport serves (skipped, not fatal: a Kubo config may list WebTransport) */
  skipped: string[]
  /** one line each for the log: a native transport that did not load */
  notices: string[]
}

type Kind = 'tcp' | 'websocket' | 'wss' | 'quic' | 'webrtcDirect' | 'webrtc' | 'relay'

/** The listen address of WebRTC private-to-private: it advertises `<relayed address>/webrtc` */
export const WEBRTC_LISTEN = '/webrtc'

/** Cairn's `Swarm.WebSocketTLS` (Kubo gets its certificate from AutoTLS): PEM files for `/tls/ws` */
export interface WebSocketTLS {
  CertFile: string
  KeyFile: string
}

/** Which transport listens on an address, if any of ours can */
export function listenKind (addr: string): Kind | undefined {
  let ma
  try {
    ma = multiaddr(addr)
  } catch {
    return undefined
  }
  if (WebRTC.exactMatch(ma)) return 'webrtc'
  if (Circuit.matches(ma)) return 'relay'
  if (TCP.exactMatch(ma)) return 'tcp'
  if (WebSockets.exactMatch(ma)) return 'websocket'
  if (WebSocketsSecure.exactMatch(ma)) return 'wss'
  if (QUIC_V1.exactMatch(ma)) return 'quic'
  if (WebRTCDirect.exactMatch(ma)) return 'webrtcDirect'
  return undefined
}

/** `Addresses.Swarm` split into what the given transports can listen on and the rest */
export function splitListen (addrs: string[], available: ReadonlySet<Kind>): { listen: string[], skipped: string[] } {
  const listen: string[] = []
  const skipped: string[] = []
  for (const addr of addrs) {
    const kind = listenKind(addr)
    if (kind != null && available.has(kind)) listen.push(addr)
    else skipped.push(addr)
  }
  return { listen, skipped }
}

const firstLine = (err: unknown): string => String((err as Error)?.message ?? err).split('\n')[0].slice(0, 300)

/**
 * Builds the transports `nat.transports` enables. Native ones load only when an address asks for
 * them (or to dial, when enabled): a node listening on TCP alone never loads QUIC's binary.
 */
async function readTls (tls: WebSocketTLS): Promise<{ cert: Buffer, key: Buffer }> {
  if (typeof tls?.CertFile !== 'string' || typeof tls?.KeyFile !== 'string') {
    throw new InvalidParametersError('config: Swarm.WebSocketTLS needs CertFile and KeyFile (PEM file paths)')
  }
  try {
    return { cert: await readFile(tls.CertFile), key: await readFile(tls.KeyFile) }
  } catch (err) {
    throw new InvalidParametersError(`config: Swarm.WebSocketTLS: cannot read ${(err as NodeJS.ErrnoException).path ?? 'the certificate'}: ${(err as Error).message}`, { cause: err })
  }
}

export async function buildTransports (nat: NatOptions, swarm: string[], tls?: WebSocketTLS, rtc?: WebRTCOptions): Promise<NodeTransports> {
  const transports: TransportFactory[] = []
  const available = new Set<Kind>()
  const notices: string[] = []
  const wants = (kind: Kind): boolean => swarm.some(a => listenKind(a) === kind)

  if (nat.transports.tcp) {
    transports.push(tcp())
    available.add('tcp')
  }
  if (nat.transports.websocket) {
    // with a certificate the same transport also serves Secure WebSockets (`/tls/ws`)
    const https = tls != null ? await readTls(tls) : undefined
    transports.push(webSockets(https != null ? { https } : {}))
    available.add('websocket')
    if (https != null) available.add('wss')
  }
  if (nat.transports.quic && wants('quic')) {
    try {
      const { quic } = await import('@chainsafe/libp2p-quic')
      transports.push(quic() as TransportFactory)
      available.add('quic')
    } catch (err) {
      notices.push(`QUIC transport unavailable (${firstLine(err)}): continuing without /quic-v1 addresses`)
    }
  }
  if (nat.transports.webrtcDirect && wants('webrtcDirect')) {
    try {
      const { webRTCDirect } = await import('@libp2p/webrtc')
      transports.push(webRTCDirect() as TransportFactory)
      available.add('webrtcDirect')
    } catch (err) {
      notices.push(`WebRTC-direct transport unavailable (${firstLine(err)}): continuing without /webrtc-direct addresses`)
    }
  }
  // WebRTC private-to-private: SDP goes over a relayed connection, then ICE (with STUN's
  // server-reflexive candidates) punches a direct UDP path through both NATs. It rides on relay
  // reservations, so it listens (on `/webrtc`) only where the relay transport is on.
  if (rtc?.enabled === true && nat.transports.relay) {
    try {
      const { webRTC } = await import('@libp2p/webrtc')
      // `mtu` is node-datachannel's (libdatachannel's) key; browsers' RTCConfiguration has none
      type RtcConfiguration = NonNullable<Parameters<typeof webRTC>[0]>['rtcConfiguration']
      const rtcConfiguration = { iceServers: rtc.iceServers.map(urls => ({ urls })), mtu: rtc.mtu } as unknown as RtcConfiguration
      transports.push(webRTC({ rtcConfiguration }) as TransportFactory)
      available.add('webrtc')
      if (!swarm.some(a => listenKind(a) === 'webrtc')) swarm = [...swarm, WEBRTC_LISTEN]
    } catch (err) {
      notices.push(`WebRTC transport unavailable (${firstLine(err)}): continuing without hole punching over WebRTC`)
    }
  }
  if (nat.transports.relay) {
    transports.push(circuitRelayTransport({
      // one reservation at a time is enough to be reachable; a second relay only when one drops
      reservationConcurrency: 1
    }) as TransportFactory)
    available.add('relay')
  }
  const { listen, skipped } = splitListen(swarm, available)
  return { transports, listen, skipped, notices }
}
