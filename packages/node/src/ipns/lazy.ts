/**
 * The name system, loaded on first use: the `ipns` package and DNS client cost a few hundred ms
 * to import, which offline one-shot commands (`cairn add`) must not pay.
 */
import type { NameSystem } from './name-system.ts'

export function lazyNameSystem (load: () => Promise<NameSystem>): NameSystem {
  let loading: Promise<NameSystem> | undefined
  let loaded: NameSystem | undefined
  const get = async (): Promise<NameSystem> => {
    loading ??= load().then(ns => { loaded = ns; return ns }, (err) => { loading = undefined; throw err })
    return loading
  }
  return {
    publish: async (...args) => (await get()).publish(...args),
    resolve: async (...args) => (await get()).resolve(...args),
    resolveStream: async function * (...args) { yield * (await get()).resolveStream(...args) },
    get: async (...args) => (await get()).get(...args),
    put: async (...args) => (await get()).put(...args),
    inspect: async (...args) => (await get()).inspect(...args),
    republish: async (...args) => (await get()).republish(...args),
    receive: async (...args) => (await get()).receive(...args),
    // nothing is cached before the first lookup
    cachedTtlMs: (name) => loaded?.cachedTtlMs(name),
    localRecord: async (...args) => (await get()).localRecord(...args),
    pubsub: {
      state: async (...args) => (await get()).pubsub.state(...args),
      subs: async (...args) => (await get()).pubsub.subs(...args),
      cancel: async (...args) => (await get()).pubsub.cancel(...args)
    }
  }
}
