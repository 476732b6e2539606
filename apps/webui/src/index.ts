/**
 * @packageDocumentation
 *
 * `createWebuiHandler()` serves Cairn's Web UI, the page built from `ui/` into `dist/ui/`, at
 * `/webui` on the RPC listener (as Kubo's `http://127.0.0.1:5001/webui`). The page is static: it
 * reads and changes the node only through `/api/v0`, like any other client, so the RPC's origin
 * checks and `API.Authorizations` apply to it unchanged. The files themselves carry no data and
 * are served to anyone who can reach the listener (the page then asks for a token when the RPC
 * needs one).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { dirname, extname, join } from 'node:path'

/** Where the page is served on the RPC listener */
export const WEBUI_PATH = '/webui'

/**
 * What the page may load: its own files, images and media from anywhere (previews come from the
 * gateway, a different origin), calls to its own origin only (`/api/v0`). No frames may embed it,
 * so another origin cannot overlay it to steer clicks.
 */
export const WEBUI_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' blob: http: https:",
  "connect-src 'self'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  "base-uri 'none'"
].join('; ')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8'
}

export interface WebuiInit {
  /** The built page. @default `dist/ui` of this package (built by `build-ui.ts` at install) */
  dir?: string
}

/** Answers a request when it is for the page (true), or leaves it to the caller (false) */
export type WebuiHandler = (req: IncomingMessage, res: ServerResponse) => boolean

interface Asset { body: Buffer, type: string, etag: string }

/** This package's root: the nearest folder up from this module with our package.json */
function packageRoot (): string {
  let dir = import.meta.dirname
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@cairn/webui') return dir
    const up = dirname(dir)
    if (up === dir) throw new Error('@cairn/webui: package root not found')
    dir = up
  }
}

/** The built page's folder (`dist/ui`) */
export function webuiDir (): string {
  return join(packageRoot(), 'dist', 'ui')
}

/** Loads the page's few small files once; a missing build serves a one-line 503 */
function loadAssets (dir: string): Map<string, Asset> | undefined {
  if (!existsSync(join(dir, 'index.html'))) return undefined
  const assets = new Map<string, Asset>()
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)]
    if (type == null) continue
    const body = readFileSync(join(dir, name))
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` })
  }
  return assets
}

/** Serves the page at `/webui/` (GET and HEAD); `/webui` redirects there */
export function createWebuiHandler (init: WebuiInit = {}): WebuiHandler {
  const dir = init.dir ?? webuiDir()
  const assets = loadAssets(dir)
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path !== WEBUI_PATH && !path.startsWith(WEBUI_PATH + '/')) return false
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(`${req.method ?? ''} is not allowed on the Web UI\n`)
      return true
    }
    if (path === WEBUI_PATH) {
      const query = (req.url ?? '').slice(path.length)
      res.writeHead(301, { Location: `${WEBUI_PATH}/${query}` })
      res.end()
      return true
    }
    if (assets == null) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(`the Web UI is not built: run \`pnpm build\` (expected ${dir}/index.html)\n`)
      return true
    }
    const name = path.slice(WEBUI_PATH.length + 1)
    const asset = assets.get(name === '' ? 'index.html' : name)
    if (asset == null) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('404 page not found\n')
      return true
    }
    const headers = {
      'Content-Type': asset.type,
      ETag: asset.etag,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': WEBUI_CSP,
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin'
    }
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers)
      res.end()
      return true
    }
    res.writeHead(200, { ...headers, 'Content-Length': asset.body.length })
    res.end(req.method === 'HEAD' ? undefined : asset.body)
    return true
  }
}
