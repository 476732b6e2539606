/**
 * @packageDocumentation
 *
 * `createGateway(node, init)` serves a running Cairn node over HTTP: the path, subdomain and
 * trustless gateway (default 127.0.0.1:8080) and Kubo's `/api/v0` RPC (default 127.0.0.1:5001).
 * It holds no storage or protocol logic: every request becomes calls on the node's `CairnApi`.
 */
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AbortOptions, BlockGetter, BlockHas, CairnApi, CairnConfig } from '@cairn/interface'
import type { ComponentLogger } from '@libp2p/interface'
import type { GatewayBackend } from './backend.ts'
import { createNodeBackend } from './node-backend.ts'
import { DEFAULT_API_PORT, DEFAULT_GATEWAY_PORT, DEFAULT_HOST, DEFAULT_MAX_HEADER_BYTES, DEFAULT_TIMEOUT_MS, ROUTING_V1_PROVIDERS_MAX } from './constants.ts'
import { createPathGateway } from './path-gateway.ts'
import type { PublicGatewayConfig } from './public-gateways.ts'
import { createRpcHandler } from './rpc/server.ts'
import { NotFoundError, parseDuration } from '@cairn/interface'
import type { RoutingV1Backend } from './routing-v1.ts'
import type { RpcAuthorization } from './rpc/server.ts'
import type { Command } from './rpc/command.ts'
import { createHttpMetrics } from './http-metrics.ts'
import type { MetricsSource } from './rpc/debug.ts'
import type { Registry } from 'prom-client'
import { createWebuiHandler } from '@cairn/webui'

export interface ListenInit {
  /** @default DEFAULT_HOST (127.0.0.1) */
  host?: string
  /** 0 picks a free port. @default DEFAULT_GATEWAY_PORT (8080) or DEFAULT_API_PORT (5001) */
  port?: number
}

export interface GatewayInit {
  /** The gateway listener, or `false` for none */
  gateway?: ListenInit | false
  /** The RPC listener, or `false` for none */
  api?: ListenInit | false
  /**
   * Kubo's `Gateway.PublicGateways` (Paths, UseSubdomains, NoDNSLink, InlineDNSLink per hostname,
   * `*` wildcards), over the implicit `localhost` subdomain gateway. @default the config's
   */
  publicGateways?: Record<string, PublicGatewayConfig | null>
  /** Serve the Delegated Routing V1 HTTP API on the gateway. @default true (Kubo's `Gateway.ExposeRoutingAPI`) */
  exposeRoutingApi?: boolean
  /** Serve DNSLink websites by Host header. @default true (Kubo's `Gateway.NoDNSLink: false`) */
  dnslinkHosts?: boolean
  /** Idle time waiting for content from the network before a 504. @default DEFAULT_TIMEOUT_MS (60000) */
  timeoutMs?: number
  /** `?format=dag-json|dag-cbor` re-encodes other codecs instead of a 406 (IPIP-0524). @default false (Kubo's `Gateway.AllowCodecConversion`) */
  allowCodecConversion?: boolean
  /** Kubo's `API.Authorizations`: when set, RPC calls need a matching Authorization header */
  authorizations?: Record<string, RpcAuthorization>
  /** Browser origins allowed on the RPC. @default [] */
  allowedOrigins?: string[]
  /** Larger request headers are answered with 431. @default DEFAULT_MAX_HEADER_BYTES (16 KiB) */
  maxHeaderBytes?: number
  /** Largest RPC request body. @default DEFAULT_MAX_BODY_BYTES (16 GiB) */
  maxBodyBytes?: number
  /** Largest block/put body. @default DEFAULT_MAX_BLOCK_BYTES (2 MiB) */
  maxBlockBytes?: number
  /** Where the gateway reads content. @default a backend over `node`'s CairnApi and blocks (`createNodeBackend`) */
  backend?: GatewayBackend
  /** Bytes of recently read, hash-verified blocks kept by the default backend; 0 for none. @default DEFAULT_BLOCK_CACHE_BYTES (32 MiB) */
  blockCacheBytes?: number
  /** Resolved paths kept by the default backend; 0 for none. @default DEFAULT_PATH_CACHE_ENTRIES (10 000) */
  pathCacheEntries?: number
  /**
   * Bytes of whole answers the path gateway keeps for files held in one block, replayed for the
   * same URL, host and `Accept`; 0 for none. @default DEFAULT_RESPONSE_CACHE_BYTES (16 MiB)
   */
  responseCacheBytes?: number
  /**
   * Serve the Web UI at `/webui` on the RPC listener (Kubo's place for it). The page reaches the
   * node only through `/api/v0`, so the RPC's origin checks and authorization still apply.
   * @default true
   */
  webui?: boolean
  /** Extra or replacement RPC commands */
  commands?: Record<string, Command>
  /** @default the node's libp2p logger when it has one, else `defaultLogger()` of `@libp2p/logger` */
  logger?: ComponentLogger
}

