import type { AbortOptions } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import type { Logger } from '@libp2p/interface'

/** What remote pinning needs from the node it runs in */
export interface RemotePinningHooks {
  /** A CID, or an IPFS path resolved to the CID it names */
  resolve(path: string, options?: AbortOptions): Promise<CID>
  /** Whether the block is in the local store (no network) */
  hasLocal(cid: CID, options?: AbortOptions): Promise<boolean>
  /** This node's multiaddrs ending in `/p2p/<id>` (the `origins` of a pin request); none offline */
  addresses(): string[]
  /** Whether the node is online (its libp2p runs) */
  online(): boolean
  /** Best-effort dial of a `delegates` multiaddr; never throws */
  connect(addr: string, options?: AbortOptions): Promise<void>
  log: Logger
}

/** Kubo's `pinWaitTime`: how often a waiting `pin remote add` asks for the status */
export const PIN_WAIT_MS = 500

/** Sleeps `ms`, or less if `signal` aborts (then throws its reason) */
export async function delay (ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted()
  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => { clearTimeout(timer); reject(signal?.reason) }
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve() }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
