/**
 * Bearer tokens of the service, in `<repo>/pinning-service/tokens.json`. Only each token's
 * SHA-256 is stored: the secret is printed once at creation. The CLI writes the file (also while a
 * daemon runs); the daemon re-reads it whenever it changes on disk, so a revoked token stops
 * working on its next request.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { InvalidParametersError, NotFoundError, RepoCorruptError } from '@cairn/interface'
import { PINNING_SERVICE_DIRNAME, TOKEN_PREFIX, TOKENS_FILENAME, TOKENS_MAX } from './constants.ts'
import { TokenExistsError } from './errors.ts'

/** One token as stored: never its secret */
export interface TokenRecord {
  /** Stable id: requests belong to it */
  id: string
  name: string
  /** Hex SHA-256 of the whole token string */
  hash: string
  /** RFC 3339 */
  created: string
  /** Overrides `Pinning.Service.MaxPinsPerToken` */
  maxPins?: number
  /** Overrides `Pinning.Service.MaxBytesPerToken` (0: no limit) */
  maxBytes?: number
}

/** What `token ls` shows */
export type TokenInfo = Omit<TokenRecord, 'hash'>

export interface CreateTokenOptions {
  /** Unique; a random one when missing */
  name?: string
  maxPins?: number
  maxBytes?: number
}

interface TokensFile {
  Tokens: TokenRecord[]
  /**
   * Purges the service is asked for: ids of revoked tokens whose pin requests it removes (and
   * unpins what only they held), or `*` for every revoked token's. The service takes each
   * entry off once done: the CLI writes here whether a daemon runs or not.
   */
  Purge?: string[]
}

/** In `Purge`: every revoked token */
export const PURGE_ALL_REVOKED = '*'

const NAME = /^[A-Za-z0-9._-]{1,64}$/

function sha256Hex (text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export function tokensPath (repoPath: string): string {
  return join(repoPath, PINNING_SERVICE_DIRNAME, TOKENS_FILENAME)
}

async function load (path: string): Promise<TokensFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { Tokens: [] }
    throw err
  }
  try {
    const parsed = JSON.parse(text) as TokensFile
    if (!Array.isArray(parsed.Tokens)) throw new Error('no Tokens array')
    return parsed
  } catch (err) {
    throw new RepoCorruptError(`${path} is not a tokens file: ${(err as Error).message}`, { cause: err })
  }
}

/** Write-then-rename, so a reader (the daemon) never sees half a file */
async function save (path: string, file: TokensFile): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 })
  await rename(tmp, path)
}

function checkQuota (what: string, value: number | undefined): void {
  if (value == null) return
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidParametersError(`${what} must be a whole number of 0 or more, got ${value}`)
}

/** Creates a token; returns its secret (shown once) and its record */
export async function createToken (repoPath: string, options: CreateTokenOptions = {}): Promise<{ token: string, info: TokenInfo }> {
  const path = tokensPath(repoPath)
  const file = await load(path)
  const id = randomBytes(8).toString('hex')
  const name = options.name ?? `token-${id.slice(0, 8)}`
  if (!NAME.test(name)) throw new InvalidParametersError(`token name '${name.slice(0, 80)}' must be 1-64 letters, digits, '.', '_' or '-'`)
  if (file.Tokens.some(t => t.name === name)) throw new TokenExistsError(`a token named '${name}' exists`)
  if (file.Tokens.length >= TOKENS_MAX) throw new InvalidParametersError(`there are already ${TOKENS_MAX} tokens; revoke some first`)
  checkQuota('max pins', options.maxPins)
  checkQuota('max bytes', options.maxBytes)
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const record: TokenRecord = {
    id,
    name,
    hash: sha256Hex(token),
    created: new Date().toISOString(),
    ...(options.maxPins != null ? { maxPins: options.maxPins } : {}),
    ...(options.maxBytes != null ? { maxBytes: options.maxBytes } : {})
  }
  file.Tokens.push(record)
  await save(path, file)
  const { hash: _, ...info } = record
  return { token, info }
}

