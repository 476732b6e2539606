/**
 * NAT-PMP port mapping (RFC 6886) on the default gateway, under the same
 * `Swarm.DisableNatPortMap` as UPnP. Kubo's go-nat looks for a UPnP IGD and asks the default
 * gateway over NAT-PMP at once, and maps through what answers; here @libp2p/upnp-nat does UPnP
 * and this service does NAT-PMP beside it: a router that speaks only NAT-PMP (Apple's, many
 * open-source firmwares with UPnP off) still gets our ports mapped. A router that speaks both is
 * asked twice for the same mapping, which it grants once (same internal host and port).
 *
 * The wire work is @achingbrain/nat-port-mapper's `pmpNat()` (the client upnp-nat's package
 * ships); around it, what that client lacks:
 * - retransmission: it sends a request once and waits forever, holding every later request
 *   behind it, so each attempt is bounded and a lost one gets a fresh client (RFC 6886 §3.1
 *   retries with doubling waits);
 * - lifetimes in seconds (it passes its millisecond TTL as seconds) and renewal at half the
 *   lifetime (RFC 6886 §3.3), with our own timer;
 * - an 'error' listener (its UDP socket's errors are re-emitted and would crash the process);
 * - deleting UDP mappings (its unmap() always asks for TCP).
 *
 * Mapped addresses go to the address manager as public address mappings (the same call UPnP's
 * mapper makes): the reachability service asks AutoNAT about them, and once confirmed the node
 * is Public and advertises them.
 */
import { pmpNat } from '@achingbrain/nat-port-mapper'
import { getNetConfig, isLinkLocal, isLoopback, isPrivate, isPrivateIp } from '@libp2p/utils'
import { gateway4async } from 'default-gateway'
import type { Gateway, PortMapping } from '@achingbrain/nat-port-mapper'
import type { ComponentLogger, Libp2pEvents, Logger, Startable, TypedEventTarget } from '@libp2p/interface'
import type { AddressManager } from '@libp2p/interface-internal'

export interface NatPmpInit {
  /** Lifetime asked for each mapping, in seconds; renewed at half of it (default 3600, an hour) */
  lifetimeSeconds?: number
  /** Waits of the successive attempts of one request, in ms (default 500, 1000, 2000, 4000) */
  attemptTimeoutsMs?: number[]
  /** The gateway to ask (default: the IPv4 default route's next hop) */
  gateway?: string
}

export interface NatPmpComponents {
  addressManager: AddressManager
  events: TypedEventTarget<Libp2pEvents>
  logger: ComponentLogger
}

const DEFAULT_LIFETIME_S = 3600
const DEFAULT_ATTEMPT_TIMEOUTS_MS = [500, 1000, 2000, 4000]
/** Attempts at deleting a mapping when the node stops (a few ports: a few seconds at worst) */
const UNMAP_ATTEMPT_TIMEOUTS_MS = [300, 600]
/** Waits for address changes to settle before mapping (listeners open one by one at start) */
const REMAP_DEBOUNCE_MS = 1000

interface Mapped { internalHost: string, internalPort: number, protocol: 'tcp' | 'udp', externalHost: string, externalPort: number }

class NatPmp implements Startable {
  private readonly components: NatPmpComponents
  private readonly log: Logger
  private readonly lifetimeS: number
  private readonly attemptTimeoutsMs: number[]
  private readonly configuredGateway?: string
  private gatewayIp?: string
  private client?: Gateway
  private externalHost?: string
  private readonly mapped = new Map<string, Mapped>()
  private controller = new AbortController()
  private renewTimer?: ReturnType<typeof setTimeout>
  private remapTimer?: ReturnType<typeof setTimeout>
  /** One mapping pass at a time: NAT-PMP answers requests in order */
  private running: Promise<void> = Promise.resolve()

  readonly [Symbol.toStringTag] = 'cairn:natpmp'

  constructor (components: NatPmpComponents, init: NatPmpInit = {}) {
    this.components = components
    this.log = components.logger.forComponent('cairn:natpmp')
    this.lifetimeS = init.lifetimeSeconds ?? DEFAULT_LIFETIME_S
    this.attemptTimeoutsMs = init.attemptTimeoutsMs ?? DEFAULT_ATTEMPT_TIMEOUTS_MS
    this.configuredGateway = init.gateway
    this.onAddressesChanged = this.onAddressesChanged.bind(this)
  }

