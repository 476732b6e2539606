/**
 * IPNS names: a peer ID (`12D3Koo...`, `Qm...`), a CIDv1 with the libp2p-key codec (`k51...`,
 * `bafzaa...`), optionally under `/ipns/`. Anything with a dot is a DNSLink domain instead.
 */
import { InvalidParametersError } from '@cairn/interface'
import { peerIdFromCID, peerIdFromString } from '@libp2p/peer-id'
import { multihashToIPNSRoutingKey } from 'ipns'
import { base36 } from 'multiformats/bases/base36'
import { CID } from 'multiformats/cid'
import type { PeerId } from '@libp2p/interface'
import type { MultihashDigest } from 'multiformats/hashes/interface'

/** The libp2p-key multicodec */
const LIBP2P_KEY = 0x72

export interface IpnsName {
  peerId: PeerId
  /** `/ipns/` + the multihash bytes: the DHT key */
  routingKey: Uint8Array
  /** CIDv1 libp2p-key in base36: Kubo's printed form (`k51...`) */
  cid: string
}

/** Strips `/ipns/` and a trailing path */
export function nameSegment (name: string): { name: string, rest: string } {
  let s = name.trim()
  if (s.startsWith('/ipns/')) s = s.slice('/ipns/'.length)
  const slash = s.indexOf('/')
  return slash === -1 ? { name: s, rest: '' } : { name: s.slice(0, slash), rest: s.slice(slash) }
}

/** True for a DNSLink domain (has a dot), false for a key name */
export const isDomain = (name: string): boolean => name.includes('.')

export function ipnsNameOf (peerId: PeerId): IpnsName {
  const digest = peerId.toMultihash() as MultihashDigest<0x00 | 0x12>
  return {
    peerId,
    routingKey: multihashToIPNSRoutingKey(digest),
    cid: CID.createV1(LIBP2P_KEY, digest).toString(base36)
  }
}

export function parseIpnsName (text: string): IpnsName {
  const { name } = nameSegment(text)
  let peerId: PeerId
  try {
    if (name.startsWith('1') || name.startsWith('Q')) {
      peerId = peerIdFromString(name)
    } else {
      const cid = CID.parse(name, name.startsWith('k') ? base36 : undefined)
      if (cid.code !== LIBP2P_KEY) throw new Error(`CID codec 0x${cid.code.toString(16)} is not libp2p-key`)
      peerId = peerIdFromCID(cid)
    }
  } catch (err) {
    throw new InvalidParametersError(`invalid IPNS name "${name.slice(0, 100)}": ${(err as Error).message}`, { cause: err })
  }
  return ipnsNameOf(peerId)
}
