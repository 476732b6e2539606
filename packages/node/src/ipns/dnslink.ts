/**
 * DNSLink (boxo's `namesys/dns_resolver.go`): the `dnslink=` TXT record at `_dnslink.<domain>`,
 * looked up through `@multiformats/dns` with a resolver per TLD as Kubo's `DNS.Resolvers`
 * (`https://` DNS-over-HTTPS URLs, or `udp://host:port` for a plain DNS server) and its
 * TTL-bounded answer cache. Without a resolver for `.`, the system's resolver answers.
 */
import { createSocket } from 'node:dgram'
import { InvalidParametersError, ResolveFailedError } from '@cairn/interface'
import { decode, encode, RECURSION_DESIRED } from '@dnsquery/dns-packet'
import { dns, RecordType } from '@multiformats/dns'
import { dnsOverHttps } from '@multiformats/dns/resolvers'
import type { AbortOptions } from '@cairn/interface'
import type { DNS, DNSResponse } from '@multiformats/dns'
import type { DNSResolver } from '@multiformats/dns/resolvers'

const MISSING = 'could not resolve name: DNSLink lookup could not find a TXT record (https://docs.ipfs.tech/concepts/dnslink/)'
const MULTIPLE = 'could not resolve name: DNSLink lookup returned more than one IPFS content path; ask domain owner to remove duplicate TXT records'
/** One UDP DNS query waits this long for its answer */
const UDP_QUERY_TIMEOUT_MS = 5_000
/** Largest UDP DNS answer read (EDNS-less servers send at most 512 bytes; some send more) */
const UDP_ANSWER_BYTES_MAX = 65_535
/** A DNS name is at most 253 characters, each label 1 to 63 */
const DOMAIN_BYTES_MAX = 253

export interface DnslinkInit {
  /** Kubo's `DNS.Resolvers`: suffix (`eth.`, `.`) → `https://...` or `udp://host:port` */
  resolvers?: Record<string, string>
  /** Upper bound on how long an answer is cached, ms (`DNS.MaxCacheTTL`) */
  maxCacheTtlMs?: number
}

export interface DnslinkResolver {
  /** The `/ipfs/...` or `/ipns/...` path a domain links to (one step: not followed) */
  resolve(domain: string, options?: AbortOptions & { nocache?: boolean }): Promise<string>
}

/** A plain DNS server over UDP (`udp://127.0.0.1:5353`) */
function udpResolver (server: string): DNSResolver {
  const url = new URL(server)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = url.port === '' ? 53 : Number(url.port)
  return async (fqdn, options = {}) => {
    const query = encode({ type: 'query', id: Math.floor(Math.random() * 65535), flags: RECURSION_DESIRED, questions: [{ type: 'TXT', name: fqdn }] })
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4')
    try {
      const answer = await new Promise<Uint8Array>((resolve, reject) => {
        const timer = setTimeout(() => { reject(new Error(`DNS server ${host}:${port} did not answer within ${UDP_QUERY_TIMEOUT_MS} ms`)) }, UDP_QUERY_TIMEOUT_MS)
        const abort = (): void => { clearTimeout(timer); reject(options.signal?.reason ?? new Error('aborted')) }
        options.signal?.addEventListener('abort', abort, { once: true })
        socket.once('message', (msg) => {
          clearTimeout(timer)
          options.signal?.removeEventListener('abort', abort)
          resolve(msg.subarray(0, UDP_ANSWER_BYTES_MAX))
        })
        socket.once('error', (err) => { clearTimeout(timer); reject(err) })
        socket.send(query, port, host)
      })
      const decoded = decode(answer)
      return {
        Status: decoded.rcode === 'NXDOMAIN' ? 3 : 0,
        TC: false, RD: true, RA: true, AD: false, CD: false,
        Question: [{ name: fqdn, type: RecordType.TXT }],
        Answer: (decoded.answers ?? []).filter(a => a.type === 'TXT').map(a => ({
          name: a.name,
          type: RecordType.TXT,
          TTL: a.ttl ?? 60,
          data: txtText(a.data as TxtChunks)
        }))
      } satisfies DNSResponse
    } finally {
      socket.close()
    }
  }
}

