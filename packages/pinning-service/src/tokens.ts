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
}

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

/** Revokes by name or id; returns what was revoked */
export async function revokeToken (repoPath: string, nameOrId: string): Promise<TokenInfo> {
  const path = tokensPath(repoPath)
  const file = await load(path)
  const i = file.Tokens.findIndex(t => t.name === nameOrId || t.id === nameOrId)
  if (i < 0) throw new NotFoundError(`no token named '${nameOrId.slice(0, 80)}'`)
  const [record] = file.Tokens.splice(i, 1)
  await save(path, file)
  const { hash: _, ...info } = record
  return info
}

/** The daemon's view of the tokens file: re-read when its mtime or size changes */
export interface TokenVerifier {
  /** The token's record, or undefined for an unknown or revoked one */
  verify(token: string): Promise<TokenRecord | undefined>
  /** The record of a token id, or undefined once revoked */
  byId(id: string): Promise<TokenRecord | undefined>
}

export function createTokenVerifier (repoPath: string): TokenVerifier {
  const path = tokensPath(repoPath)
  let stamp = ''
  let byHash = new Map<string, TokenRecord>()
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
    }
  }
}