  async start (): Promise<void> {
    this.controller = new AbortController()
  }

  /** The probe runs in the background: a gateway that does not answer must not hold up the start */
  afterStart (): void {
    this.schedule(async () => { await this.discover() })
  }

  async stop (): Promise<void> {
    this.controller.abort()
    this.components.events.removeEventListener('self:peer:update', this.onAddressesChanged)
    clearTimeout(this.renewTimer)
    clearTimeout(this.remapTimer)
    await this.running
    // leave nothing open on the router (lifetime 0 deletes a mapping); retried, but briefly: we are stopping
    for (const m of this.mapped.values()) {
      try {
        // the client's own unmap() always says TCP: a UDP mapping would stay
        await this.request(async (client, signal) => client.map(m.internalPort, m.externalHost, {
          protocol: m.protocol, externalPort: m.externalPort, ttl: 0, autoRefresh: false, signal
        }), UNMAP_ATTEMPT_TIMEOUTS_MS, new AbortController().signal)
      } catch (err) {
        this.log.error('could not delete the mapping of %s:%d/%s - %e', m.internalHost, m.internalPort, m.protocol, err)
      }
    }
    for (const m of this.mapped.values()) {
      this.components.addressManager.removePublicAddressMapping(m.internalHost, m.internalPort, m.externalHost, m.externalPort, m.protocol)
    }
    this.mapped.clear()
    this.closeClient()
  }

  private schedule (work: () => Promise<void>): void {
    this.running = this.running.then(async () => {
      if (this.controller.signal.aborted) return
      await work()
    }).catch(err => { this.log.error('NAT-PMP failed - %e', err) })
  }

  /** Asks the default gateway for its external address: an answer means it speaks NAT-PMP */
  private async discover (): Promise<void> {
    try {
      this.gatewayIp = this.configuredGateway ?? (await gateway4async()).gateway
    } catch (err) {
      this.log('no IPv4 default gateway, no NAT-PMP - %e', err)
      return
    }
    let external: string
    try {
      external = await this.request(async (client, signal) => client.externalIp({ signal }))
    } catch (err) {
      this.log('gateway %s does not answer NAT-PMP - %e', this.gatewayIp, err)
      this.closeClient()
      return
    }
    // behind a second NAT a mapping on the first one reaches no one (upnp-nat gives up too)
    if (isPrivateIp(external) !== false) {
      this.log('gateway %s has a non-public external address %s (double NAT?): no NAT-PMP mapping', this.gatewayIp, external)
      this.closeClient()
      return
    }
    this.log('gateway %s speaks NAT-PMP, external address %s', this.gatewayIp, external)
    this.externalHost = external
    this.components.events.addEventListener('self:peer:update', this.onAddressesChanged)
    await this.mapAll()
  }

  private onAddressesChanged (): void {
    clearTimeout(this.remapTimer)
    this.remapTimer = setTimeout(() => { this.schedule(async () => { await this.mapAll() }) }, REMAP_DEBOUNCE_MS)
  }

  /** Our private IPv4 TCP/UDP listening ports not mapped yet (UPnP's mapper picks the same) */
  private unmapped (): Array<Omit<Mapped, 'externalHost' | 'externalPort'>> {
    const out = new Map<string, Omit<Mapped, 'externalHost' | 'externalPort'>>()
    for (const { multiaddr: ma, type } of this.components.addressManager.getAddressesWithMetadata()) {
      if (type !== 'transport' || !isPrivate(ma) || isLoopback(ma) || isLinkLocal(ma)) continue
      const config = getNetConfig(ma)
      if (config.type !== 'ip4' || config.port == null || (config.protocol !== 'tcp' && config.protocol !== 'udp')) continue
      const key = `${config.host}-${config.port}-${config.protocol}`
      if (!this.mapped.has(key)) out.set(key, { internalHost: config.host, internalPort: config.port, protocol: config.protocol })
    }
    return [...out.values()]
  }

  private async mapAll (): Promise<void> {
    for (const want of this.unmapped()) await this.map(want)
    this.scheduleRenewal()
  }

