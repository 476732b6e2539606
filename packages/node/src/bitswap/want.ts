/**
 * One of our wants: a block that sessions asked for, shared by every session that asks for the
 * same multihash, with what we asked of which peers and what they answered. The want manager
 * (want-manager.ts) keeps the table of them; the dispatcher (want-dispatcher.ts) decides where
 * each is asked.
 */
import { cidToPrefix } from './block-identity.ts'
import type { SessionImpl } from './session.ts'
import type { PeerId } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

export interface Want {
  readonly cid: CID
  readonly key: string
  /** The CID prefix a block for this want arrives with */
  readonly prefix: Uint8Array
  readonly promise: Promise<Uint8Array>
  resolve(bytes: Uint8Array): void
  reject(err: Error): void
  waiters: number
  /** A verified block is being stored: later copies are duplicates */
  receiving: boolean
  /** A received block is being checked against this want */
  verifying: boolean
  done: boolean
  readonly sessions: Set<SessionImpl>
  /** When a want-block last went out for it */
  askedBlockAt: number
  /** When it was last sent to anyone (first ask or rebroadcast) */
  sentAt: number
  /** Peers with a want-block outstanding for this want */
  readonly blockPeers: Map<string, PeerId>
  readonly asked: Map<string, PeerId>
  readonly haves: Map<string, PeerId>
  readonly dontHaves: Set<string>
  /** Peers that were asked for it, or had it, when their connection went (they may come back) */
  readonly lost: Map<string, PeerId>
  searchTimer?: ReturnType<typeof setTimeout>
  /** When `searchTimer` fires */
  searchAt: number
  /** When the session's partial peers were first asked whether they have it (0: not yet) */
  probedAt: number
  /** When a swarm session first held it back (for room at the origin, or for another replica's HAVE); 0: never */
  cappedAt: number
}

/** A new want for `cid` (`key`: its multihash key), asked of nobody yet and waited for by nobody */
export function createWant (cid: CID, key: string): Want {
  const { promise, resolve, reject } = Promise.withResolvers<Uint8Array>()
  promise.catch(() => {}) // rejections are seen by the waiters
  return {
    cid, key, promise, resolve, reject,
    prefix: cidToPrefix(cid),
    waiters: 0,
    receiving: false,
    verifying: false,
    done: false,
    askedBlockAt: 0,
    sentAt: Date.now(),
    searchAt: 0,
    probedAt: 0,
    cappedAt: 0,
    sessions: new Set(),
    blockPeers: new Map(),
    asked: new Map(),
    haves: new Map(),
    dontHaves: new Set(),
    lost: new Map()
  }
}