export async function listTokens (repoPath: string): Promise<TokenInfo[]> {
  const file = await load(tokensPath(repoPath))
  return file.Tokens.map(({ hash: _, ...info }) => info)
}

/**
 * Revokes by name or id; returns what was revoked. With `purge`, the service also removes the
 * token's pin requests and unpins what only they held (else they stay, refused to everyone).
 */
export async function revokeToken (repoPath: string, nameOrId: string, options: { purge?: boolean } = {}): Promise<TokenInfo> {
  const path = tokensPath(repoPath)
  const file = await load(path)
  const i = file.Tokens.findIndex(t => t.name === nameOrId || t.id === nameOrId)
  if (i < 0) throw new NotFoundError(`no token named '${nameOrId.slice(0, 80)}'`)
  const [record] = file.Tokens.splice(i, 1)
  if (options.purge === true) file.Purge = [...new Set([...(file.Purge ?? []), record.id])]
  await save(path, file)
  const { hash: _, ...info } = record
  return info
}

/**
 * Asks the service to purge the pin requests of a token revoked earlier (by id, as `token ls`
 * showed it), or of every revoked token (`PURGE_ALL_REVOKED`). A token still valid is refused.
 */
export async function requestPurge (repoPath: string, id: string = PURGE_ALL_REVOKED): Promise<void> {
  const path = tokensPath(repoPath)
  const file = await load(path)
  if (id !== PURGE_ALL_REVOKED) {
    if (!/^[0-9a-f]{16}$/.test(id)) throw new InvalidParametersError(`'${id.slice(0, 80)}' is not a token id (16 hex digits)`)
    const live = file.Tokens.find(t => t.id === id)
    if (live != null) throw new InvalidParametersError(`token ${id} ('${live.name}') is not revoked: revoke it with --purge`)
  }
  file.Purge = [...new Set([...(file.Purge ?? []), id])]
  await save(path, file)
}

/** The daemon's view of the tokens file: re-read when its mtime or size changes */
export interface TokenVerifier {
  /** Purges asked for, and the ids of the tokens valid now */
  purges(): Promise<{ purge: string[], valid: Set<string> }>
  /** Takes done purges off the file */
  purged(entries: string[]): Promise<void>
  /** The token's record, or undefined for an unknown or revoked one */
  verify(token: string): Promise<TokenRecord | undefined>
  /** The record of a token id, or undefined once revoked */
  byId(id: string): Promise<TokenRecord | undefined>
}

export function createTokenVerifier (repoPath: string): TokenVerifier {
  const path = tokensPath(repoPath)
  let stamp = ''
  let byHash = new Map<string, TokenRecord>()
  let purge: string[] = []
  const refresh = async (): Promise<void> => {
      let now = 'missing'
      try {
        const s = await stat(path)
        now = `${s.mtimeMs}:${s.size}:${s.ino}`
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      }
      if (now !== stamp) {
        const file = await load(path)
        byHash = new Map(file.Tokens.map(t => [t.hash, t]))
        purge = Array.isArray(file.Purge) ? file.Purge.filter(e => typeof e === 'string') : []
        stamp = now
      }
  }
  return {
    async verify (token) {
      await refresh()
      // looked up by the hash of what was sent: timing reveals nothing of a stored secret
      return byHash.get(sha256Hex(token))
    },
    async byId (id) {
      await refresh()
      for (const t of byHash.values()) if (t.id === id) return t
      return undefined
    },
    async purges () {
      await refresh()
      return { purge: [...purge], valid: new Set([...byHash.values()].map(t => t.id)) }
    },
    async purged (entries) {
      // re-read first: the CLI may have written since
      const file = await load(path)
      const done = new Set(entries)
      const left = (file.Purge ?? []).filter(e => !done.has(e))
      if (left.length === (file.Purge ?? []).length) return
      if (left.length > 0) file.Purge = left
      else delete file.Purge
      await save(path, file)
    }
  }
}
