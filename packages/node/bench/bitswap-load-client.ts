/**
 * Client process of `pnpm bench:gateway-load`'s Bitswap part (apps/cli/bench/gateway-load.ts):
 * COUNT libp2p nodes, each with our Bitswap over a store that keeps nothing, dial ADDR and read
 * the file ROOT in order (@cairn/dag's `cat` over one Bitswap session per node), hashing it as it
 * comes. Prints one JSON line `{ results: [{ length, sha256, reasked, disconnects, rebroadcast, cpuMs }] }`,
 * one entry per node: wants the benchmark itself asked again after 30 s, connections lost, and
 * wants Bitswap rebroadcast; `cpuMs` is this process's CPU time divided between its nodes.
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
import { peerIdFromString } from '@libp2p/peer-id'
import { createLibp2p } from 'libp2p'
import { CID } from 'multiformats/cid'
import { bitswap } from '../src/bitswap/index.ts'
import type { Bitswap } from '../src/bitswap/index.ts'
import { fastNoiseCrypto } from '../src/noise-crypto.ts'
import { CONNECTION_MONITOR_INIT } from '../src/constants.ts'
import { tuneGarbageCollector } from '../src/gc-tuning.ts'

/** One client's whole fetch, dial included */
const FETCH_TIMEOUT_MS = 1_800_000
/** See `fetchFile` */
const WANT_REASK_MS = 30_000
/** A Noise handshake on a loaded machine can outlast the server's upgrade timeout */
const DIAL_ATTEMPTS = 5

const discard: BlockGetter & BlockPutter & BlockHas = {
  async getBlock (cid) { throw new NotFoundError(`Block ${cid} is not kept`) },
  async putBlock () {},
  async hasBlock () { return false }
}

/** Connections each node lost during the run (they are dialled again as providers) */
const disconnects = new Map<object, number>()

/**
 * The server as the one provider of everything, as the DHT would name it: a session whose
 * connection dropped finds it here and dials it again, as a node with routing would
 */
function serverRouting (addr: string) {
  const ma = multiaddr(addr)
  const id = peerIdFromString(ma.getComponents().find(c => c.name === 'p2p')?.value ?? '')
  return {
    async * findProviders () { yield { id, multiaddrs: [ma] } }
  }
}

/** One client node, connected to the server and identified (Bitswap sends wants to peers identify has shown to speak it) */
async function connect (addr: string, signal: AbortSignal) {
  const node = await createLibp2p({
    addresses: { listen: [] },
    transports: [tcp()],
    connectionEncrypters: [noise({ crypto: fastNoiseCrypto })],
    streamMuxers: [yamux()],
    // as a Cairn node runs it: libp2p's 5 s ping floor aborts busy connections (see the constant)
    connectionMonitor: CONNECTION_MONITOR_INIT,
    services: { identify: identify(), bitswap: bitswap({ blockstore: discard, wantTimeoutMs: FETCH_TIMEOUT_MS, routing: serverRouting(addr) }) }
  })
  node.addEventListener('connection:close', () => { disconnects.set(node, (disconnects.get(node) ?? 0) + 1) })
  const identified = new Promise<void>((resolve, reject) => {
    node.addEventListener('peer:identify', () => { resolve() }, { once: true })
    signal.addEventListener('abort', () => { reject(signal.reason) }, { once: true })
  })
  for (let attempt = 1; ; attempt++) {
    try {
      await node.dial(multiaddr(addr), { signal })
      break
    } catch (err) {
      if (attempt === DIAL_ATTEMPTS || signal.aborted) throw err
    }
  }
  await identified
  return node
}

async function fetchFile (node: Awaited<ReturnType<typeof connect>>, root: CID, signal: AbortSignal): Promise<{ length: number, sha256: string, reasked: number, disconnects: number, rebroadcast: number }> {
  const bs = node.services.bitswap as Bitswap
  const session = bs.createSession({ signal })
  const hash = createHash('sha256')
  let length = 0
  let reasked = 0
  // a want unanswered this long is asked again, as boxo's clients rebroadcast their wantlists:
  // a server whose send to us timed out has dropped what it had queued for us
  const getBlock = async (cid: CID): Promise<Uint8Array> => {
    for (;;) {
      try {
        return await session.want(cid, { signal: AbortSignal.any([signal, AbortSignal.timeout(WANT_REASK_MS)]) })
      } catch (err) {
        if (signal.aborted) throw err
        reasked++
      }
    }
  }
  try {
    for await (const chunk of cat(root, { getBlock }, { signal })) {
      hash.update(chunk)
      length += chunk.byteLength
    }
  } finally {
    session.close()
  }
  return { length, sha256: hash.digest('hex'), reasked, disconnects: disconnects.get(node) ?? 0, rebroadcast: bs.stats().wantsRebroadcast }
}

// as the `cairn` CLI runs its nodes
tuneGarbageCollector()
// the benchmark holds our stdin: if it dies, so do we, rather than hold its output open
process.stdin.on('close', () => { process.exit(1) })
process.stdin.resume()
// a handshake that timed out inside libp2p after its dial was retried is not this benchmark's failure
// (with its stack, so that a timeout from inside libp2p can be traced to where it was made)
process.on('unhandledRejection', (err) => { process.stderr.write(`bitswap-load-client: unhandled rejection: ${(err as Error)?.stack ?? String(err)}\n`) })
const [addr, root, count] = process.argv.slice(2)
const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS)
// connected one after another: 64 Noise handshakes at once on a loaded machine time out
const nodes = []
for (let i = 0; i < Number(count); i++) nodes.push(await connect(addr, signal))
try {
  const results = await Promise.all(nodes.map(async node => fetchFile(node, CID.parse(root), signal)))
  // this process's CPU time (user + system) shared out between its nodes, to set against the server's
  const cpu = process.cpuUsage()
  const cpuMs = (cpu.user + cpu.system) / 1000 / results.length
  process.stdout.write(JSON.stringify({ results: results.map(r => ({ ...r, cpuMs })) }) + '\n')
} finally {
  await Promise.all(nodes.map(async node => node.stop()))
}
process.exit(0)
