import { rpc } from './api.ts'

let cached: Promise<string | undefined> | undefined

/**
 * The node's gateway as a URL, from `Addresses.Gateway` (a multiaddr such as
 * `/ip4/127.0.0.1/tcp/8080`); a wildcard host is reached through the page's own host.
 * Undefined when the gateway is off or bound to a port chosen at start (`tcp/0`).
 */
export function gatewayUrl (): Promise<string | undefined> {
  cached ??= rpc<{ Value: unknown }>('config', { arg: 'Addresses.Gateway' }).then(({ Value }) => {
    const addr = Array.isArray(Value) ? Value[0] : Value
    if (typeof addr !== 'string') return undefined
    const m = /^\/(ip4|ip6|dns4|dns6|dns)\/([^/]+)\/tcp\/(\d+)/.exec(addr)
    if (m == null || m[3] === '0') return undefined
    let host = m[2]
    if (host === '0.0.0.0' || host === '::') host = location.hostname
    else if (m[1] === 'ip6') host = `[${host}]`
    return `http://${host}:${m[3]}`
  }).catch(() => {
    // not remembered: a call refused before the user unlocked must not hide the gateway for good
    cached = undefined
    return undefined
  })
  return cached
}
