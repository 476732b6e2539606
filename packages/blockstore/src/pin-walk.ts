/**
 * The reference-count walks behind pin add, rm and update, in batches of bounded size.
 *
 * A walk applies +1 (add) or -1 (release) to a root's count; every node whose count crosses zero
 * passes the same delta on to its links, as a parent reference. Memory and batch size are bounded
 * by `batchNodesMax` count changes per LevelDB batch, whatever the size of the DAG:
 *
 * - Nodes that crossed zero and whose links are still to be counted wait in a queue kept in the
 *   index (`q` keys), not in memory; each batch pops a few, counts their links and pushes the
 *   links that crossed in turn.
 * - A walk that needs more than one batch writes a marker (`/pin-walk`: phase, root, queue
 *   bounds) in its first batch and keeps it current in every later one, so that each batch moves
 *   the walk from one consistent step to the next. After a crash the marker says where to go on:
 *   `resume()` completes the walk. A recursive pin record is written only in the last batch of an
 *   add, and a pin record is removed in the first batch of a release, so no one ever sees half
 *   a pin.
 * - An add that fails (a missing block, a getter error, an abort) is rolled back the same way:
 *   phase `abort` finishes the +1 walk over what is local, then phase `release` walks -1 from the
 *   same root, so the counts come back to exactly what they were. The abort walk counts a missing
 *   block as a leaf and leaves a hole record (`h` key) for it; the release walk treats a node with
 *   a hole record as a leaf too, even if its block arrived in between (else it would release
 *   links that were never counted).
 *
 * A walk that fits in one batch writes no marker at all: small pins cost one batch, as before.
 */
import { NotFoundError } from '@cairn/interface'
import { blockLinks, isLeafCodec, verifyBlock } from '@cairn/ipld'
import { CID } from 'multiformats/cid'
import { DEFAULT_PIN_BATCH_NODES_MAX, DEFAULT_PIN_WALK_CONCURRENCY } from './constants.ts'
import {
  PREFIX_BLOCK, PREFIX_COUNT, PREFIX_DIRECT, PREFIX_HOLE, PREFIX_QUEUE, PREFIX_RECURSIVE, decodeCount, encodeCount, encodePinRecord,
  keyString, nodeId, prefixed
} from './encoding.ts'
import { forEachLimit } from './parallel.ts'
import type { LevelBlockstore } from './blockstore.ts'
import type { RefCount } from './encoding.ts'
import type { AbortOptions, BlockGetter } from '@cairn/interface'

type BatchOp = { type: 'put', key: Uint8Array, value: Uint8Array } | { type: 'del', key: Uint8Array }

/** Where a walk that spans batches keeps its state */
export const PIN_WALK_KEY = new TextEncoder().encode('/pin-walk')

/** Queued nodes read from the index at a time */
const QUEUE_READ = 64

/**
 * `add`: +1 walk from `root`, which is pinned recursively when done; then `then` (a pin update's
 * old root) is unpinned and released. `abort`: a failed add, finishing its +1 walk over what is
 * local before releasing `root` again. `release`: -1 walk from `root`.
 */
type Phase = 'add' | 'abort' | 'release'

interface WalkState {
  phase: Phase
  root: CID
  then?: CID
  /** The name the recursive pin on `root` gets when an add completes (Kubo's `pin add --name`) */
  name?: string
  /** A release that rolls back a failed add: honours hole records */
  rollback?: boolean
  /** Queue keys head..tail-1 hold nodes whose links are still to be counted */
  head: number
  tail: number
}

export interface WalkOptions extends AbortOptions {
  getter?: BlockGetter
  onProgress?: (nodes: number) => void
}

interface Counted { key: Uint8Array, count: RefCount, changed: boolean }

/** What one batch changes, built in memory and written with one index batch (`ledger.write`) */
class Batch {
  readonly counts = new Map<string, Counted>()
  readonly ops: BatchOp[] = []
  /** Nodes that crossed zero and whose links are still to be counted */
  todo: CID[] = []
  changes = 0
}

export class PinWalker {
  readonly #store: LevelBlockstore
  readonly #batchMax: number

  constructor (store: LevelBlockstore, batchNodesMax = DEFAULT_PIN_BATCH_NODES_MAX) {
    this.#store = store
    this.#batchMax = Math.max(1, batchNodesMax)
  }

