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
  /** Shared holds now (adds and pins in progress) */
  #holders = 0
  /** Shared holds ever taken: GC tells from it whether adds ran since it last looked */
  #taken = 0
  /** Waiting for `#holders` to reach 0 */
  #quiet: Array<() => void> = []

  /** How many shared holds (adds, pins) were ever taken; it only grows */
  get taken (): number {
    return this.#taken
  }

  /** True when the current async context holds this lock shared right now */
  get heldShared (): boolean {
    const token = this.#context.getStore()
    return token?.lock === this && token.active
  }

  async shared <T> (fn: () => Promise<T>): Promise<T> {
    if (this.heldShared) return fn()
    const release = await this.#lock.readLock()
    const token: HoldToken = { lock: this, active: true }
    this.#holders++
    this.#taken++
    try {
      return await this.#context.run(token, fn)
    } finally {
      token.active = false
      release()
      if (--this.#holders === 0) for (const wake of this.#quiet.splice(0)) wake()
    }
  }

  /**
   * Resolves once no add or pin holds the lock shared, or after `maxMs`: GC's sweep runs its
   * batches between adds rather than beside them, so an add waits for one batch at most
   */
  async quiet (maxMs: number): Promise<void> {
    if (this.#holders === 0) return
    await new Promise<void>(resolve => {
      const wake = (): void => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        this.#quiet = this.#quiet.filter(w => w !== wake)
        resolve()
      }, maxMs)
      this.#quiet.push(wake)
    })
  }

  /** Resolves once held exclusively; call the returned function to release (again: no-op) */
  async exclusive (): Promise<() => void> {
    return this.#lock.writeLock()
  }
}
