import { AsyncLocalStorage } from 'node:async_hooks'

/** Serialises async critical sections, in arrival order */
export class Mutex {
  #tail: Promise<void> = Promise.resolve()

  async run <T> (fn: () => Promise<T>): Promise<T> {
    const previous = this.#tail
    let release!: () => void
    this.#tail = new Promise<void>(resolve => { release = resolve })
    await previous
    try {
      return await fn()
    } finally {
      release()
    }
  }
}

interface Waiter { exclusive: boolean, grant: () => void }

/**
 * What a shared holder's async context carries. `active` turns false on release, so that work the
 * holder started and that outlives the hold does not count as holding.
 */
interface HoldToken { lock: GcLock, active: boolean }

/**
 * Kubo's GC lock: adds hold it shared until they have pinned, GC holds it exclusive. Waiters are
 * served in arrival order, so a waiting GC holds back later adds and cannot starve. Shared holds are
 * re-entrant within one async context (an add that calls `pins.add` must not queue behind a GC that
 * is waiting for that same add), tracked with AsyncLocalStorage.
 */
export class GcLock {
  #readers = 0
  #writer = false
  readonly #queue: Waiter[] = []
  readonly #context = new AsyncLocalStorage<HoldToken>()

  /** True when the current async context holds this lock shared right now */
  get heldShared (): boolean {
    const token = this.#context.getStore()
    return token?.lock === this && token.active
  }

  async shared <T> (fn: () => Promise<T>): Promise<T> {
    if (this.heldShared) return fn()
    if (this.#writer || this.#queue.length > 0) {
      await new Promise<void>(resolve => { this.#queue.push({ exclusive: false, grant: resolve }) })
    } else {
      this.#readers++
    }
    const token: HoldToken = { lock: this, active: true }
    try {
      return await this.#context.run(token, fn)
    } finally {
      token.active = false
      this.#readers--
      this.#dispatch()
    }
  }

  /** Resolves once held exclusively; call the returned function to release */
  async exclusive (): Promise<() => void> {
    if (this.#writer || this.#readers > 0 || this.#queue.length > 0) {
      await new Promise<void>(resolve => { this.#queue.push({ exclusive: true, grant: resolve }) })
    } else {
      this.#writer = true
    }
    let released = false
    return () => {
      if (released) return
      released = true
      this.#writer = false
      this.#dispatch()
    }
  }

  #dispatch (): void {
    while (this.#queue.length > 0 && !this.#writer) {
      const head = this.#queue[0]
      if (head.exclusive) {
        if (this.#readers > 0) return
        this.#queue.shift()
        this.#writer = true
        head.grant()
        return
      }
      this.#queue.shift()
      this.#readers++
      head.grant()
    }
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight; rejects on the first failure */
export async function forEachLimit <T> (items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++]
      try {
        await fn(item)
      } catch (err) {
        failed = true
        throw err
      }
    }
  }
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker))
  const rejected = results.find(r => r.status === 'rejected')
  if (rejected != null) throw (rejected as PromiseRejectedResult).reason
}