  /** Pins `root` recursively (the caller checked it is not), named `name`; `then` is released once it is */
  async add (root: CID, then: CID | undefined, options: WalkOptions, name?: string): Promise<void> {
    await this.#run({ phase: 'add', root, then, name, head: 0, tail: 0 }, false, options)
  }

  /** Removes the recursive pin on `root` and releases what only it held */
  async release (root: CID, options: Pick<WalkOptions, 'onProgress'> = {}): Promise<void> {
    await this.#run({ phase: 'release', root, head: 0, tail: 0 }, false, options)
  }

  /** Completes a walk a crash interrupted; true if there was one */
  async resume (): Promise<boolean> {
    const value = await this.#store.db.get(PIN_WALK_KEY)
    if (value == null) return false
    const state = decodeState(value)
    this.#store.log('completing an interrupted pin walk: %s %s', state.phase, state.root)
    try {
      await this.#run(state, true, {})
    } catch (err) {
      // An interrupted add that cannot complete (a block it needs left with its getter) was rolled
      // back: that pin vanishes, which is not the failure of whoever triggered the recovery
      if (state.phase !== 'add' || (await this.#store.db.get(PIN_WALK_KEY)) != null) throw err
      this.#store.log.error('an interrupted pin add of %s was rolled back: %s', state.root, (err as Error).message)
    }
    return true
  }

  async #run (state: WalkState, persisted: boolean, options: WalkOptions): Promise<void> {
    let started = persisted
    let failure: unknown
    let walked = 0
    for (;;) {
      const batch = new Batch()
      let done: boolean
      try {
        // Only an add can be given up: a rollback or release always runs to the end
        const phaseOptions = state.phase === 'add' ? options : {}
        phaseOptions.signal?.throwIfAborted()
        const next = { ...state }
        if (!started) await this.#startPhase(batch, next, phaseOptions)
        done = await this.#fill(batch, next, phaseOptions)
        walked += batch.changes
        if (!done) this.#persistQueue(batch, next)
        batch.ops.push(done ? { type: 'del', key: PIN_WALK_KEY } : { type: 'put', key: PIN_WALK_KEY, value: encodeState(next) })
        await this.#store.ledger.write([...countOps(batch), ...batch.ops])
        state = next
        started = true
        persisted = !done
      } catch (err) {
        if (state.phase !== 'add') throw err
        // The store is closing: stop as a crash would, the next open completes or undoes the walk
        if ((err as Error).name === 'StoreClosedError') throw err
        // A failed add: nothing to undo while nothing was written, else roll back what was
        if (!persisted) throw err
        failure = err
        this.#store.log.error('pin add of %s failed, rolling back: %s', state.root, (err as Error).message)
        state = { ...state, phase: 'abort', then: undefined, rollback: true }
        await this.#store.ledger.write([{ type: 'put', key: PIN_WALK_KEY, value: encodeState(state) }])
        continue
      }
      // A rollback is not progress
      if (failure == null) options.onProgress?.(walked)
      if (done) break
    }
    if (failure != null) throw failure
  }

  /** The first step of a phase: the root's own count */
  async #startPhase (batch: Batch, state: WalkState, options: WalkOptions): Promise<void> {
    // The pin goes in the first batch of its release (none when rolling back: it was never written)
    if (state.phase === 'release') batch.ops.push({ type: 'del', key: prefixed(PREFIX_RECURSIVE, nodeId(state.root)) })
    const delta = state.phase === 'release' ? -1 : 1
    const crossed = await this.#apply(batch, [state.root], 'roots', delta)
    await this.#crossed(batch, crossed, state.phase, options)
  }

