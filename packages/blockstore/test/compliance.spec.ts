/**
 * The public `interface-blockstore-tests` compliance suite (npm), run against a real on-disk store,
 * with a block-size threshold low enough that both inline and file-backed bodies are exercised.
 */
import { createBlockstore } from '../src/index.ts'
import { provideAegirChai, runMochaSuite } from './fixtures/mocha-on-uvu.ts'
import { tempDir } from './fixtures/blocks.ts'
import type { CairnBlockstore } from '../src/index.ts'

provideAegirChai()
const { interfaceBlockstoreTests } = await import('interface-blockstore-tests')

const dirs = new Map<CairnBlockstore, () => Promise<void>>()

for (const inlineBytesMax of [16 * 1024, 0]) {
  runMochaSuite(`interface-blockstore-tests (inlineBytesMax ${inlineBytesMax})`, () => {
    interfaceBlockstoreTests({
      async setup () {
        const dir = await tempDir('compliance')
        const store = await createBlockstore({ path: dir.path, inlineBytesMax })
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