type TxtChunks = string | Uint8Array | Array<string | Uint8Array>

/** A TXT record's character-strings joined, as Go's net.LookupTXT returns them */
function txtText (data: TxtChunks): string {
  const parts = Array.isArray(data) ? data : [data]
  return parts.map(p => typeof p === 'string' ? p : new TextDecoder().decode(p)).join('')
}

function resolverFor (url: string): DNSResolver {
  if (url.startsWith('https://') || url.startsWith('http://')) return dnsOverHttps(url)
  if (url.startsWith('udp://')) return udpResolver(url)
  throw new InvalidParametersError(`DNS.Resolvers: unsupported resolver URL "${url.slice(0, 100)}": use https:// (DNS-over-HTTPS) or udp://host:port`)
}

/** Caps every answer's TTL, so the library's cache never keeps one past `DNS.MaxCacheTTL` */
function capped (resolver: DNSResolver, maxTtlS: number): DNSResolver {
  return async (fqdn, options) => {
    const res = await resolver(fqdn, options)
    return { ...res, Answer: res.Answer.map(a => ({ ...a, TTL: Math.min(a.TTL, maxTtlS) })) }
  }
}

export function validateDomain (domain: string): string {
  const d = domain.replace(/\.$/, '')
  if (d.length === 0 || d.length > DOMAIN_BYTES_MAX || !d.split('.').every(l => /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/i.test(l))) {
    throw new InvalidParametersError(`not a valid domain name: "${domain.slice(0, 100)}"`)
  }
  return d
}

/** A `dnslink=` value (or a bare path or CID, as boxo still accepts) as a content path */
function parseEntry (txt: string): string | undefined {
  const value = txt.startsWith('dnslink=') ? txt.slice('dnslink='.length) : txt
  if (/^\/(ipfs|ipns)\/[^/]+/.test(value)) return value.replace(/\/+$/, '')
  return undefined
}

export function createDnslinkResolver (init: DnslinkInit = {}): DnslinkResolver {
  let client: DNS | undefined
  const maxTtlS = init.maxCacheTtlMs != null ? Math.floor(init.maxCacheTtlMs / 1000) : undefined
  const getClient = (): DNS => {
    if (client != null) return client
    const resolvers: Record<string, DNSResolver> = {}
    for (const [suffix, url] of Object.entries(init.resolvers ?? {})) {
      const r = resolverFor(url)
      resolvers[suffix === '' ? '.' : suffix] = maxTtlS != null ? capped(r, maxTtlS) : r
    }
    client = dns({ resolvers })
    return client
  }

  return {
    async resolve (domain, options = {}) {
      const name = validateDomain(domain)
      let answer: DNSResponse
      try {
        answer = await getClient().query(`_dnslink.${name}`, { types: [RecordType.TXT], cached: options.nocache !== true, signal: options.signal })
      } catch (err) {
        if (options.signal?.aborted === true) throw err
        throw new ResolveFailedError(`DNSLink lookup for "${name}" failed: ${MISSING}`, { cause: err })
      }
      const paths = [...new Set(answer.Answer
        .filter(a => a.type === RecordType.TXT)
        .map(a => parseEntry(typeof a.data === 'string' ? a.data.replace(/^"|"$/g, '') : txtText(a.data as TxtChunks)))
        .filter((p): p is string => p != null))]
      if (paths.length === 0) throw new ResolveFailedError(`DNSLink lookup for "${name}" failed: ${MISSING}`)
      if (paths.length > 1) throw new ResolveFailedError(`DNSLink lookup for "${name}" failed: ${MULTIPLE}`)
      return paths[0]
    }
  }
}
