import type { IncomingMessage } from 'node:http'
import { ForbiddenError } from '../errors.ts'

/**
 * The IPFS Companion browser extension (release and beta): Kubo always allows their origins
 * (`companionBrowserExtensionOrigins` in Kubo's `core/corehttp/commands.go`).
 */
export const COMPANION_ORIGINS = [
  'chrome-extension://nibjojkomfdiaoajekhjakgkdhaomnch',
  'chrome-extension://hjoieblefckbooibpepigmacodalfndh'
]

/** The API's own origins, which Kubo always allows (`defaultLocalhostOrigins`, `<port>` = the listener's) */
export function localhostOrigins (port: number): string[] {
  return ['127.0.0.1', '[::1]', 'localhost'].flatMap(host => [`http://${host}:${port}`, `https://${host}:${port}`])
}

/**
 * `scheme://host` of a Referer as Go's `url.Parse` splits it (no port normalisation; a Referer
 * without a scheme has an empty one), which is what go-ipfs-cmds compares with the allowed origins.
 */
function refererOrigin (referer: string): string {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?/.exec(referer)
  const scheme = (m?.[1] ?? '').toLowerCase()
  const authority = m?.[2] ?? ''
  return `${scheme}://${authority.slice(authority.lastIndexOf('@') + 1)}`
}

export interface OriginPolicy {
  /** Whether `origin` may call from a browser (and gets CORS headers), for a request on `port` */
  allows(origin: string, port: number | undefined): boolean
  /** Throws `ForbiddenError` for what go-ipfs-cmds refuses with `403 - Forbidden` (a possible CSRF) */
  check(req: IncomingMessage): void
}

/**
 * go-ipfs-cmds' three checks (`allowOrigin`, `allowReferer`, `allowUserAgent` in `http/config.go`)
 * over Kubo's origin list: `API.HTTPHeaders.Access-Control-Allow-Origin` (`*` allows all), then the
 * API's own `http(s)://{127.0.0.1,[::1],localhost}:PORT`, then IPFS Companion's.
 * - an `Origin` must be allowed; none at all (curl, scripts) passes;
 * - a `Referer` is reduced to `scheme://host` and must be allowed the same way;
 * - a POST with neither, from a `User-Agent` starting with `Mozilla` (a browser, which should
 *   have sent one), is refused, unless the agent says `Electron` (its fetch sends neither).
 */
export function createOriginPolicy (configured: string[] = []): OriginPolicy {
  const fixed = new Set([...configured, ...COMPANION_ORIGINS])
  const allows = (origin: string, port: number | undefined): boolean =>
    fixed.has('*') || fixed.has(origin) || (port != null && localhostOrigins(port).includes(origin))

  return {
    allows,
    check (req) {
      const port = req.socket.localPort
      const origin = req.headers.origin ?? ''
      const referer = req.headers.referer ?? ''
      if (origin !== '' && !allows(origin, port)) throw new ForbiddenError(`origin ${origin.slice(0, 100)} is not allowed`)
      if (referer !== '' && !allows(refererOrigin(referer), port)) throw new ForbiddenError('referer is not allowed')
      const agent = req.headers['user-agent'] ?? ''
      if (req.method === 'POST' && origin === '' && referer === '' && agent.startsWith('Mozilla') && !agent.includes('Electron')) {
        throw new ForbiddenError('a browser request without Origin or Referer is not allowed')
      }
    }
  }
}
