/**
 * Client process of `pnpm bench:gateway-load`'s Bitswap part (apps/cli/bench/gateway-load.ts):
 * COUNT libp2p nodes, each with our Bitswap over a store that keeps nothing, dial ADDR and read
 * the file ROOT in order (@cairn/dag's `cat` over one Bitswap session per node), hashing it as it
 * comes. Prints one JSON line `{ results: [{ length, sha256 }] }`, one entry per node.
 *
 *   node --conditions=development bitswap-load-client.ts ADDR ROOT COUNT
 *
 * The store keeps nothing so that 64 clients of a 1 GiB file cost this machine no disk: every block
 * is still hash-verified by Bitswap before `want` resolves.
 */
import { createHash } from 'node:crypto'
import { noise } from '@chainsafe/libp2p-noise'
import { NotFoundError } from '@cairn/interface'
import type { BlockGetter, BlockHas, BlockPutter } from '@cairn/interface'
import { cat } from '@cairn/dag'
import { identify } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { yamux } from '@libp2p/yamux'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p } from 'libp2p'
import { CID } from 'multiformats/cid'
import { bitswap } from '../src/bitswap/index.ts'
import type { Bitswap } from '../src/bitswap/index.ts'
import { fastNoiseCrypto } from '../src/noise-crypto.ts'
import { tuneGarbageCollector } from '../src/gc-tuning.ts'

/** One client's whole fetch, dial included */
const FETCH_TIMEOUT_MS = 1_800_000
/** 64 Noise handshakes at once on a loaded machine can outlast the server's upgrade timeout */
const DIAL_ATTEMPTS = 5

const discard: BlockGetter & BlockPutter & BlockHas = {
  async getBlock (cid) { throw new NotFoundError(`Block ${cid} is not kept`) },
  async putBlock () {},
  async hasBlock () { return false }
}

async function fetchOnce (addr: string, root: CID): Promise<{ length: number, sha256: string }> {
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS)
  const node = await createLibp2p({
    addresses: { listen: [] },
    transports: [tcp()],
    connectionEncrypters: [noise({ crypto: fastNoiseCrypto })],
    streamMuxers: [yamux()],
    services: { identify: identify(), bitswap: bitswap({ blockstore: discard, wantTimeoutMs: FETCH_TIMEOUT_MS }) }
  })
  try {
    const server = multiaddr(addr)
    // Bitswap sends wants to peers identify has shown to speak it
    const identified = new Promise<void>((resolve, reject) => {
      node.addEventListener('peer:identify', () => { resolve() }, { once: true })
      signal.addEventListener('abort', () => { reject(signal.reason) }, { once: true })
    })
    for (let attempt = 1; ; attempt++) {
      try {
        await node.dial(server, { signal })
        break
      } catch (err) {
        if (attempt === DIAL_ATTEMPTS || signal.aborted) throw err
      }
    }
    await identified
    const session = (node.services.bitswap as Bitswap).createSession({ signal })
    const hash = createHash('sha256')
    let length = 0
    try {
      for await (const chunk of cat(root, { getBlock: async (cid, options) => session.want(cid, options) }, { signal })) {
        hash.update(chunk)
        length += chunk.byteLength
      }
    } finally {
      session.close()
    }
    return { length, sha256: hash.digest('hex') }
  } finally {
    await node.stop()
  }
}

// as the `cairn` CLI runs its nodes
tuneGarbageCollector()
const [addr, root, count] = process.argv.slice(2)
const results = await Promise.all(Array.from({ length: Number(count) }, async () => fetchOnce(addr, CID.parse(root))))
process.stdout.write(JSON.stringify({ results }) + '\n')
