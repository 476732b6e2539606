/**
 * Kubo's `key rotate`: a new identity for the repo. The old key is kept in the keystore under
 * `oldKey`, the new one becomes `self` and the config's `Identity.PeerID`. The daemon must not
 * be running (the caller checks: Kubo's PreRun `DaemonNotRunning`).
 */
import { rename, writeFile } from 'node:fs/promises'
import { InvalidParametersError } from '@cairn/interface'
import { generateKeyPair, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { readConfigFile, writeConfigFile } from '../config.ts'
import { DEFAULT_RSA_KEY_BITS, RSA_KEY_BITS_MAX, RSA_KEY_BITS_MIN } from '../constants.ts'
import { repoPaths } from '../repo.ts'
import { createKeystore, SELF_KEY } from './keystore.ts'
import type { KeyType } from '@cairn/interface'
import type { PrivateKey } from '@libp2p/interface'

export interface RotateOptions {
  /** Keystore name the current identity is saved under (required, as Kubo's `--oldkey`) */
  oldKey: string
  /** @default 'ed25519' */
  type?: KeyType
  size?: number
}

/** Returns the new and the old peer IDs */
export async function rotateIdentity (repoPath: string, options: RotateOptions): Promise<{ id: string, oldId: string }> {
  if (options.oldKey == null || options.oldKey === '') throw new InvalidParametersError('keystore name for backing up old key must be provided')
  if (options.oldKey === SELF_KEY) throw new InvalidParametersError("keystore name for back up cannot be named 'self'")
  const paths = repoPaths(repoPath)
  const keystore = createKeystore(paths.keystore, paths.key)
  const old = await keystore.get(SELF_KEY)
  const type = options.type ?? 'ed25519'
  let key: PrivateKey
  if (type === 'ed25519') key = await generateKeyPair('Ed25519')
  else if (type === 'secp256k1') key = await generateKeyPair('secp256k1')
  else if (type === 'rsa') {
    const bits = options.size ?? DEFAULT_RSA_KEY_BITS
    if (bits < RSA_KEY_BITS_MIN || bits > RSA_KEY_BITS_MAX) throw new InvalidParametersError(`rsa keys must be between ${RSA_KEY_BITS_MIN} and ${RSA_KEY_BITS_MAX} bits`)
    key = await generateKeyPair('RSA', bits)
  } else throw new InvalidParametersError(`unrecognized key type: ${String(type)}`)
  // the old identity is saved first: a crash after this step loses nothing
  await keystore.put(options.oldKey, old.key)
  const config = await readConfigFile(paths.config)
  const id = peerIdFromPrivateKey(key).toString()
  const tmp = `${paths.key}.${process.pid}.tmp`
  await writeFile(tmp, privateKeyToProtobuf(key), { mode: 0o600 })
  await rename(tmp, paths.key)
  await writeConfigFile(paths.config, { ...config, Identity: { ...config.Identity, PeerID: id } })
  return { id, oldId: old.id }
}
