/**
 * The service's components over any `CairnApi` (the daemon's in-process node): pins, dag stat,
 * swarm connect and the node's own addresses. Only contracts of `@cairn/interface` are used.
 */
import type { CairnApi } from '@cairn/interface'
import type { ComponentLogger } from '@libp2p/interface'
import type { PinningServiceComponents } from './service.ts'

export type PinningNode = Pick<CairnApi, 'pin' | 'dag' | 'swarm' | 'id'>

const LOOPBACK = /^\/(ip4\/127\.\d+\.\d+\.\d+|ip6\/::1|ip6\/0:0:0:0:0:0:0:1|dns4?\/localhost|dns6\/localhost)\//

/**
 * The addresses worth sending a client as `delegates`: a loopback address only reaches a client
 * on this very machine, so loopback ones are left out unless the node listens on nothing else
 * (a node bound to 127.0.0.1, as in tests, still names where it can be reached)
 */
export function reachableDelegates (addrs: string[]): string[] {
  const others = addrs.filter(a => !LOOPBACK.test(a))
  return others.length > 0 ? others : addrs
}

export function nodeComponents (node: PinningNode, options: { logger?: ComponentLogger } = {}): PinningServiceComponents {
  return {
    async pin (cid, { signal, onProgress }) {
      await node.pin.add(cid, { recursive: true, signal, onProgress })
    },
    async unpin (cid) {
      await node.pin.rm(cid, { recursive: true })
    },
    async isPinned (cid) {
      try {
        for await (const entry of node.pin.ls({ type: 'recursive', paths: [cid] })) {
          if (entry.type === 'recursive') return true
        }
        return false
      } catch (err) {
        if ((err as Error)?.name === 'NotPinnedError') return false
        throw err
      }
    },
    async dagSize (cid, { signal }) {
      return (await node.dag.stat(cid, { signal })).size
    },
    async connect (multiaddr, { signal }) {
      await node.swarm.connect(multiaddr, { signal })
    },
    async delegates () {
      const id = await node.id()
      const withPeer = reachableDelegates(id.addresses.filter(a => a.includes('/p2p/')))
      // the spec wants at least one: a node with no listen address still names itself
      return withPeer.length > 0 ? withPeer : [`/p2p/${id.id}`]
    },
    ...(options.logger != null ? { logger: options.logger } : {})
  }
}
