/**
 * Bounds how long synchronous fast paths (index lookups, page-cache reads) may hold the event loop.
 * An `await` of something that completes synchronously only runs microtasks, so a caller looping
 * over `getBlock` would never let timers or I/O in. A streak starts with the first synchronous
 * call and ends when the event loop turns; once a streak has lasted `maxMs`, `pause()` hands back a
 * promise that resolves on the next turn of the loop (a `setImmediate`, far cheaper than a round
 * trip through the thread pool, which costs milliseconds on a loaded machine).
 */
export class SyncBudget {
  readonly #maxMs: number
  #streakStart = 0

  constructor (maxMs: number) {
    this.#maxMs = maxMs
  }

  /** Undefined when a synchronous call may run now, else a promise to await first */
  pause (): Promise<void> | undefined {
    const now = performance.now()
    if (this.#streakStart === 0) {
      this.#streakStart = now
      setImmediate(() => { this.#streakStart = 0 }).unref()
      return undefined
    }
    if (now - this.#streakStart < this.#maxMs) return undefined
    // Immediates run in order: the reset queued when the streak began runs before this one
    return new Promise(resolve => setImmediate(resolve))
  }
}
