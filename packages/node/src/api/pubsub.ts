import { InvalidParametersError } from '@cairn/interface'
import type { AbortOptions, PubsubApi, PubsubMessage } from '@cairn/interface'
import type { GossipSub, Message, TopicValidatorResult } from '@libp2p/gossipsub'
import type { PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'

/** What a validator decides about an incoming message, as gossipsub's `TopicValidatorResult` */
export type PubsubVerdict = 'accept' | 'ignore' | 'reject'

/**
 * Message-validation hook: runs before a message is delivered or forwarded. `reject` also scores
 * the sending peer down; `ignore` drops the message quietly. A throwing validator rejects.
 */
export type PubsubValidator = (message: PubsubMessage, from: string) => PubsubVerdict | Promise<PubsubVerdict>

export interface NodePubsubApi extends PubsubApi {
  /** Installs (or with `undefined`, removes) the validator of a topic */
  setValidator(topic: string, validator?: PubsubValidator): void
}

type Handler = (message: PubsubMessage) => void

/**
 * What Cairn uses of a pubsub router: gossipsub's interface, which floodsub's matches (its
 * messages and validator verdicts have the same shapes and values)
 */
export type PubsubRouter = Pick<GossipSub, 'publish' | 'subscribe' | 'unsubscribe' | 'getTopics' | 'getSubscribers' | 'addEventListener' | 'topicValidators'>

export function toPubsubMessage (msg: Message): PubsubMessage {
  if (msg.type === 'signed') {
    return { from: msg.from.toString(), topic: msg.topic, data: msg.data, sequenceNumber: msg.sequenceNumber }
  }
  return { from: '', topic: msg.topic, data: msg.data }
}

/**
 * gossipsub's `TopicValidatorResult` is a string enum with these very values; it is named as a type
 * only, so that an offline node (which has no gossipsub) does not load gossipsub for it
 */
const verdicts: Record<PubsubVerdict, TopicValidatorResult> = {
  accept: 'accept' as TopicValidatorResult.Accept,
  ignore: 'ignore' as TopicValidatorResult.Ignore,
  reject: 'reject' as TopicValidatorResult.Reject
}

function checkTopic (topic: string): void {
  if (typeof topic !== 'string' || topic === '') throw new InvalidParametersError('A pubsub topic must be a non-empty string')
}

/** Pubsub over the node's router (gossipsub or floodsub); `getPubsub` throws OfflineError when offline */
export function createPubsubApi (getPubsub: () => PubsubRouter): NodePubsubApi {
  const handlers = new Map<string, Set<Handler>>()
  let listening: PubsubRouter | undefined

  const onMessage = (evt: CustomEvent<Message>): void => {
    const set = handlers.get(evt.detail.topic)
    if (set == null) return
    const message = toPubsubMessage(evt.detail)
    for (const handler of [...set]) {
      try {
        handler(message)
      } catch {
        // a subscriber's bug must not stop delivery to the others
      }
    }
  }

  const ensureListening = (ps: PubsubRouter): void => {
    if (listening === ps) return
    ps.addEventListener('message', onMessage)
    listening = ps
  }

  const drop = (ps: PubsubRouter, topic: string, handler?: Handler): void => {
    const set = handlers.get(topic)
    if (set == null) return
    if (handler == null) set.clear()
    else set.delete(handler)
    if (set.size === 0) {
      handlers.delete(topic)
      ps.unsubscribe(topic)
    }
  }

  return {
    async publish (topic: string, data: Uint8Array, options?: AbortOptions): Promise<void> {
      checkTopic(topic)
      if (!(data instanceof Uint8Array)) throw new InvalidParametersError('pubsub data must be bytes')
      options?.signal?.throwIfAborted()
      await getPubsub().publish(topic, data)
    },

    async subscribe (topic: string, handler: Handler, options?: AbortOptions): Promise<void> {
      checkTopic(topic)
      if (typeof handler !== 'function') throw new InvalidParametersError('subscribe needs a handler')
      options?.signal?.throwIfAborted()
      const ps = getPubsub()
      ensureListening(ps)
      let set = handlers.get(topic)
      if (set == null) {
        set = new Set()
        handlers.set(topic, set)
        ps.subscribe(topic)
      }
      set.add(handler)
      options?.signal?.addEventListener('abort', () => {
        // a throw inside an event listener would be an uncaught exception: a stopped node
        // has nothing left to unsubscribe from anyway
        try {
          drop(ps, topic, handler)
        } catch {}
      }, { once: true })
    },

    async unsubscribe (topic: string, handler?: Handler): Promise<void> {
      checkTopic(topic)
      drop(getPubsub(), topic, handler)
    },

    async ls (): Promise<string[]> {
      return getPubsub().getTopics()
    },

    async peers (topic: string): Promise<string[]> {
      checkTopic(topic)
      return getPubsub().getSubscribers(topic).map((p: PeerId) => p.toString())
    },

    // Kubo persists the highest sequence number seen per peer (`/pubsub/seqno/<peer>`) to refuse
    // replays across restarts; js-libp2p's routers keep only an in-memory seen cache, so there is
    // no persisted state here to delete: the peer is checked and 0 entries are reported
    async reset (options = {}): Promise<number> {
      if (options.peer != null && options.peer !== '') {
        try {
          peerIdFromString(options.peer)
        } catch (err) {
          throw new InvalidParametersError(`invalid peer ID: ${(err as Error).message}`, { cause: err })
        }
      }
      getPubsub()
      return 0
    },

    setValidator (topic: string, validator?: PubsubValidator): void {
      checkTopic(topic)
      const ps = getPubsub()
      if (validator == null) {
        ps.topicValidators.delete(topic)
        return
      }
      ps.topicValidators.set(topic, async (peer, msg) => {
        try {
          return verdicts[await validator(toPubsubMessage(msg), peer.toString())] ?? verdicts.reject
        } catch {
          return verdicts.reject
        }
      })
    }
  }
}
