/**
 * One memory budget for everything Bitswap serves, across all peers: block reads in flight and
 * the bytes of blocks read but not yet taken by a stream. Per-peer limits alone let memory grow
 * with the number of peers (64 peers x a 4 MiB send queue x 8 reads is 768 MiB); this bounds the
 * node: at most `maxBytes` plus `maxReads` blocks, whatever the number of peers.
 *
 * A read is admitted once fewer than `maxReads` run and fewer than `maxBytes` are held; waiters go
 * first come, first served, so each peer's serve loop takes its turn.
 */
export interface ServeBudgetInit {
  /** Bytes read for peers and not yet handed to their streams, beyond which reads wait */
  maxBytes: number
  /** Block reads at once, all peers together */
  maxReads: number
}

export class ServeBudget {
  readonly #init: ServeBudgetInit
  #bytes = 0
  #reads = 0
  #peakBytes = 0
  readonly #waiters: Array<() => void> = []

  constructor (init: ServeBudgetInit) {
    this.#init = init
  }

  get maxBytes (): number {
    return this.#init.maxBytes
  }

  /** Bytes held now */
  get bytes (): number {
    return this.#bytes
  }

  /** The most bytes held at once since the budget was made (for tests and stats) */
  get peakBytes (): number {
    return this.#peakBytes
  }

  #admits (): boolean {
    return this.#reads < this.#init.maxReads && this.#bytes < this.#init.maxBytes
  }

  /** Waits for room for one more read; pair with `readDone` */
  async acquireRead (): Promise<void> {
    if (this.#waiters.length === 0 && this.#admits()) {
      this.#reads++
      return
    }
    // #wake counts the read for us when it lets this waiter go
    await new Promise<void>(resolve => { this.#waiters.push(resolve) })
  }

  /** A read ended; `bytes` of it are now held until `release` */
  readDone (bytes: number): void {
    this.#reads--
    this.#bytes += bytes
    if (this.#bytes > this.#peakBytes) this.#peakBytes = this.#bytes
    this.#wake()
  }

  /** Held bytes left our hands (taken by a stream, or dropped) */
  release (bytes: number): void {
    if (bytes <= 0) return
    this.#bytes = Math.max(0, this.#bytes - bytes)
    this.#wake()
  }

  #wake (): void {
    // a woken waiter's read is counted here, before its continuation runs, so no other
    // admission can take the same slot meanwhile
    let room = this.#init.maxReads - this.#reads
    while (this.#waiters.length > 0 && room > 0 && this.#bytes < this.#init.maxBytes) {
      const next = this.#waiters.shift() as () => void
      this.#reads++
      room--
      next()
    }
  }
}
