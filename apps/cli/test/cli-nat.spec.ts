/**
 * Issue 18 through the CLI, on what loopback can show: real `cairn daemon` processes, a relay on
 * 127.0.0.1 and a node on 127.0.0.2 that reserves a slot on it. The daemon's reachability lines,
 * `swarm addrs autonat`, `id`, and the QUIC transport failing to load (its native binary pointed
 * at nothing) without stopping the node.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { webcrypto } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
// @peculiar/x509 (its DI container) needs the Reflect metadata API loaded before it
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

interface Context { dir: string, daemons: Daemon[] }

const test = suite<Context>('cairn: relay, reachability lines, transports that do not load', { dir: '', daemons: [] })
const LOCAL = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0']

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-cli-nat-'))
})

test.after(async (ctx) => {
  await Promise.all(ctx.daemons.map(async d => d.stop()))
  await rm(ctx.dir, { recursive: true, force: true })
})

async function waitForOutput (daemon: Daemon, pattern: RegExp, ms: number): Promise<string> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const line = daemon.output().split('\n').find(l => pattern.test(l))
    if (line != null) return line
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(`no line matching ${String(pattern)} within ${ms} ms:\n${daemon.output()}`)
}

test('a node with a static relay: startup line unknown, then relayed; swarm addrs autonat and id say so', async (ctx) => {
  const relayRepo = join(ctx.dir, 'relay')
  await ok(['init', '--profile=test'], { repo: relayRepo })
  const relay = await startDaemon(relayRepo, [...LOCAL, '--swarm', '/ip4/127.0.0.1/tcp/0'])
  ctx.daemons.push(relay)

  const repo = join(ctx.dir, 'natted')
  await ok(['init', '--profile=test'], { repo })
  await ok(['config', '--json', 'Swarm.RelayClient.StaticRelays', JSON.stringify([relay.swarm[0]])], { repo })
  const node = await startDaemon(repo, [...LOCAL, '--swarm', '/ip4/127.0.0.2/tcp/0'])
  ctx.daemons.push(node)
  const lines = node.output().split('\n')
  const first = lines.findIndex(l => l.startsWith('Reachability: '))
  assert.ok(first > 0 && first < lines.indexOf('Daemon is ready'), `a reachability line before "Daemon is ready":\n${node.output()}`)

  const relayed = await waitForOutput(node, /^Reachability: relayed via /, 20_000)
  assert.ok(relayed.includes(`${relay.swarm[0]}/p2p-circuit`), relayed)

  const report = await ok(['swarm', 'addrs', 'autonat'], { repo })
  assert.match(report.out, /^AutoNAT V2 Status:\n {2}Reachability: (Unknown|Private)\n\nPer-Address Reachability:\n/)
  assert.ok(report.out.includes(`Relayed:\n  ${relay.swarm[0]}/p2p-circuit\n`), report.out)
  const json = JSON.parse((await ok(['swarm', 'addrs', 'autonat', '--enc=json'], { repo })).out)
  assert.equal(json.relayed, [`${relay.swarm[0]}/p2p-circuit`])

  // `id` says what AutoNAT found, as `swarm addrs autonat` does (Kubo's words); the relay shows in Addresses
  const id = JSON.parse((await ok(['id'], { repo })).out)
  assert.is(id.Reachability, json.reachability)
  assert.match(id.Reachability, /^(Unknown|Private)$/)
  assert.ok(id.Addresses.includes(`${relay.swarm[0]}/p2p-circuit/p2p/${node.peerId}`), 'the circuit address is advertised')
})

test('QUIC whose native binary cannot load: one line, and the node goes on with TCP', async (ctx) => {
  const repo = join(ctx.dir, 'noquic')
  await ok(['init', '--profile=test'], { repo })
  await ok(['config', '--json', 'Addresses.Swarm', JSON.stringify(['/ip4/127.0.0.1/tcp/0', '/ip4/127.0.0.1/udp/0/quic-v1'])], { repo })
  // napi-rs loads the binary from here when set: a path with nothing there is a failed load
  const node = await startDaemon(repo, LOCAL, undefined, { env: { NAPI_RS_NATIVE_LIBRARY_PATH: join(ctx.dir, 'missing.node') } })
  ctx.daemons.push(node)
  const out = node.output()
  const notices = out.split('\n').filter(l => l.startsWith('QUIC transport unavailable'))
  assert.is(notices.length, 1, out)
  assert.match(notices[0], /continuing without \/quic-v1 addresses$/)
  assert.ok(node.swarm.some(a => a.includes('/tcp/')), 'listening on TCP')
  assert.not.ok(node.swarm.some(a => a.includes('/quic-v1')))
  const id = JSON.parse((await ok(['id'], { repo })).out)
  assert.is(id.ID, node.peerId)
})

test('QUIC that loads: the daemon listens on it, and a second node connects over it', async (ctx) => {
  const repo = join(ctx.dir, 'quic')
  await ok(['init', '--profile=test'], { repo })
  await ok(['config', '--json', 'Addresses.Swarm', JSON.stringify(['/ip4/127.0.0.1/udp/0/quic-v1'])], { repo })
  const node = await startDaemon(repo, LOCAL)
  ctx.daemons.push(node)
  const quic = node.swarm.find(a => a.includes('/quic-v1/'))
  assert.ok(quic != null, node.output())
  const repo2 = join(ctx.dir, 'quic2')
  await ok(['init', '--profile=test'], { repo: repo2 })
  await ok(['config', '--json', 'Addresses.Swarm', JSON.stringify(['/ip4/127.0.0.1/udp/0/quic-v1'])], { repo: repo2 })
  const other = await startDaemon(repo2, LOCAL)
  ctx.daemons.push(other)
  await ok(['swarm', 'connect', quic], { repo: repo2 })
  const peers = (await ok(['swarm', 'peers'], { repo: repo2 })).out
  assert.ok(peers.includes(`/quic-v1/p2p/${node.peerId}`), peers)
})

/** A self-signed certificate for 127.0.0.1 (its own CA), as PEM files */
async function selfSigned (dir: string): Promise<{ cert: string, key: string }> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=127.0.0.1',
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 24 * 3600_000),
    keys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.0.1' }])
    ]
  })
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64').replace(/.{64}/g, '$&\n')
  const certFile = join(dir, 'cert.pem')
  const keyFile = join(dir, 'key.pem')
  await writeFile(certFile, cert.toString('pem'))
  await writeFile(keyFile, `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`)
  return { cert: certFile, key: keyFile }
}