/**
 * What the gateway serves: a `CairnApi`, the node's block getter when it has one
 * (`CairnNode.blocks`), and its config, whose Kubo keys give the defaults (`Gateway.Timeout`,
 * `API.Authorizations`, `API.HTTPHeaders.Access-Control-Allow-Origin`)
 */
export type GatewayNode = CairnApi & { blocks?: BlockGetter, blockstore?: BlockHas, metrics?: NodeMetricsView }

/** The node's Prometheus registry: the gateway counts its requests in it and the RPC serves it */
export interface NodeMetricsView extends MetricsSource {
  readonly registry: Registry
}

export interface Gateway {
  start(): Promise<void>
  stop(): Promise<void>
  /** `http://host:port` of the gateway, once started */
  readonly gatewayUrl?: string
  /** `http://host:port` of the RPC, once started */
  readonly apiUrl?: string
  /** The RPC address as Kubo writes it to `$IPFS_PATH/api`: `/ip4/127.0.0.1/tcp/5001` */
  readonly apiMultiaddr?: string
}

function listen (server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => { reject(err) }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve(server.address() as AddressInfo)
    })
  })
}

function close (server: Server): Promise<void> {
  return new Promise(resolve => {
    server.close(() => { resolve() })
    server.closeAllConnections()
  })
}

/** The routing API over the node: its DHT (`routing.findProvs`, `findPeer`) and its name system */
function routingBackend (node: GatewayNode): RoutingV1Backend | undefined {
  const api = node as unknown as CairnApi & {
    routing: {
      findPeer?: (id: string, o?: AbortOptions) => Promise<{ id: string, addrs: string[] }>
      closestPeers?: (key: Uint8Array, o?: AbortOptions) => AsyncIterable<{ id: string, addrs: string[] }>
    }
  }
  if (api.name == null || api.routing == null) return undefined
  return {
    findProviders: (cid, options) => api.routing.findProvs(cid, { signal: options?.signal, numProviders: ROUTING_V1_PROVIDERS_MAX }),
    findPeer: async (peerId, options) => {
      if (api.routing.findPeer == null) throw new NotFoundError('peer routing is not available')
      return api.routing.findPeer(peerId, options)
    },
    closestPeers: (key, options) => {
      if (api.routing.closestPeers == null) throw new NotFoundError('DHT is not available')
      return api.routing.closestPeers(key, options)
    },
    getIpns: async (name, options) => {
      const record = await api.name.get(name, options)
      const { entry } = await api.name.inspect(record, { dump: false, signal: options?.signal })
      return { record, validity: entry.validity, ttlS: entry.ttl != null ? Number(entry.ttl / 1_000_000_000n) : undefined }
    },
    putIpns: async (name, record, options) => { await api.name.put(name, record, options) }
  }
}

/** Kubo's config keys as defaults; explicit init values win */
function defaultsFromConfig (node: GatewayNode): GatewayInit {
  // CairnNode's `config` is both the ConfigApi and the config object itself
  const config = node.config as unknown as Partial<CairnConfig>
  const out: GatewayInit = {}
  const timeout = config.Gateway?.Timeout
  if (typeof timeout === 'string') {
    try {
      out.timeoutMs = parseDuration(timeout)
    } catch {
      // a malformed duration keeps the default, as an unset one does
    }
  }
  if (typeof config.Gateway?.AllowCodecConversion === 'boolean') out.allowCodecConversion = config.Gateway.AllowCodecConversion
  if (config.Gateway?.NoDNSLink === true) out.dnslinkHosts = false
  if (config.Gateway?.ExposeRoutingAPI === false) out.exposeRoutingApi = false
  if (config.Gateway?.PublicGateways != null) out.publicGateways = config.Gateway.PublicGateways
  if (config.API?.Authorizations != null && Object.keys(config.API.Authorizations).length > 0) out.authorizations = config.API.Authorizations
  const origins = config.API?.HTTPHeaders?.['Access-Control-Allow-Origin']
  if (Array.isArray(origins)) out.allowedOrigins = origins
  return out
}