  /**
   * Counts queued nodes' links until the batch holds `batchMax` changes or nothing is left; moves
   * on to the next phase when a phase has nothing left. True when the whole walk is done.
   */
  async #fill (batch: Batch, state: WalkState, options: WalkOptions): Promise<boolean> {
    for (;;) {
      while (batch.changes < this.#batchMax) {
        if (batch.todo.length === 0 && state.head < state.tail) await this.#popQueue(batch, state)
        if (batch.todo.length === 0) break
        // Each node expanded is at least one change: small batches take small waves
        const wave = batch.todo.splice(0, Math.min(DEFAULT_PIN_WALK_CONCURRENCY, this.#batchMax - batch.changes))
        const delta = state.phase === 'release' ? -1 : 1
        const links: CID[][] = []
        const holes = state.rollback === true && state.phase === 'release' ? await this.#takeHoles(batch, wave) : undefined
        await forEachLimit(wave, DEFAULT_PIN_WALK_CONCURRENCY, async (cid, i) => {
          if (holes?.[i] === true) return
          links.push(await this.#links(batch, cid, state.phase, options))
        })
        const crossed = await this.#apply(batch, links.flat(), 'parents', delta)
        await this.#crossed(batch, crossed, state.phase, options)
      }
      if (batch.todo.length > 0 || state.head < state.tail) return false
      // This phase is complete
      if (state.phase === 'add') {
        const id = nodeId(state.root)
        batch.ops.push({ type: 'put', key: prefixed(PREFIX_RECURSIVE, id), value: encodePinRecord(state.root, state.name) })
        // A recursive pin supersedes a direct one, as in Kubo
        batch.ops.push({ type: 'del', key: prefixed(PREFIX_DIRECT, id) })
        if (state.then == null) return true
        Object.assign(state, { phase: 'release', root: state.then, then: undefined, name: undefined, head: 0, tail: 0 })
      } else if (state.phase === 'abort') {
        Object.assign(state, { phase: 'release', head: 0, tail: 0 })
      } else {
        return true
      }
      await this.#startPhase(batch, state, options)
    }
  }

  /** Applies `delta` to the `field` count of each node (repeats count again); returns those that crossed zero */
  async #apply (batch: Batch, cids: CID[], field: keyof RefCount, delta: 1 | -1): Promise<CID[]> {
    const keys = cids.map(cid => prefixed(PREFIX_COUNT, nodeId(cid)))
    const ids = keys.map(keyString)
    const missing = new Map<string, Uint8Array>()
    ids.forEach((k, i) => {
      if (!batch.counts.has(k) && !missing.has(k)) missing.set(k, keys[i])
    })
    if (missing.size > 0) {
      const values = await this.#getMany([...missing.values()])
      let i = 0
      for (const [k, key] of missing) {
        const value = values[i++]
        batch.counts.set(k, { key, count: value == null ? { roots: 0, parents: 0 } : decodeCount(value), changed: false })
      }
    }
    const crossed: CID[] = []
    cids.forEach((cid, i) => {
      const entry = batch.counts.get(ids[i])!
      const before = entry.count.roots + entry.count.parents
      entry.count[field] += delta
      entry.changed = true
      batch.changes++
      if (entry.count[field] < 0) {
        // Releasing a reference that was never taken: the index is damaged; keep going at zero
        entry.count[field] = 0
        return
      }
      const after = entry.count.roots + entry.count.parents
      if ((before === 0 && after > 0) || (before > 0 && after === 0)) crossed.push(cid)
    })
    return crossed
  }

  /**
   * Nodes that crossed zero: those with links wait in `todo`. Leaves have none, but an add must
   * have them (fetched through the getter when it has one): pinning promises the whole DAG.
   */
  async #crossed (batch: Batch, crossed: CID[], phase: Phase, options: WalkOptions): Promise<void> {
    const leaves: CID[] = []
    for (const cid of crossed) {
      if (isLeafCodec(cid.code)) leaves.push(cid)
      else batch.todo.push(cid)
    }
    if (phase !== 'add') return
    // While GC sweeps: touch before looking, so that what we find stays (touches.ts)
    await this.#store.touches.touch(crossed)
    if (leaves.length === 0) return
    const present = await this.#getMany(leaves.map(cid => prefixed(PREFIX_BLOCK, cid.multihash.bytes)))
    const absent = leaves.filter((cid, i) => present[i] == null && cid.multihash.code !== 0)
    await forEachLimit(absent, DEFAULT_PIN_WALK_CONCURRENCY, async cid => {
      if (options.getter == null) throw missingBlock(cid)
      await this.#fetch(cid, options.getter, options)
    })
  }

