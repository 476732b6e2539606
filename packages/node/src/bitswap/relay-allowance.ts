/**
 * Bitswap over relayed (limited) connections. Sending: how much we may still send a peer through
 * relays in this window (checked before every message, and the cap on each one), and the wait for
 * a punched hole before a relayed stream opens. Receiving: which relayed connections a relay cut
 * at its limits, so that the want manager can fail wants that nothing but an exhausted relay
 * could answer (`exhausted`). The Network owns one and hands it libp2p's `connection:open`.
 */
import { RelayLimitError } from '@cairn/interface'
import type { BitswapComponents } from './index.ts'
import type { Connection, Logger, PeerId } from '@libp2p/interface'

/**
 * Bitswap over relayed connections: at most one relay data limit's worth per peer per window (the
 * relay says its limit; Kubo's default 128 KiB otherwise)
 */
const RELAY_WINDOW_MS = 10 * 60_000
const DEFAULT_RELAY_DATA_LIMIT_BYTES = 131_072

/**
 * The receiving side cannot count what the sender sent (a relay cutting a connection drops what
 * it still held), but it sees the cut: the relay resetting a relayed connection at its limits. A
 * peer that has sent nothing over a relay for this long since has stopped sending for the limit.
 */
const RELAY_STALL_MS = 5_000

/**
 * A relayed connection that ends is a cut for the relay's limits only when the far end reset it
 * (`StreamResetError`: a relay cuts a circuit by resetting both its streams) and it carried
 * Bitswap, or at least this share of its data limit had crossed it, or at most
 * `RELAY_DURATION_SLACK_S` of its time was left. The receiver cannot go by the bytes alone: the
 * relay drops what it still held for us when it cuts (measured: 5 KB of a 64 KiB limit arrived).
 * Anything else says nothing about the relay's limits. Concurrent dials to a peer behind a relay
 * open duplicate relayed connections, which libp2p aborts at once ("Duplicate multiaddr
 * connection", an `InvalidMultiaddrError` here, a `StreamResetError` with no Bitswap on it at the
 * far end): those were counted as cuts, and a transfer that fit the limits then failed with
 * RelayLimitError whenever its data paused for 5 s (2 of 8 runs of the lab's relayed 16 MiB
 * fetch; 0 of 10 since).
 */
const RELAY_CUT_DATA_SHARE = 0.5
const RELAY_DURATION_SLACK_S = 5

/**
 * The smallest message budget on a relayed stream, however little of the allowance is left: room
 * for wantlist entries and presences (a block bigger than the budget still goes, alone)
 */
const RELAYED_MESSAGE_MIN_BYTES = 16 * 1024

export class RelayAllowance {
  private readonly components: BitswapComponents
  private readonly log: Logger
  /** What we sent each peer over relayed connections, per window (the relay's data limit) */
  private readonly relayed = new Map<string, { since: number, sent: number, max: number }>()
  /** Relayed connections by id -> their data limit (bytes left when they opened; 0: none) */
  private readonly relayLimits = new Map<string, number>()
  /** Relayed connections (by id) a Bitswap stream ran on, either way */
  private readonly relayedBitswap = new Set<string>()
  /** peer -> when a relay first cut a connection to it in this window, and the relay's data limit */
  private readonly relayCuts = new Map<string, { at: number, limit: number }>()
  /** peer -> when it last sent us Bitswap data over a relayed connection */
  private readonly relayedLastIn = new Map<string, number>()

  constructor (components: BitswapComponents, log: Logger) {
    this.components = components
    this.log = log
    this.onConnectionOpen = this.onConnectionOpen.bind(this)
  }

  /** libp2p's `connection:open` listener (bound): relayed connections are watched until they close */
  onConnectionOpen (evt: CustomEvent<Connection>): void {
    const conn = evt.detail
    const limits = conn.limits
    if (limits == null) return
    this.relayLimits.set(conn.id, Number(limits.bytes ?? 0n))
    // the connection's own close event says how it ended (libp2p's connection:close does not)
    conn.addEventListener('close', (e) => { this.onRelayedClose(conn, e.error) }, { once: true })
  }

  /**
   * A relayed connection ended: a cut if it looks like the relay ending it at its limits (see
   * `RELAY_CUT_DATA_SHARE`). The connection's live limits (`bytes` and `seconds` left) are
   * libp2p's count of what crossed it.
   */
  private onRelayedClose (conn: Connection, err?: Error): void {
    const opened = this.relayLimits.get(conn.id)
    if (opened == null) return
    this.relayLimits.delete(conn.id)
    const carriedBitswap = this.relayedBitswap.delete(conn.id)
    const now = Date.now()
    // bounded by the peers whose relayed connections were cut in the last window
    for (const [k, c] of this.relayCuts) {
      if (now - c.at > RELAY_WINDOW_MS) {
        this.relayCuts.delete(k)
        this.relayedLastIn.delete(k)
      }
    }
    if (err?.name !== 'StreamResetError') return
    const left = conn.limits
    const bytesLeft = left?.bytes != null ? Number(left.bytes) : undefined
    const dataSpent = opened > 0 && bytesLeft != null && bytesLeft <= opened * (1 - RELAY_CUT_DATA_SHARE)
    const timeUp = left?.seconds != null && left.seconds <= RELAY_DURATION_SLACK_S
    this.log('relayed connection %s to %p reset: %s of %d bytes left, %s s left, Bitswap %s', conn.id, conn.remotePeer, bytesLeft ?? '-', opened, left?.seconds ?? '-', carriedBitswap ? 'on it' : 'not on it')
    if (!carriedBitswap && !dataSpent && !timeUp) return
    const key = conn.remotePeer.toString()
    // the first cut counts: re-dialled connections that the sender leaves idle close again
    if (!this.relayCuts.has(key)) this.relayCuts.set(key, { at: now, limit: opened })
  }

