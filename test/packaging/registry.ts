/**
 * A local npm registry for the `@cairn` scope: serves the packed tarballs as a publish would have
 * put them on the registry (packument + tarball), so npm and pnpm install `@cairn/node@^0.1.0` by
 * name, dependencies between our packages included, while every other package still comes from
 * the real registry (`@cairn:registry=` is a per-scope setting of both clients).
 */
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { AddressInfo } from 'node:net'

export interface LocalRegistry {
  /** `http://127.0.0.1:PORT/` */
  url: string
  close(): Promise<void>
}

export interface PackedPackage {
  /** The manifest as packed (what the tarball's package.json says) */
  manifest: Record<string, any>
  /** Path of the .tgz */
  tarball: string
}

export async function startRegistry (packages: PackedPackage[]): Promise<LocalRegistry> {
  const byName = new Map<string, { manifest: Record<string, any>, bytes: Buffer, file: string }>()
  for (const p of packages) byName.set(p.manifest.name, { manifest: p.manifest, bytes: await readFile(p.tarball), file: basename(p.tarball) })

  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '')
    const tarball = /^-\/(.+\.tgz)$/.exec(path)?.[1]
    if (tarball != null) {
      const entry = [...byName.values()].find(e => e.file === tarball)
      if (entry == null) return notFound(res)
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': entry.bytes.byteLength })
      return res.end(entry.bytes)
    }
    const entry = byName.get(path)
    if (entry == null) return notFound(res)
    const { address, port } = server.address() as AddressInfo
    const version = entry.manifest.version as string
    const packument = {
      name: entry.manifest.name,
      'dist-tags': { latest: version },
      versions: {
        [version]: {
          ...entry.manifest,
          _id: `${entry.manifest.name}@${version}`,
          dist: {
            tarball: `http://${address}:${port}/-/${entry.file}`,
            shasum: createHash('sha1').update(entry.bytes).digest('hex'),
            integrity: `sha512-${createHash('sha512').update(entry.bytes).digest('base64')}`
          }
        }
      }
    }
    const body = JSON.stringify(packument)
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

function notFound (res: import('node:http').ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/json' })
  res.end('{"error":"not found"}')
}
