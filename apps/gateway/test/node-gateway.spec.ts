import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNode, TEST_PROFILE } from '@cairn/node'
import { createApiBackend, createGateway } from '../src/index.ts'
import type { GatewayInit } from '../src/index.ts'
import { gatewaySuite } from './fixtures/gateway-suite.ts'
import type { GatewayUnderTest } from './fixtures/gateway-suite.ts'

async function setup (backendOf?: (node: Awaited<ReturnType<typeof createNode>>) => GatewayInit['backend']): Promise<GatewayUnderTest> {
  const repoPath = await mkdtemp(join(tmpdir(), 'cairn-gateway-'))
  const node = await createNode({ repoPath, offline: true, initIfMissing: true, config: TEST_PROFILE })
  const gateway = await createGateway(node, { gateway: { port: 0 }, api: false, timeoutMs: 5000, backend: backendOf?.(node) })
  await gateway.start()
  return {
    url: gateway.gatewayUrl!,
    async importCar (path) {
      const roots = []
      for await (const r of node.dag.import((async function * () { yield await readFile(path) })(), { pinRoots: false })) roots.push(r.root.cid)
      return roots
    },
    async stop () {
      await gateway.stop()
      await node.stop()
      await rm(repoPath, { recursive: true, force: true })
    }
  }
}

// the default: CairnApi for content, @cairn/dag's path walk over the node's blocks
gatewaySuite('cairn node', async () => setup())
// any CairnApi alone (an RPC client, say): paths resolved with `stat`
gatewaySuite('cairn node, CairnApi only', async () => setup(node => createApiBackend(node)))
