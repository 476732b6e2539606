/** The content-commands contract suite against the in-process node and the RPC client over HTTP */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGateway } from '@cairn/gateway'
import { createNode, initRepo } from '@cairn/node'
import { createRpcApi } from '../src/rpc/client.ts'
import { contentSuite } from './fixtures/content-suite.ts'

async function freshRepo (): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-content-api-'))
  await initRepo(dir, { profile: 'test' })
  return dir
}

contentSuite('in-process node', async () => {
  const dir = await freshRepo()
  const node = await createNode({ repoPath: dir, offline: true })
  return {
    api: node,
    async teardown () {
      await node.stop()
      await rm(dir, { recursive: true, force: true })
    }
  }
})

contentSuite('RPC client over HTTP', async () => {
  const dir = await freshRepo()
  const node = await createNode({ repoPath: dir, offline: true })
  const gateway = await createGateway(node, { gateway: false, api: { host: '127.0.0.1', port: 0 } })
  await gateway.start()
  const api = createRpcApi({ address: gateway.apiMultiaddr! })
  return {
    api,
    async teardown () {
      await api.close()
      await gateway.stop()
      await node.stop()
      await rm(dir, { recursive: true, force: true })
    }
  }
})