  private async map (want: Omit<Mapped, 'externalHost' | 'externalPort'>): Promise<void> {
    const key = `${want.internalHost}-${want.internalPort}-${want.protocol}`
    const previous = this.mapped.get(key)
    let mapping: PortMapping
    try {
      // a NAT-PMP request names no internal address (the router maps to its sender); the client
      // uses the host given only to ask the external address again after each mapping when it is
      // private: we know that address already, and one request less is one less to lose
      const known = this.externalHost ?? want.internalHost
      mapping = await this.request(async (client, signal) => client.map(want.internalPort, known, {
        protocol: want.protocol,
        // the port we hold, as a hint (the client 4.0.5 sends our internal port whatever this says;
        // a gateway keys its mappings by internal address and port, so a renewal keeps the same one)
        externalPort: previous?.externalPort ?? want.internalPort,
        ttl: this.lifetimeS,
        autoRefresh: false,
        signal
      }))
    } catch (err) {
      this.log.error('could not map %s:%d/%s on %s - %e', want.internalHost, want.internalPort, want.protocol, this.gatewayIp, err)
      return
    }
    const mapped: Mapped = { ...want, externalHost: this.externalHost ?? mapping.externalHost, externalPort: mapping.externalPort }
    this.mapped.set(key, mapped)
    const same = previous != null && previous.externalHost === mapped.externalHost && previous.externalPort === mapped.externalPort
    if (same) {
      this.log.trace('renewed %s:%d/%s', mapped.internalHost, mapped.internalPort, mapped.protocol)
      return
    }
    if (previous != null) {
      this.components.addressManager.removePublicAddressMapping(previous.internalHost, previous.internalPort, previous.externalHost, previous.externalPort, previous.protocol)
    }
    this.components.addressManager.addPublicAddressMapping(mapped.internalHost, mapped.internalPort, mapped.externalHost, mapped.externalPort, mapped.protocol)
    this.log('mapped %s:%d/%s to %s:%d for %d s', mapped.internalHost, mapped.internalPort, mapped.protocol, mapped.externalHost, mapped.externalPort, this.lifetimeS)
  }

  /** Renews every mapping at half its lifetime, re-reading the external address first */
  private scheduleRenewal (): void {
    clearTimeout(this.renewTimer)
    if (this.mapped.size === 0) return
    this.renewTimer = setTimeout(() => {
      this.schedule(async () => {
        try {
          this.externalHost = await this.request(async (client, signal) => client.externalIp({ signal }))
        } catch (err) {
          this.log.error('gateway %s did not give its external address - %e', this.gatewayIp, err)
        }
        for (const m of [...this.mapped.values()]) await this.map(m)
        this.scheduleRenewal()
      })
    }, this.lifetimeS * 500)
    this.renewTimer.unref?.()
  }

  /**
   * One request, retried with doubling waits; a client whose request went unanswered is replaced
   * (it would hold every later request behind the lost one)
   */
  private async request<T>(fn: (client: Gateway, signal: AbortSignal) => Promise<T>, timeoutsMs = this.attemptTimeoutsMs, stopped = this.controller.signal): Promise<T> {
    let last: unknown
    for (const ms of timeoutsMs) {
      if (stopped.aborted) break
      const client = this.ensureClient()
      try {
        return await fn(client, AbortSignal.any([stopped, AbortSignal.timeout(ms)]))
      } catch (err) {
        last = err
        this.closeClient()
        // the gateway answered with a result code (refused, out of resources): asking again won't help
        if (isResultCode(err)) break
      }
    }
    throw last ?? new Error('NAT-PMP stopped')
  }

  private ensureClient (): Gateway {
    if (this.client == null) {
      const client = pmpNat(this.gatewayIp ?? '')
      ;(client as unknown as { on(event: 'error', fn: (err: Error) => void): void }).on('error', (err: Error) => {
        this.log.error('NAT-PMP socket error - %e', err)
      })
      this.client = client
    }
    return this.client
  }

  private closeClient (): void {
    const client = this.client
    this.client = undefined
    // nothing is auto-refreshed, so stop() only closes its socket
    client?.stop().catch(() => {})
  }
}

/** The gateway's refusal (RFC 6886 result codes 1-5, as the client reports them), not a lost answer */
function isResultCode (err: unknown): boolean {
  const code = (err as { code?: unknown, name?: unknown }).code
  return (err as Error).name === 'Error' && typeof code === 'number' && code >= 1 && code <= 5
}

/** NAT-PMP port mapping as a libp2p service (`services.natpmp`) */
export function natPmp (init: NatPmpInit = {}): (components: NatPmpComponents) => Startable {
  return (components) => new NatPmp(components, init)
}