const urlOf = (a: AddressInfo): string => `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`

class GatewayServers implements Gateway {
  readonly #init: GatewayInit
  readonly #node: GatewayNode
  #servers: Server[] = []
  gatewayUrl?: string
  apiUrl?: string
  apiMultiaddr?: string

  constructor (node: GatewayNode, init: GatewayInit) {
    this.#node = node
    this.#init = init
  }

  async start (): Promise<void> {
    if (this.#servers.length > 0) return
    const init = { ...defaultsFromConfig(this.#node), ...this.#init }
    // an offline node has no libp2p (reading it throws OfflineError), so no libp2p logger either
    const node = this.#node as { offline?: boolean, libp2p?: { logger?: ComponentLogger } }
    const logger = init.logger ?? (node.offline === true ? undefined : node.libp2p?.logger)
    const maxHeaderSize = init.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES
    const metrics = this.#node.metrics
    const http = metrics == null ? undefined : createHttpMetrics(metrics.registry)
    try {
      if (init.gateway !== false) {
        const handler = createPathGateway({ backend: init.backend ?? createNodeBackend(this.#node, { blockCacheBytes: init.blockCacheBytes, pathCacheEntries: init.pathCacheEntries }), timeoutMs: init.timeoutMs ?? DEFAULT_TIMEOUT_MS, logger, publicGateways: init.publicGateways, allowCodecConversion: init.allowCodecConversion, responseCacheBytes: init.responseCacheBytes, dnslinkHosts: init.dnslinkHosts, routing: init.exposeRoutingApi === false ? undefined : routingBackend(this.#node) })
        const server = createServer({ maxHeaderSize }, http?.instrument('gateway', handler) ?? handler)
        this.#servers.push(server)
        const address = await listen(server, init.gateway?.host ?? DEFAULT_HOST, init.gateway?.port ?? DEFAULT_GATEWAY_PORT)
        this.gatewayUrl = urlOf(address)
      }
      if (init.api !== false) {
        const handler = createRpcHandler({
          api: this.#node,
          authorizations: init.authorizations,
          allowedOrigins: init.allowedOrigins,
          maxBodyBytes: init.maxBodyBytes,
          maxBlockBytes: init.maxBlockBytes,
          commands: init.commands,
          metrics,
          logger
        })
        const webui = init.webui === false ? undefined : createWebuiHandler()
        const withWebui: typeof handler = webui == null ? handler : (req, res) => { if (!webui(req, res)) handler(req, res) }
        // uploads can be slow and subscriptions long: no request timeout on the RPC
        const server = createServer({ maxHeaderSize, requestTimeout: 0 }, http?.instrument('api', withWebui) ?? withWebui)
        this.#servers.push(server)
        const address = await listen(server, init.api?.host ?? DEFAULT_HOST, init.api?.port ?? DEFAULT_API_PORT)
        this.apiUrl = urlOf(address)
        this.apiMultiaddr = `/${address.family === 'IPv6' ? 'ip6' : 'ip4'}/${address.address}/tcp/${address.port}`
      }
    } catch (err) {
      await this.stop()
      throw err
    }
  }

  async stop (): Promise<void> {
    const servers = this.#servers
    this.#servers = []
    await Promise.all(servers.map(close))
    this.gatewayUrl = undefined
    this.apiUrl = undefined
    this.apiMultiaddr = undefined
  }
}

/** Serves `node` over HTTP; call `start()` to listen */
export async function createGateway (node: GatewayNode, init: GatewayInit = {}): Promise<Gateway> {
  return new GatewayServers(node, init)
}

export { createApiBackend } from './backend.ts'
export { createNodeBackend } from './node-backend.ts'
export type { NodeBackendInit, BackendNode } from './node-backend.ts'
export type { GatewayBackend, ResolvedPath, GatewayApi, ApiBackendInit } from './backend.ts'
export { createPathGateway } from './path-gateway.ts'
export type { PathGatewayInit } from './path-gateway.ts'
export { createRpcHandler } from './rpc/server.ts'
export type { RpcInit, RpcAuthorization } from './rpc/server.ts'
export type { Command, CommandTable, RpcContext } from './rpc/command.ts'
export { toHttpStatus, toRpcStatus } from './status.ts'
export * from './errors.ts'
export * from './constants.ts'
export { createPinningServiceServer, DEFAULT_PINNING_SERVICE_PORT } from './pinning-service.ts'
export type { PinningServiceServer, PinningServiceServerInit } from './pinning-service.ts'
