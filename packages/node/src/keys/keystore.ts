/**
 * The repo's keystore: one file per named key in `$repo/keystore/`, as boxo's FS keystore lays it
 * out (`key_<base32 of the name>`, the libp2p protobuf of the private key, mode 0600). `self` is
 * the node's identity, kept in `keystore/self` by `initRepo`; it cannot be created, renamed or
 * removed through the keystore.
 */
import { mkdir, readdir, readFile, rename as renameFile, rm, writeFile, link, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { InvalidParametersError, NotFoundError } from '@cairn/interface'
import { privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { base32 } from 'multiformats/bases/base32'
import type { PrivateKey } from '@libp2p/interface'

export const SELF_KEY = 'self'
const FILE_PREFIX = 'key_'
/** Longest key name: the file name must stay under common 255-byte limits after base32 */
const KEY_NAME_BYTES_MAX = 150

export interface StoredKey {
  name: string
  key: PrivateKey
  /** The peer ID (base58btc) of the key */
  id: string
}

export interface Keystore {
  has(name: string): Promise<boolean>
  get(name: string): Promise<StoredKey>
  /** Refuses a name in use unless `overwrite` */
  put(name: string, key: PrivateKey, options?: { overwrite?: boolean }): Promise<void>
  delete(name: string): Promise<void>
  rename(from: string, to: string, options?: { overwrite?: boolean }): Promise<boolean>
  /** Every key, `self` first */
  list(): Promise<StoredKey[]>
}

/** Kubo's key name rules (boxo keystore `validateName`) plus a length bound */
export function validateKeyName (name: string): void {
  if (typeof name !== 'string' || name === '') throw new InvalidParametersError('key names must be at least one character')
  if (name.includes('/')) throw new InvalidParametersError("key names may not contain slashes")
  if (name.startsWith('.')) throw new InvalidParametersError("key names may not begin with a period")
  if (Buffer.byteLength(name) > KEY_NAME_BYTES_MAX) throw new InvalidParametersError(`key names may be at most ${KEY_NAME_BYTES_MAX} bytes`)
}

const fileName = (name: string): string => FILE_PREFIX + base32.baseEncode(new TextEncoder().encode(name))

function nameOfFile (file: string): string | undefined {
  if (!file.startsWith(FILE_PREFIX)) return undefined
  try {
    return new TextDecoder().decode(base32.baseDecode(file.slice(FILE_PREFIX.length)))
  } catch {
    return undefined
  }
}

export function createKeystore (dir: string, selfFile: string): Keystore {
  const pathOf = (name: string): string => name === SELF_KEY ? selfFile : join(dir, fileName(name))

  async function read (name: string): Promise<StoredKey> {
    let bytes: Uint8Array
    try {
      bytes = await readFile(pathOf(name))
    } catch (err: any) {
      if (err?.code === 'ENOENT') throw new NotFoundError(`no key named ${name} was found`, { cause: err })
      throw err
    }
    const key = privateKeyFromProtobuf(bytes)
    return { name, key, id: peerIdFromPrivateKey(key).toString() }
  }

  const exists = async (path: string): Promise<boolean> => stat(path).then(() => true, (err) => {
    if (err?.code === 'ENOENT') return false
    throw err
  })

  return {
    async has (name) {
      validateKeyName(name)
      return exists(pathOf(name))
    },

    async get (name) {
      validateKeyName(name)
      return read(name)
    },

    async put (name, key, options = {}) {
      validateKeyName(name)
      if (name === SELF_KEY) throw new InvalidParametersError(`cannot overwrite key with name '${SELF_KEY}'`)
      await mkdir(dir, { recursive: true, mode: 0o700 })
      const target = pathOf(name)
      const tmp = `${target}.${process.pid}.tmp`
      await writeFile(tmp, privateKeyToProtobuf(key), { mode: 0o600 })
      try {
        if (options.overwrite === true) {
          await renameFile(tmp, target)
        } else {
          // link() fails on an existing name: no race between two `key gen` of one name
          await link(tmp, target).catch((err) => {
            if (err?.code === 'EEXIST') throw new InvalidParametersError(`key with name '${name}' already exists`)
            throw err
          })
        }
      } finally {
        await rm(tmp, { force: true })
      }
    },

    async delete (name) {
      validateKeyName(name)
      if (name === SELF_KEY) throw new InvalidParametersError(`cannot remove key with name '${SELF_KEY}'`)
      try {
        await rm(pathOf(name))
      } catch (err: any) {
        if (err?.code === 'ENOENT') throw new NotFoundError(`no key named ${name} was found`, { cause: err })
        throw err
      }
    },

    async rename (from, to, options = {}) {
      validateKeyName(from)
      validateKeyName(to)
      if (from === SELF_KEY) throw new InvalidParametersError(`cannot rename key with name '${SELF_KEY}'`)
      if (to === SELF_KEY) throw new InvalidParametersError(`cannot overwrite key with name '${SELF_KEY}'`)
      const source = await read(from)
      if (from === to) return false
      const overwrite = await exists(pathOf(to))
      if (overwrite && options.overwrite !== true) throw new InvalidParametersError(`key by that name already exists, refusing to overwrite`)
      await renameFile(pathOf(from), pathOf(to))
      void source
      return overwrite
    },

    async list () {
      const keys: StoredKey[] = [await read(SELF_KEY)]
      let files: string[] = []
      try {
        files = await readdir(dir)
      } catch (err: any) {
        if (err?.code !== 'ENOENT') throw err
      }
      const names = files.map(nameOfFile).filter((n): n is string => n != null && n !== SELF_KEY).sort()
      for (const name of names) keys.push(await read(name))
      return keys
    }
  }
}