  /** A Bitswap stream, either way, runs on the relayed connection `conn` */
  bitswapOn (conn: Connection): void {
    if (this.relayLimits.has(conn.id)) this.relayedBitswap.add(conn.id)
  }

  /** `peer` (by string id) sent us Bitswap data over a relayed connection */
  receivedFrom (id: string): void {
    this.relayedLastIn.set(id, Date.now())
  }

  /** Forgets the relayed connections being watched (the Network stopped) */
  clearConnections (): void {
    this.relayLimits.clear()
    this.relayedBitswap.clear()
  }

  /**
   * The relay's data limit (bytes, 0 when it set none) if `peer` has stopped sending to us for
   * the relay's limits: a relayed connection to it closed in this window, it has sent nothing
   * over a relay since (for `RELAY_STALL_MS`), and no direct connection to it is open. The sender
   * stops at the limit (above), so nothing more comes that way until a direct connection is made.
   * The want manager asks only about peers its wants were waiting on when they went.
   */
  exhausted (peer: PeerId, now = Date.now()): number | undefined {
    const key = peer.toString()
    const cut = this.relayCuts.get(key)
    if (cut == null || now - cut.at > RELAY_WINDOW_MS) return undefined
    if (now - Math.max(cut.at, this.relayedLastIn.get(key) ?? 0) < RELAY_STALL_MS) return undefined
    if (this.components.connectionManager.getConnections(peer).some(c => c.status === 'open' && c.limits == null)) return undefined
    return cut.limit
  }

  /** Whether any relayed connection closed lately (the want manager's cheap check) */
  hasCuts (): boolean {
    return this.relayCuts.size > 0
  }

  /** The peer's relayed-data window: the relay's limit (or Kubo's default) per window */
  private allowance (peer: PeerId, conn?: Connection): { since: number, sent: number, max: number } {
    const key = peer.toString()
    let a = this.relayed.get(key)
    if (a == null || Date.now() - a.since > RELAY_WINDOW_MS) {
      const told = conn?.limits?.bytes
      a = { since: Date.now(), sent: 0, max: told != null && told > 0n ? Number(told) : DEFAULT_RELAY_DATA_LIMIT_BYTES }
      this.relayed.set(key, a)
    }
    return a
  }

  /**
   * Throws RelayLimitError once this window's relayed allowance for `peer` is spent. Checked
   * before every message on a relayed stream, not only when one opens: a stream that stayed open
   * kept taking blocks until the relay cut it, and what was in flight by then (the muxer's window,
   * socket buffers) crossed the relay on top of its limit.
   */
  check (peer: PeerId, conn?: Connection): void {
    const allowance = this.allowance(peer, conn)
    if (allowance.sent < allowance.max) return
    // each relayed connection gets the relay's data allowance afresh: re-dialling through it
    // would carry bulk data a slice at a time, which is what the relay's limit exists to stop
    throw new RelayLimitError(`peer ${peer.toString()} is reachable only through a relay and this exchange already sent it the relay's data limit (${allowance.max} bytes): no direct connection to move the rest to`)
  }

  /** The most one message on a relayed stream to `peer` may hold */
  messageCap (peer: PeerId): number {
    // no more in one message than the allowance has left. The last message may still take the
    // total past it (a block goes whole): the relay's count then passes its limit too and it
    // cuts the connection, which the receiver sees. What a bigger message still had in flight
    // then (up to the muxer's window and the socket buffers) crossed into the relay for
    // nothing: 556 kB from the sender in the lab (5 MiB, Kubo's 128 KiB, 2 MiB messages).
    const a = this.allowance(peer)
    return Math.max(RELAYED_MESSAGE_MIN_BYTES, a.max - a.sent)
  }

  /** A message of `bytes` went to `peer` on a relayed stream */
  sent (peer: PeerId, bytes: number): void {
    this.allowance(peer).sent += bytes
  }

  /**
   * A direct connection to `peer` where a hole is being punched for it (WebRTC), once it is
   * there; undefined where none is punched or the punch failed
   */
  async awaitDirect (peer: PeerId, signal: AbortSignal): Promise<Connection | undefined> {
    let upgrade: BitswapComponents['directUpgrade']
    try {
      upgrade = this.components.directUpgrade
    } catch {
      // libp2p's components throw for a service that is not there
      return undefined
    }
    return upgrade?.awaitDirect(peer, { signal })
  }
}
