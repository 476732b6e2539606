import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { mkdir, open, readdir, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { base32 } from 'multiformats/bases/base32'

/**
 * Block bodies kept out of LevelDB, one file each, flatfs-style:
 * `data/<2 chars>/<base32 multihash>.<unique suffix>`, the shard being the next-to-last two
 * characters of the name (uniformly spread, as in Kubo's `next-to-last/2`).
 *
 * Every write goes to a fresh, never-reused name and the index record names the file. So the
 * index batch is the only commit point: a file the index does not name is garbage, whether a write
 * was cut short or a delete died before unlinking, and no rename or overwrite can ever race a
 * reader, a delete or GC.
 */
export class BodyFiles {
  readonly dir: string
  readonly #madeShards = new Set<string>()
  readonly #session = randomBytes(4).toString('hex')
  #counter = 0

  constructor (dir: string) {
    this.dir = dir
    mkdirSync(dir, { recursive: true })
  }

  /** A name no other write in this or any other session uses (the session part is random) */
  newName (multihash: Uint8Array): string {
    return `${base32.baseEncode(multihash)}.${this.#session}${(this.#counter++).toString(36)}`
  }

  pathOf (name: string): string {
    return join(this.dir, shardOf(name), name)
  }

  /** Writes a new body file; with `sync` the data is on disk when this resolves */
  async write (name: string, bytes: Uint8Array, sync: boolean): Promise<void> {
    const shard = shardOf(name)
    if (!this.#madeShards.has(shard)) {
      await mkdir(join(this.dir, shard), { recursive: true })
      this.#madeShards.add(shard)
    }
    const path = join(this.dir, shard, name)
    if (!sync) {
      await writeFile(path, bytes, { flag: 'wx' })
      return
    }
    const fh = await open(path, 'wx')
    try {
      await fh.writeFile(bytes)
      await fh.datasync()
    } finally {
      await fh.close()
    }
  }

  /** fsync the shard folders of `names`, so that their directory entries survive power loss */
  async syncDirs (names: Iterable<string>): Promise<void> {
    const shards = new Set<string>()
    for (const name of names) shards.add(shardOf(name))
    for (const shard of shards) {
      const fh = await open(join(this.dir, shard), 'r')
      try { await fh.sync() } finally { await fh.close() }
    }
  }

  /** Reads a body whose size the index knows: one open and one read, no stat */
  async read (name: string, size: number): Promise<Uint8Array> {
    const fh = await open(this.pathOf(name), 'r')
    try {
      const bytes = new Uint8Array(size)
      let offset = 0
      while (offset < size) {
        const { bytesRead } = await fh.read(bytes, offset, size - offset, offset)
        if (bytesRead === 0) throw new Error(`body file is ${offset} bytes, expected ${size}`)
        offset += bytesRead
      }
      return bytes
    } finally {
      await fh.close()
    }
  }

  /** Removes a body; a missing file is fine (GC's orphan sweep or a crash got there first) */
  async remove (name: string): Promise<void> {
    try {
      await unlink(this.pathOf(name))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
  }

  /** Every body file on disk, one shard folder at a time */
  async * list (): AsyncGenerator<{ shard: string, names: string[] }> {
    let shards: string[]
    try {
      shards = (await readdir(this.dir)).sort()
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    for (const shard of shards) {
      let names: string[]
      try {
        names = await readdir(join(this.dir, shard))
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOTDIR' || (err as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw err
      }
      yield { shard, names }
    }
  }
}

function shardOf (name: string): string {
  const dot = name.lastIndexOf('.')
  const base = dot < 0 ? name : name.slice(0, dot)
  return base.slice(-3, -1)
}

/** The multihash part of a body file name, or undefined for names we did not write */
export function multihashOfName (name: string): Uint8Array | undefined {
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return undefined
  try {
    return base32.baseDecode(name.slice(0, dot))
  } catch {
    return undefined
  }
}
