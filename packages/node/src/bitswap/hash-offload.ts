/**
 * SHA2-256 of received blocks on a worker thread. Verifying every block is a third of what a
 * fetching node's main thread does (the rest is decrypting and parsing), so moving the hashing
 * away lets the network loop keep reading while blocks are checked. Zero-copy: the buffer a
 * message was decoded into is moved to the worker and back; no block byte is copied.
 *
 * One worker per process, shared by every Bitswap instance in it, started on first use and
 * ended when the last instance releases it. Until it is ready callers hash inline.
 */
import { Worker } from 'node:worker_threads'

/** A byte range of the moved buffer, one block */
export interface Range {
  offset: number
  length: number
}

export interface HashResult {
  /** The same buffer, back from the worker; views made before the move are detached */
  buffer: ArrayBuffer
  /** sha2-256 of each range, in order */
  digests: Uint8Array[]
}

export interface HashOffload {
  /** False while the worker is starting or after it failed: hash inline then */
  readonly ready: boolean
  /** Resolves true once the worker is online, false if it failed or was released first */
  whenReady(options?: { signal?: AbortSignal }): Promise<boolean>
  /** Moves `buffer` to the worker (it is detached here until the result arrives) */
  sha256(buffer: ArrayBuffer, ranges: Range[]): Promise<HashResult>
  release(): void
}

const SHA256_BYTES = 32

// CommonJS on purpose: an eval worker runs as a script, whatever the package type
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
parentPort.on('message', ({ id, buffer, ranges }) => {
  const digests = new Uint8Array(32 * ranges.length)
  ranges.forEach((r, i) => {
    digests.set(createHash('sha256').update(new Uint8Array(buffer, r.offset, r.length)).digest(), 32 * i)
  })
  parentPort.postMessage({ id, buffer, digests }, [buffer, digests.buffer])
})
`

interface Pending {
  resolve(result: HashResult): void
  reject(err: Error): void
}

class SharedHashWorker {
  private worker?: Worker
  private started = false
  private failed = false
  private users = 0
  private nextId = 0
  private readonly pending = new Map<number, Pending>()
  private waiters: Array<(ready: boolean) => void> = []

  get ready (): boolean {
    return this.started && !this.failed && this.worker != null
  }

  acquire (): void {
    this.users++
    if (this.worker != null || this.failed) return
    const worker = new Worker(workerSource, { eval: true, name: 'cairn-bitswap-hash' })
    // never what keeps a process alive: sockets and timers of the node do that
    worker.unref()
    worker.once('online', () => {
      this.started = true
      this.settleWaiters()
    })
    worker.on('message', ({ id, buffer, digests }: { id: number, buffer: ArrayBuffer, digests: Uint8Array }) => {
      const p = this.pending.get(id)
      this.pending.delete(id)
      const each = Array.from({ length: digests.byteLength / SHA256_BYTES }, (_, i) => digests.subarray(i * SHA256_BYTES, (i + 1) * SHA256_BYTES))
      p?.resolve({ buffer, digests: each })
    })
    worker.once('error', (err) => { this.fail(err) })
    worker.once('exit', (code) => { if (this.worker === worker) this.fail(new Error(`Hash worker exited with code ${code}`)) })
    this.worker = worker
  }

  release (): void {
    this.users = Math.max(0, this.users - 1)
    if (this.users > 0 || this.worker == null) return
    const worker = this.worker
    this.worker = undefined
    this.started = false
    this.rejectAll(new Error('Hash worker stopped'))
    this.settleWaiters()
    void worker.terminate()
  }

  async whenReady (signal?: AbortSignal): Promise<boolean> {
    if (this.ready) return true
    if (this.worker == null) return false
    signal?.throwIfAborted()
    return new Promise<boolean>((resolve, reject) => {
      const onAbort = (): void => {
        this.waiters = this.waiters.filter(w => w !== settle)
        reject(signal?.reason)
      }
      const settle = (ready: boolean): void => {
        signal?.removeEventListener('abort', onAbort)
        resolve(ready)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(settle)
    })
  }

  private settleWaiters (): void {
    const ready = this.ready
    for (const w of this.waiters.splice(0)) w(ready)
  }

  async sha256 (buffer: ArrayBuffer, ranges: Range[]): Promise<HashResult> {
    const worker = this.worker
    if (worker == null || !this.ready) throw new Error('Hash worker not running')
    const id = this.nextId++
    return new Promise<HashResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ id, buffer, ranges }, [buffer])
    })
  }

  private fail (err: Error): void {
    // hashing goes back inline for good: a worker that died once is not restarted in a loop
    this.failed = true
    this.worker = undefined
    this.started = false
    this.rejectAll(err)
    this.settleWaiters()
  }

  private rejectAll (err: Error): void {
    for (const p of this.pending.values()) p.reject(err)
    this.pending.clear()
  }
}

let shared: SharedHashWorker | undefined
let workerSource = WORKER_SOURCE

/**
 * Internal (not exported by the package), for tests that need a worker to fail: the source of the
 * next worker started. Workers already running are not affected.
 */
export function setHashWorkerSource (source: string): void {
  workerSource = source
}

/** A handle on the process's hash worker; call `release()` when done with it */
export function acquireHashOffload (): HashOffload {
  shared ??= new SharedHashWorker()
  const worker = shared
  worker.acquire()
  let released = false
  return {
    get ready () { return !released && worker.ready },
    whenReady: async (options) => !released && await worker.whenReady(options?.signal),
    sha256: async (buffer, ranges) => worker.sha256(buffer, ranges),
    release: () => {
      if (released) return
      released = true
      worker.release()
    }
  }
}
