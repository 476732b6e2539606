/**
 * The one module that binds the CLI to `@cairn/node` and `@cairn/gateway`. It is
 * loaded on first use, so a command that goes through a daemon's RPC never loads libp2p.
 */
import { createNode, diagDatastore, initRepo, isRepoInitialized, rotateIdentity, tuneGarbageCollector } from '@cairn/node'
import type { CairnNode } from '@cairn/node'
import { parseCid } from '@cairn/dag'
import { InvalidParametersError } from '@cairn/interface'
import { DEFAULT_API_MULTIADDR, DEFAULT_GATEWAY_MULTIADDR } from './constants.ts'
import type { Backend, DaemonOptions, RunningDaemon } from './context.ts'
import { multiaddrToHostPort } from './multiaddr.ts'

async function startDaemon (repoPath: string, options: DaemonOptions): Promise<RunningDaemon> {
  // only the daemon serves HTTP: other commands skip loading the gateway
  const { createGateway } = await import('@cairn/gateway')
  // no tuneGarbageCollector() here, unlike the short-lived commands: a daemon serving many
  // clients then let ~150 MiB of dead block buffers pile up before collecting them, and glibc
  // keeps such memory mapped after a burst (issue 11: 64 downloads left RSS well above its start)
  const node: CairnNode = await createNode({
    repoPath,
    offline: options.offline,
    // the RPC serves /debug/metrics/prometheus, offline daemons included
    metrics: true,
    config: options.swarm != null ? { Addresses: { Swarm: options.swarm } } : undefined
  })
  try {
    const api = multiaddrToHostPort(options.api ?? node.config.Addresses?.API ?? DEFAULT_API_MULTIADDR)
    const gateway = multiaddrToHostPort(options.gateway ?? node.config.Addresses?.Gateway ?? DEFAULT_GATEWAY_MULTIADDR)
    let requestShutdown = (): void => {}
    const shutdownRequested = new Promise<void>(resolve => { requestShutdown = resolve })
    const servers = await createGateway(node, {
      api,
      gateway,
      commands: {
        ...options.rpcCommands,
        // Kubo's `shutdown`: answer the client first, then stop (the daemon waits for this)
        shutdown: {
          args: [0, 0],
          async run ({ res }) {
            res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
            res.end(() => { requestShutdown() })
          }
        }
      }
    })
    await servers.start()
    if (servers.gatewayUrl == null || servers.apiUrl == null || servers.apiMultiaddr == null) {
      await servers.stop()
      throw new Error('the gateway started without its listeners')
    }
    let pinning: Awaited<ReturnType<typeof startPinningService>>
    try {
      pinning = await startPinningService(repoPath, node, options.pinningService ?? node.config.Pinning?.Service?.Listen)
    } catch (err) {
      await servers.stop()
      throw err
    }
    return {
      node,
      gatewayUrl: servers.gatewayUrl,
      apiUrl: servers.apiUrl,
      apiMultiaddr: servers.apiMultiaddr,
      ...(pinning != null ? { pinningServiceMultiaddr: pinning.multiaddr } : {}),
      shutdownRequested,
      async stop () {
        // servers first: no request may reach a stopping node
        await pinning?.stop()
        await servers.stop()
        await node.stop()
      }
    }
  } catch (err) {
    await node.stop()
    throw err
  }
}

/**
 * The Pinning Service API on its own listener when `listen` (a multiaddr) is set: the service's
 * queue resumes at once, the HTTP listener binds only once it is ready.
 */
async function startPinningService (repoPath: string, node: CairnNode, listen: string | undefined): Promise<{ multiaddr: string, stop(): Promise<void> } | undefined> {
  if (listen == null || listen === '') return undefined
  const { host, port } = multiaddrToHostPort(listen)
  const { createPinningService, nodeComponents, pinningServiceInitFromConfig } = await import('@cairn/pinning-service')
  const { createPinningServiceServer } = await import('@cairn/gateway')
  const service = await createPinningService(nodeComponents(node), { repoPath, ...pinningServiceInitFromConfig(node.config.Pinning?.Service) })
  await service.start()
  const server = createPinningServiceServer(service, { host, port })
  try {
    await server.start()
  } catch (err) {
    await service.stop()
    throw err
  }
  const url = new URL(server.url ?? '')
  const ip = url.hostname.replace(/^\[|\]$/g, '')
  return {
    multiaddr: `/${ip.includes(':') ? 'ip6' : 'ip4'}/${ip}/tcp/${url.port}`,
    async stop () {
      await server.stop()
      await service.stop()
    }
  }
}

export function createBackend (): Backend {
  return {
    isRepoInitialized,
    async initRepo (repoPath, options) {
      const config = await initRepo(repoPath, { profile: options.profile })
      return config.Identity.PeerID
    },
    rotateIdentity,
    datastore: diagDatastore,
    async mfsChroot (repoPath, root) {
      const node = await createNode({ repoPath, offline: true })
      try {
        let cid
        if (root != null) {
          try {
            cid = parseCid(root.replace(/^\/ipfs\//, ''))
          } catch (err) {
            throw new InvalidParametersError(`invalid CID "${root}": ${(err as Error).message}`, { cause: err })
          }
        }
        const r = await node.files.chroot(cid)
        return { old: r.old?.toString(), root: r.root.toString() }
      } finally {
        await node.stop()
      }
    },
    async openOffline (repoPath) {
      tuneGarbageCollector()
      return createNode({ repoPath, offline: true })
    },
    startDaemon
  }
}
