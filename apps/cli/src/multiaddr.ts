/** The few multiaddr conversions the CLI needs: RPC and gateway addresses to host, port and URL */
import { createRequire } from 'node:module'
import { InvalidParametersError } from '@cairn/interface'
import type * as Multiaddr from '@multiformats/multiaddr'

// loaded on first use, not with the command tree (synchronous `require` of an ES module that has
// the `module-sync` export condition)
const multiaddr = (text: string): Multiaddr.Multiaddr => (createRequire(import.meta.url)('@multiformats/multiaddr') as typeof Multiaddr).multiaddr(text)

/** `/ip4/127.0.0.1/tcp/5001` → `http://127.0.0.1:5001` */
export function multiaddrToUrl (address: string): string {
  const { host, port } = multiaddrToHostPort(address)
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}

/**
 * The shape every `api` file has (`/ip4/127.0.0.1/tcp/5001`, as Kubo and our daemon write it), read
 * without the multiaddr library, which would cost every command through a daemon about 50 modules
 * at start-up. Anything else goes to the library.
 */
const IP4_TCP = /^\/ip4\/((?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})\/tcp\/(\d{1,5})$/

/** The host and TCP port of `/ip4|ip6|dns4|dns6|dns/<host>/tcp/<port>` */
export function multiaddrToHostPort (address: string): { host: string, port: number } {
  const simple = IP4_TCP.exec(address)
  if (simple != null && Number(simple[2]) <= 65535) return { host: simple[1], port: Number(simple[2]) }
  let components: Array<{ name: string, value?: string }>
  try {
    components = multiaddr(address).getComponents()
  } catch (err) {
    throw new InvalidParametersError(`invalid multiaddr '${address}': ${(err as Error).message}`, { cause: err })
  }
  const host = components.find(c => ['ip4', 'ip6', 'dns', 'dns4', 'dns6'].includes(c.name))?.value
  const port = components.find(c => c.name === 'tcp')?.value
  if (host == null || port == null) throw new InvalidParametersError(`multiaddr '${address}' names no host and TCP port`)
  return { host, port: Number(port) }
}