  /** Which of `cids` the abort walk counted as leaves (their hole records go in this batch) */
  async #takeHoles (batch: Batch, cids: CID[]): Promise<boolean[]> {
    const keys = cids.map(cid => prefixed(PREFIX_HOLE, nodeId(cid)))
    const found = await this.#store.db.hasMany(keys)
    keys.forEach((key, i) => { if (found[i]) batch.ops.push({ type: 'del', key }) })
    return found
  }

  /** The links of a node: from the store, else (adding) fetched and verified through the getter */
  async #links (batch: Batch, cid: CID, phase: Phase, options: WalkOptions): Promise<CID[]> {
    try {
      return await this.#store.linksOf(cid, options)
    } catch (err) {
      if ((err as Error).name !== 'NotFoundError') throw err
    }
    if (phase === 'add') {
      if (options.getter == null) throw missingBlock(cid)
      return blockLinks(cid, await this.#fetch(cid, options.getter, options))
    }
    // Rolling back: counted as a leaf, and the release must do the same (see the file comment)
    if (phase === 'abort') batch.ops.push({ type: 'put', key: prefixed(PREFIX_HOLE, nodeId(cid)), value: new Uint8Array(0) })
    // Releasing a node whose block is gone (removed by hand): its children keep their counts,
    // which only keeps them from GC
    else this.#store.log.error('unpinning %s: its block is gone, so its children stay counted (kept from GC)', cid)
    return []
  }

  async #fetch (cid: CID, getter: BlockGetter, options: AbortOptions): Promise<Uint8Array> {
    const bytes = await getter.getBlock(cid, options)
    // a getter that verified what it returns (the node's network getter) is not hashed twice
    if (getter.verified !== true) await verifyBlock(cid, bytes)
    await this.#store.putBlock(cid, bytes, options)
    return bytes
  }

  /**
   * Index reads of a wave (a few thousand small keys): synchronous where LevelDB allows, which is
   * several times cheaper than a thread-pool round trip and its allocations; the event loop turns
   * between waves
   */
  async #getMany (keys: Uint8Array[]): Promise<Array<Uint8Array | undefined>> {
    const db = this.#store.db
    if ((db.supports as { getSync?: boolean }).getSync !== true) return db.getMany(keys)
    await new Promise(resolve => setImmediate(resolve))
    return keys.map(key => db.getSync(key))
  }

  async #popQueue (batch: Batch, state: WalkState): Promise<void> {
    const end = Math.min(state.tail, state.head + QUEUE_READ)
    for await (const value of this.#store.db.values({ gte: queueKey(state.head), lt: queueKey(end) })) {
      batch.todo.push(CID.decode(value))
    }
    for (let seq = state.head; seq < end; seq++) batch.ops.push({ type: 'del', key: queueKey(seq) })
    state.head = end
  }

  /** What the batch could not finish goes to the queue's tail */
  #persistQueue (batch: Batch, state: WalkState): void {
    for (const cid of batch.todo) {
      batch.ops.push({ type: 'put', key: queueKey(state.tail), value: cid.bytes })
      state.tail++
    }
    batch.todo = []
  }
}

function countOps (batch: Batch): BatchOp[] {
  const ops: BatchOp[] = []
  for (const { key, count, changed } of batch.counts.values()) {
    if (!changed) continue
    if (count.roots + count.parents === 0) ops.push({ type: 'del', key })
    else ops.push({ type: 'put', key, value: encodeCount(count) })
  }
  return ops
}

/** 'q' ‖ 8-byte big-endian sequence number, so that keys sort in queue order */
function queueKey (seq: number): Uint8Array {
  const key = new Uint8Array(9)
  key[0] = PREFIX_QUEUE
  new DataView(key.buffer).setBigUint64(1, BigInt(seq))
  return key
}

function encodeState (state: WalkState): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({
    phase: state.phase, root: state.root.toString(), then: state.then?.toString(), name: state.name, rollback: state.rollback, head: state.head, tail: state.tail
  }))
}

function decodeState (value: Uint8Array): WalkState {
  const json = JSON.parse(new TextDecoder().decode(value))
  return {
    phase: json.phase,
    root: CID.parse(json.root),
    then: json.then == null ? undefined : CID.parse(json.then),
    name: typeof json.name === 'string' ? json.name : undefined,
    rollback: json.rollback === true,
    head: json.head,
    tail: json.tail
  }
}

export function missingBlock (cid: CID): NotFoundError {
  return new NotFoundError(`Cannot pin: block ${cid} is not in the store (pass a getter to fetch it)`, { details: { cid: cid.toString() } })
}
