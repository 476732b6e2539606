/**
 * IPNS over pubsub (the IPNS PubSub Router spec, Kubo's `Ipns.UsePubsub`): each name has the topic
 * `/record/` + base64url(routing key). Publishing a record also sends it there; resolving a name
 * subscribes to its topic, so later updates arrive as they are published instead of at the next
 * DHT lookup. Records on a topic are validated before gossipsub forwards them.
 */
import { InvalidParametersError } from '@cairn/interface'
import { toString as uint8ArrayToString } from 'uint8arrays/to-string'
import { validateIpnsRecord } from './validator.ts'
import type { NodePubsubApi } from '../api/pubsub.ts'
import type { IpnsName } from './name.ts'
import type { Logger } from '@libp2p/interface'

export const ipnsTopic = (routingKey: Uint8Array): string => `/record/${uint8ArrayToString(routingKey, 'base64url')}`

export interface IpnsPubsubComponents {
  pubsub(): NodePubsubApi
  /** Offers a record heard on a topic to the name system */
  receive(name: IpnsName, record: Uint8Array): Promise<boolean>
  /**
   * Finds and connects other followers of a topic, as go-libp2p-pubsub's routing discovery
   * does for Kubo: a topic's followers need not be connected to each other otherwise
   */
  discover?(topic: string, options: { signal: AbortSignal }): Promise<void>
  /**
   * Asks a peer for its latest record of a routing key over `/libp2p/fetch/0.0.1`, as
   * go-libp2p-pubsub-router does with each peer that joins a followed topic; undefined: it has none
   */
  fetch?(peer: string, routingKey: Uint8Array, options: { signal: AbortSignal }): Promise<Uint8Array | undefined>
  /** Calls `handler` whenever a peer announces it follows a topic */
  onPeerJoin?(handler: (peer: string, topic: string) => void): void
  log: Logger
}

/** Bound on one fetch of a record from a topic peer (go-libp2p-pubsub-router allows 10 s) */
export const PUBSUB_FETCH_TIMEOUT_MS = 10_000
/** Topic peers asked at once when a name is first followed */
const PUBSUB_FETCH_PEERS_MAX = 8

/** Bound on one topic's discovery (a DHT provide and a provider lookup) */
const DISCOVERY_TIMEOUT_MS = 60_000

export interface IpnsPubsub {
  readonly enabled: boolean
  /** Subscribes to a name's topic (once) */
  watch(name: IpnsName): Promise<void>
  publish(name: IpnsName, record: Uint8Array): Promise<void>
  /** `/ipns/<name>` of every watched name */
  subs(): string[]
  /** Stops watching a name; false when it was not watched */
  cancel(name: IpnsName): Promise<boolean>
  /**
   * Asks the peers already following a name's topic for their latest record (the pubsub fetch
   * protocol), offering each answer to the name system; resolves once all have answered
   */
  fetchLatest(name: IpnsName, options: { signal: AbortSignal }): Promise<void>
  stop(): Promise<void>
}

const DISABLED = 'IPNS pubsub subsystem is not enabled'

export function createIpnsPubsub (components: IpnsPubsubComponents, enabled: boolean): IpnsPubsub {
  const watched = new Map<string, { name: IpnsName, handler: (m: { data: Uint8Array }) => void }>()

  /** One peer's latest record of a name, offered to the name system */
  async function fetchFrom (peer: string, name: IpnsName, signal: AbortSignal): Promise<void> {
    if (components.fetch == null) return
    const record = await components.fetch(peer, name.routingKey, { signal: AbortSignal.any([signal, AbortSignal.timeout(PUBSUB_FETCH_TIMEOUT_MS)]) })
    if (record != null && await components.receive(name, record)) components.log('fetched a newer record of %s from %s', name.cid, peer)
  }

  // a peer that starts following a name we follow may hold a newer record than ours
  if (enabled) {
    components.onPeerJoin?.((peer, topic) => {
      const entry = watched.get(topic)
      if (entry == null) return
      fetchFrom(peer, entry.name, AbortSignal.timeout(PUBSUB_FETCH_TIMEOUT_MS)).catch((err) => {
        components.log('fetching %s from joining peer %s failed - %e', entry.name.cid, peer, err)
      })
    })
  }

  return {
    enabled,

    async watch (name) {
      if (!enabled) return
      const topic = ipnsTopic(name.routingKey)
      if (watched.has(topic)) return
      const pubsub = components.pubsub()
      // gossipsub forwards only records that are valid for this name
      pubsub.setValidator(topic, async (message) => {
        try {
          await validateIpnsRecord(name.routingKey, message.data)
          return 'accept'
        } catch {
          return 'reject'
        }
      })
      const handler = (m: { data: Uint8Array }): void => {
        components.receive(name, m.data).catch((err) => { components.log.error('a pubsub record for %s failed - %e', name.cid, err) })
      }
      watched.set(topic, { name, handler })
      await pubsub.subscribe(topic, handler)
      components.log('watching %s on %s', name.cid, topic)
      components.discover?.(topic, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) }).catch((err) => {
        components.log('discovering followers of %s failed - %e', topic, err)
      })
    },

    async publish (name, record) {
      if (!enabled) return
      await this.watch(name)
      await components.pubsub().publish(ipnsTopic(name.routingKey), record)
    },

    subs () {
      if (!enabled) throw new InvalidParametersError(DISABLED)
      return [...watched.values()].map(w => `/ipns/${w.name.cid}`)
    },

    async cancel (name) {
      if (!enabled) throw new InvalidParametersError(DISABLED)
      const topic = ipnsTopic(name.routingKey)
      const entry = watched.get(topic)
      if (entry == null) return false
      watched.delete(topic)
      const pubsub = components.pubsub()
      await pubsub.unsubscribe(topic, entry.handler)
      pubsub.setValidator(topic, undefined)
      return true
    },

    async fetchLatest (name, options) {
      if (!enabled || components.fetch == null) return
      const peers = (await components.pubsub().peers(ipnsTopic(name.routingKey))).slice(0, PUBSUB_FETCH_PEERS_MAX)
      await Promise.all(peers.map(async peer => fetchFrom(peer, name, options.signal).catch((err) => {
        components.log('fetching %s from %s failed - %e', name.cid, peer, err)
      })))
    },

    async stop () {
      watched.clear()
    }
  }
}