test('Secure WebSockets with a configured certificate: /tls/ws listens, and a peer trusting it connects', async (ctx) => {
  const { cert, key } = await selfSigned(ctx.dir)
  const repo = join(ctx.dir, 'wss')
  await ok(['init', '--profile=test'], { repo })
  const config = JSON.parse(await readFile(join(repo, 'config'), 'utf8'))
  config.Addresses.Swarm = ['/ip4/127.0.0.1/tcp/0', '/ip4/127.0.0.1/tcp/0/tls/ws']
  config.Swarm.WebSocketTLS = { CertFile: cert, KeyFile: key }
  await writeFile(join(repo, 'config'), JSON.stringify(config, null, 2))
  const node = await startDaemon(repo, LOCAL)
  ctx.daemons.push(node)
  const wss = node.swarm.find(a => a.includes('/tls/ws/'))
  assert.ok(wss != null, node.output())

  const repo2 = join(ctx.dir, 'wss-dialer')
  await ok(['init', '--profile=test'], { repo: repo2 })
  // Node trusts the self-signed certificate as it would a CA's
  const other = await startDaemon(repo2, LOCAL, undefined, { env: { NODE_EXTRA_CA_CERTS: cert } })
  ctx.daemons.push(other)
  await ok(['swarm', 'connect', wss], { repo: repo2 })
  const peers = (await ok(['swarm', 'peers'], { repo: repo2 })).out
  assert.ok(peers.includes(`/tls/ws/p2p/${node.peerId}`), peers)

  // without a certificate the address is skipped, not fatal
  const repo3 = join(ctx.dir, 'no-cert')
  await ok(['init', '--profile=test'], { repo: repo3 })
  await ok(['config', '--json', 'Addresses.Swarm', JSON.stringify(['/ip4/127.0.0.1/tcp/0', '/ip4/127.0.0.1/tcp/0/tls/ws'])], { repo: repo3 })
  const plain = await startDaemon(repo3, LOCAL)
  ctx.daemons.push(plain)
  assert.not.ok(plain.swarm.some(a => a.includes('/tls/')), plain.output())
})

test.run()
