/**
 * Bounds how long synchronous fast paths (index lookups, page-cache reads) may hold the event loop.
 * An `await` of something that completes synchronously only runs microtasks, so a caller looping
 * over `getBlock` would never let timers or I/O in. A streak starts with the first synchronous
 * call and ends when the event loop turns; once a streak has lasted `maxMs`, `take()` says no and
 * the caller takes its asynchronous path, which lets the loop turn.
 */
export class SyncBudget {
  readonly #maxMs: number
  #streakStart = 0

  constructor (maxMs: number) {
    this.#maxMs = maxMs
  }

  /** True when a synchronous call may run now */
  take (): boolean {
    const now = performance.now()
    if (this.#streakStart === 0) {
      this.#streakStart = now
      setImmediate(() => { this.#streakStart = 0 }).unref()
      return true
    }
    return now - this.#streakStart < this.#maxMs
  }
}
