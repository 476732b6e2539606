import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPathGateway } from '../src/path-gateway.ts'
import { exporterBackend, memoryBlocks } from './fixtures/exporter-backend.ts'
import { gatewaySuite } from './fixtures/gateway-suite.ts'

gatewaySuite('reference exporter backend', async () => {
  const store = memoryBlocks()
  const server = createServer({ maxHeaderSize: 16 * 1024 }, createPathGateway({ backend: exporterBackend(store), timeoutMs: 5000 }))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    importCar: async path => store.importCar(path),
    stop: async () => { await new Promise(resolve => { server.close(resolve); server.closeAllConnections() }) }
  }
})
