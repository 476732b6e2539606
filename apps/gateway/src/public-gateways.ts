/**
 * Kubo's `Gateway.PublicGateways` (boxo's `gateway/hostname.go`): per hostname, which content
 * paths it serves (`Paths`), whether it is a subdomain gateway (`UseSubdomains`: `/ipfs/{cid}`
 * moves to `{cid}.ipfs.{host}`), whether its own name may be a DNSLink site (`NoDNSLink`), and
 * whether a DNSLink name moves to one inlined label (`InlineDNSLink`: `example.net` →
 * `example-net.ipns.{host}`, as TLS wildcard certificates need). Hostnames may hold `*` wildcards
 * (`*.example.com`). `localhost` is a subdomain gateway for `/ipfs` and `/ipns` unless the config
 * sets it (a `null` removes it), as in Kubo.
 */

/** One hostname's settings, as Kubo's config spells them */
export interface PublicGatewayConfig {
  Paths?: string[]
  UseSubdomains?: boolean
  NoDNSLink?: boolean
  InlineDNSLink?: boolean
}

export interface PublicGateway {
  /** Path prefixes served on this host (`/ipfs`, `/ipns`) */
  paths: string[]
  useSubdomains: boolean
  noDNSLink: boolean
  inlineDNSLink: boolean
}

/** A request on `{rootId}.{namespace}.{parent}` of a known gateway */
export interface SubdomainRequest {
  namespace: 'ipfs' | 'ipns'
  /** The labels before the namespace: a CID, an IPNS key, an inlined or a dotted DNSLink name */
  id: string
  /** The gateway's host as the request named it, with its port: `localhost:8080` */
  parent: string
  gateway: PublicGateway
}

/** Kubo's implicit entry (core/corehttp/gateway.go `defaultKnownGateways`) */
export const IMPLICIT_PUBLIC_GATEWAYS: Record<string, PublicGatewayConfig> = {
  localhost: { Paths: ['/ipfs', '/ipns'], UseSubdomains: true }
}

const IP_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|\[?[0-9a-f:]+\]?)$/i

function stripPort (host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1)
  return host.replace(/:\d+$/, '')
}

/** boxo's `hasPrefix`: `/ipfs` matches `/ipfs` and `/ipfs/...`, trailing slashes in config forgiven */
export function hasPathPrefix (path: string, prefixes: string[]): boolean {
  return prefixes.some(prefix => {
    const p = prefix.replace(/\/+$/, '')
    return p === path || path.startsWith(`${p}/`)
  })
}

export class PublicGateways {
  readonly #exact = new Map<string, PublicGateway>()
  readonly #wildcard: Array<[RegExp, PublicGateway]> = []

  /** `config` replaces an implicit entry of the same hostname; `null` removes it */
  constructor (config: Record<string, PublicGatewayConfig | null> = {}) {
    const merged: Record<string, PublicGatewayConfig | null> = { ...IMPLICIT_PUBLIC_GATEWAYS, ...config }
    for (const [hostname, spec] of Object.entries(merged)) {
      if (spec == null) continue
      const gateway: PublicGateway = {
        paths: spec.Paths ?? [],
        useSubdomains: spec.UseSubdomains === true,
        noDNSLink: spec.NoDNSLink === true,
        inlineDNSLink: spec.InlineDNSLink === true
      }
      // as boxo: a subdomain gateway on an IP address cannot work, so the entry is dropped
      if (gateway.useSubdomains && IP_ADDRESS.test(stripPort(hostname))) continue
      const name = hostname.toLowerCase()
      if (name.includes('*')) {
        const pattern = name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^.]+')
        this.#wildcard.push([new RegExp(`^${pattern}(?::\\d+)?$`), gateway])
      } else {
        this.#exact.set(name, gateway)
      }
    }
  }

  /** The settings of a gateway hostname (with or without its port), if it is one */
  known (host: string | undefined): PublicGateway | undefined {
    if (host == null) return undefined
    const name = host.toLowerCase()
    const exact = this.#exact.get(name) ?? this.#exact.get(stripPort(name))
    if (exact != null) return exact
    for (const [pattern, gateway] of this.#wildcard) {
      if (pattern.test(name)) return gateway
    }
    return undefined
  }

  /**
   * `{id}.{ipfs|ipns}.{parent}` where `parent` is a known gateway: the longest-matching parent
   * wins the labels at the right, the rest before the namespace is the id (which may hold dots:
   * `docs.example.org.ipns.localhost`)
   */
  parse (host: string | undefined): SubdomainRequest | undefined {
    if (host == null) return undefined
    // the id keeps its case: a CIDv0 there is moved to its base32 form, not misread
    const original = host.split('.')
    const labels = host.toLowerCase().split('.')
    for (let i = labels.length - 1; i >= 2; i--) {
      const parent = labels.slice(i).join('.')
      const gateway = this.known(parent)
      if (gateway == null) continue
      const namespace = labels[i - 1]
      if (namespace !== 'ipfs' && namespace !== 'ipns') continue
      return { id: original.slice(0, i - 1).join('.'), namespace, parent, gateway }
    }
    return undefined
  }

  /** Hosts whose `/ipfs/{cid}` and `/ipns/{name}` paths move to a subdomain */
  isParent (host: string | undefined): boolean {
    return this.known(host)?.useSubdomains === true
  }
}

/** The subdomain gateway spec's DNSLink inlining: `my.v-long.example.com` → `my-v--long-example-com` */
export function inlineDnsLink (fqdn: string): string {
  return fqdn.replaceAll('-', '--').replaceAll('.', '-')
}

/** The reverse: `my-v--long-example-com` → `my.v-long.example.com` */
export function uninlineDnsLink (label: string): string {
  return label.replace(/--|-/g, m => m === '--' ? '-' : '.')
}
