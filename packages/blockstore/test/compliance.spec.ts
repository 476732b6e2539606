/**
 * The public `interface-blockstore-tests` compliance suite (npm), run against a real on-disk store,
 * in configurations that exercise inline bodies, packed bodies, and synchronous and thread-pool reads.
 */
import { createBlockstore } from '../src/index.ts'
import { provideAegirChai, runMochaSuite } from './fixtures/mocha-on-uvu.ts'
import { tempDir } from './fixtures/blocks.ts'
import type { CairnBlockstore } from '../src/index.ts'

provideAegirChai()
const { interfaceBlockstoreTests } = await import('interface-blockstore-tests')

const dirs = new Map<CairnBlockstore, () => Promise<void>>()

// Default settings; every block in a pack; every block in a pack and every read through the thread pool
const configs = [{}, { inlineBytesMax: 0 }, { inlineBytesMax: 0, syncReadSlowMs: 0 }]
for (const config of configs) {
  runMochaSuite(`interface-blockstore-tests ${JSON.stringify(config)}`, () => {
    interfaceBlockstoreTests({
      async setup () {
        const dir = await tempDir('compliance')
        const store = await createBlockstore({ path: dir.path, ...config })
        dirs.set(store, dir.remove)
        return store
      },
      async teardown (store) {
        await store.close()
        await dirs.get(store as CairnBlockstore)?.()
        dirs.delete(store as CairnBlockstore)
      }
    })
  })
}
