import { AsyncLocalStorage } from 'node:async_hooks'
import mortice from 'mortice'
import type { Mortice } from 'mortice'

let instances = 0

/**
 * A mortice lock of our own. Mortice registers locks by name for sharing across workers; ours
 * live in one process and are reached through this instance only, so each gets a unique name and
 * leaves the registry once idle (`autoFinalize`: the instance keeps working without it).
 */
function privateLock (kind: string): Mortice {
  return mortice({ name: `cairn-blockstore-${kind}-${process.pid}-${++instances}`, singleProcess: true, autoFinalize: true })
}

/** Serialises async critical sections, in arrival order */
export class Mutex {
  readonly #lock = privateLock('mutex')

  /** Resolves once held; call the returned function to release */
  async lock (): Promise<() => void> {
    return this.#lock.writeLock()
  }

  async run <T> (fn: () => Promise<T>): Promise<T> {
    const release = await this.#lock.writeLock()
    try {
      return await fn()
    } finally {
      release()
    }
  }
}

/**
 * What a shared holder's async context carries. `active` turns false on release, so that work the
 * holder started and that outlives the hold does not count as holding.
 */
interface HoldToken { lock: GcLock, active: boolean }

/**
 * Kubo's GC lock, on mortice as Helia's is: adds hold it shared (mortice's read lock) until they
 * have pinned, GC holds it exclusive (its write lock). A waiting GC holds back later adds, so it
 * cannot starve. On top of mortice, shared holds are re-entrant within one async context (an add
 * that calls `pins.add` must not queue behind a GC that is waiting for that same add), tracked
 * with AsyncLocalStorage.
 */
export class GcLock {
  readonly #lock = privateLock('gc')
  readonly #context = new AsyncLocalStorage<HoldToken>()

  /** True when the current async context holds this lock shared right now */
  get heldShared (): boolean {
    const token = this.#context.getStore()
    return token?.lock === this && token.active
  }

  async shared <T> (fn: () => Promise<T>): Promise<T> {
    if (this.heldShared) return fn()
    const release = await this.#lock.readLock()
    const token: HoldToken = { lock: this, active: true }
    try {
      return await this.#context.run(token, fn)
    } finally {
      token.active = false
      release()
    }
  }

  /** Resolves once held exclusively; call the returned function to release (again: no-op) */
  async exclusive (): Promise<() => void> {
    return this.#lock.writeLock()
  }
}
