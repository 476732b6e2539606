/**
 * The network and admin commands of issue 15 through the CLI: two real `cairn daemon` processes
 * on 127.0.0.1, the CLI talking to the first one's RPC, output compared with Kubo's text.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cairn, ok, spawnCairn, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

interface Context {
  dir: string
  repoA: string
  repoB: string
  a?: Daemon
  b?: Daemon
}

const test = suite<Context>('cairn network and admin commands', { dir: '', repoA: '', repoB: '' })
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

test.before(async (ctx) => {
  try {
    ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-cli-network-'))
    ctx.repoA = join(ctx.dir, 'a')
    ctx.repoB = join(ctx.dir, 'b')
    await Promise.all([ok(['init', '--profile=test'], { repo: ctx.repoA }), ok(['init', '--profile=test'], { repo: ctx.repoB })])
    ctx.a = await startDaemon(ctx.repoA, LISTEN)
    ctx.b = await startDaemon(ctx.repoB, LISTEN)
    await ok(['swarm', 'connect', ctx.b.swarm[0]], { repo: ctx.repoA })
  } catch (err) {
    process.stderr.write(`before: ${(err as Error).stack}\n`)
    throw err
  }
})

test.after(async (ctx) => {
  await Promise.all([ctx.a?.stop(), ctx.b?.stop()])
  await rm(ctx.dir, { recursive: true, force: true })
})

test('ping -n 2 prints Kubo\'s lines', async (ctx) => {
  const r = await ok(['ping', '-n', '2', ctx.b!.peerId], { repo: ctx.repoA })
  const lines = r.out.trimEnd().split('\n')
  assert.is(lines[0], `PING ${ctx.b!.peerId}.`)
  assert.ok(lines.slice(1, 3).every(l => /^Pong received: time=\d+\.\d{2} ms$/.test(l)), r.out)
  assert.match(lines[3], /^Average latency: \d+\.\d{2}ms$/)
  assert.is(lines.length, 4)
  const self = await cairn(['ping', ctx.a!.peerId], { repo: ctx.repoA })
  assert.is(self.err, "Error: error: can't ping self\n")
  assert.is.not(self.code, 0)
})

test('routing findpeer prints addresses; dht query prints peer IDs', async (ctx) => {
  const found = await ok(['routing', 'findpeer', ctx.b!.peerId], { repo: ctx.repoA })
  assert.ok(found.out.split('\n').includes(ctx.b!.swarm[0].replace(/\/p2p\/.*$/, '')), found.out)
  const query = await ok(['dht', 'query', ctx.b!.peerId], { repo: ctx.repoA })
  assert.ok(query.out.split('\n').includes(ctx.b!.peerId), query.out)
})

test('routing put and get of a /pk/ record, value from a file', async (ctx) => {
  const key = `/pk/${ctx.b!.peerId}`
  // Kubo's `id` gives the public key as base64 of its protobuf: the /pk/ record's value
  const value = Buffer.from(JSON.parse((await ok(['id'], { repo: ctx.repoB })).out).PublicKey, 'base64')
  const file = join(ctx.dir, 'pk.bin')
  await writeFile(file, value)
  const put = await ok(['routing', 'put', key, file], { repo: ctx.repoA })
  assert.is(put.out, `${ctx.b!.peerId}\n`)
  const got = await ok(['routing', 'get', key], { repo: ctx.repoA })
  assert.equal([...got.stdout], [...value])
  const bad = await cairn(['routing', 'get', '/foo/bar'], { repo: ctx.repoA })
  assert.is(bad.err, 'Error: invalid key\n')
})

test('swarm peering add|ls|rm, disconnect, addrs listen, filters', async (ctx) => {
  const addr = ctx.b!.swarm[0]
  assert.is((await ok(['swarm', 'peering', 'add', addr], { repo: ctx.repoA })).out, `add ${ctx.b!.peerId} success\n`)
  assert.is((await ok(['swarm', 'peering', 'ls'], { repo: ctx.repoA })).out, `${ctx.b!.peerId}\n\t${addr.replace(/\/p2p\/.*$/, '')}\n`)
  assert.is((await ok(['swarm', 'peering', 'rm', ctx.b!.peerId], { repo: ctx.repoA })).out, `remove ${ctx.b!.peerId} success\n`)
  assert.is((await ok(['swarm', 'peering', 'ls'], { repo: ctx.repoA })).out, '')
  assert.is((await ok(['swarm', 'disconnect', addr], { repo: ctx.repoA })).out, `disconnect ${ctx.b!.peerId} success\n`)
  const stranger = '12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN'
  assert.is((await ok(['swarm', 'disconnect', `/p2p/${stranger}`], { repo: ctx.repoA })).out, `disconnect ${stranger} failure: not connected\n`)
  const listen = (await ok(['swarm', 'addrs', 'listen'], { repo: ctx.repoA })).out.trim().split('\n')
  assert.ok(listen.length > 0 && listen.every(a => a.startsWith('/ip4/127.0.0.1/tcp/')), listen.join(','))
  assert.is((await ok(['swarm', 'filters', 'add', '/ip4/10.0.0.0/ipcidr/8'], { repo: ctx.repoA })).out, '/ip4/10.0.0.0/ipcidr/8\n')
  assert.is((await ok(['swarm', 'filters'], { repo: ctx.repoA })).out, '/ip4/10.0.0.0/ipcidr/8\n')
  assert.is((await ok(['config', 'Swarm.AddrFilters'], { repo: ctx.repoA })).out, '[\n  "/ip4/10.0.0.0/ipcidr/8"\n]\n')
  assert.is((await ok(['swarm', 'filters', 'rm', 'all'], { repo: ctx.repoA })).out, '/ip4/10.0.0.0/ipcidr/8\n')
  assert.is((await ok(['swarm', 'filters'], { repo: ctx.repoA })).out, '')
  await ok(['swarm', 'connect', addr], { repo: ctx.repoA })
})

test('bitswap wantlist, ledger and stat; stats provide after routing reprovide; provide clear', async (ctx) => {
  assert.is((await ok(['bitswap', 'wantlist'], { repo: ctx.repoA })).out, '')
  const ledger = await ok(['bitswap', 'ledger', ctx.b!.peerId], { repo: ctx.repoA })
  assert.match(ledger.out, new RegExp(`^Ledger for ${ctx.b!.peerId}\nDebt ratio:\t\\d+\\.\\d{6}\nExchanges:\t\\d+\nBytes sent:\t\\d+\nBytes received:\t\\d+\n\n$`))
  const bstat = await ok(['bitswap', 'stat', '--human'], { repo: ctx.repoA })
  assert.match(bstat.out, /^bitswap status\n\tblocks received: \d+\n\tblocks sent: \d+\n\tdata received: \d+(\.\d)? k?B\n/)
  await writeFile(join(ctx.dir, 'provide.txt'), 'something to provide')
  await ok(['add', '--quiet', join(ctx.dir, 'provide.txt')], { repo: ctx.repoA })
  await ok(['routing', 'reprovide'], { repo: ctx.repoA })
  const provide = await ok(['stats', 'provide'], { repo: ctx.repoA })
  assert.match(provide.out, /^TotalReprovides:\s+[1-9]\d*\nAvgReprovideDuration:\s+\S+\nLastReprovideDuration:\s+\S+\nLastReprovide:\s+\d{4}-/)
  assert.is((await ok(['provide', 'stat'], { repo: ctx.repoA })).out, (await ok(['stats', 'reprovide'], { repo: ctx.repoA })).out)
  assert.match((await ok(['provide', 'clear'], { repo: ctx.repoA })).out, /^removed \d+ items from provide queue\n$/)
  const json = JSON.parse((await ok(['provide', 'stat', '--enc=json'], { repo: ctx.repoA })).out)
  assert.equal(Object.keys(json), ['Sweep', 'Legacy', 'FullRT'])
})

test('repo stat --size-only --human and network commands without a daemon', async (ctx) => {
  const repoC = join(ctx.dir, 'c')
  await ok(['init', '--profile=test'], { repo: repoC })
  const r = await ok(['repo', 'stat', '--size-only', '--human'], { repo: repoC })
  assert.match(r.out, /^RepoSize:   \d+(\.\d)? (B|kB|MB)\nStorageMax: 10 GB\n$/)
  const json = JSON.parse((await ok(['repo', 'stat', '--size-only', '--enc=json'], { repo: repoC })).out)
  assert.equal([json.NumObjects, json.RepoPath, json.Version], [0, '', ''])
  const ping = await cairn(['ping', ctx.b!.peerId], { repo: repoC })
  assert.is(ping.err, "Error: this command must be run in online mode. Try running 'cairn daemon' first\n")
  const shutdown = await cairn(['shutdown'], { repo: repoC })
  assert.is(shutdown.err, 'Error: daemon not running\n')
  assert.is.not(shutdown.code, 0)
})

test('swarm peers: Kubo\'s text with --latency --direction --streams, and its JSON (empty fields omitted)', async (ctx) => {
  const text = (await ok(['swarm', 'peers', '--latency', '--direction', '--streams'], { repo: ctx.repoA })).out.split('\n')
  const line = text.find(l => l.includes(`/p2p/${ctx.b!.peerId}`))
  assert.match(line ?? '', new RegExp(`^/ip4/127\\.0\\.0\\.1/tcp/\\d+/p2p/${ctx.b!.peerId} \\S+ (inbound|outbound)$`))
  const plain = JSON.parse((await ok(['swarm', 'peers', '--enc=json'], { repo: ctx.repoA })).out).Peers
  const mine = plain.find((p: { Peer: string }) => p.Peer === ctx.b!.peerId)
  assert.equal(Object.keys(mine), ['Addr', 'Peer', 'Identify'])
  const identified = JSON.parse((await ok(['swarm', 'peers', '--identify', '--enc=json'], { repo: ctx.repoA })).out).Peers
  assert.is(identified.find((p: { Peer: string }) => p.Peer === ctx.b!.peerId).Identify.ID, ctx.b!.peerId)
})

test('log level and ls, diag cmds through the daemon', async (ctx) => {
  assert.is((await ok(['log', 'level', 'cairn:node', 'info'], { repo: ctx.repoA })).out, "Changed log level of 'cairn:node' to 'info'\n")
  assert.is((await ok(['log', 'level', 'cairn:node'], { repo: ctx.repoA })).out, 'info\n')
  assert.ok((await ok(['log', 'ls'], { repo: ctx.repoA })).out.split('\n').includes('cairn:node'))
  await ok(['log', 'level', 'all', 'default'], { repo: ctx.repoA })
  const cmds = (await ok(['diag', 'cmds'], { repo: ctx.repoA })).out.split('\n')
  assert.match(cmds[0], /^Command +Active +StartTime +RunTime$/)
  assert.ok(cmds.some(l => /^log\/level +false /.test(l)), cmds.join('\n'))
  assert.ok(cmds.some(l => /^diag\/cmds +true /.test(l)), cmds.join('\n'))
})

test('swarm resources as Kubo\'s table; diag healthy; stats repo; log tail of the daemon', async (ctx) => {
  const table = (await ok(['swarm', 'resources'], { repo: ctx.repoA })).out.split('\n').filter(l => l !== '')
  assert.match(table[0], /^Scope\t+Limit Name\t+Limit Value\t+Limit Usage Amount\t+Limit Usage Percent\t+$/)
  const system = table.find(l => l.startsWith('system\t') && l.includes('\tConns\t'))
  assert.match(system ?? '', /^system\t+Conns\t+\d+\t+[1-9]\d*\t+\d+\.\d%\t+$/, system)
  const json = JSON.parse((await ok(['swarm', 'resources', '--enc=json'], { repo: ctx.repoA })).out)
  assert.ok(json.Peers[ctx.b!.peerId].ConnsUsage >= 1)
  assert.is((await ok(['diag', 'healthy'], { repo: ctx.repoA })).out, '"ok"\n')
  assert.equal(JSON.parse((await ok(['stats', 'repo', '--enc=json'], { repo: ctx.repoA })).out).RepoPath, ctx.repoA)
  // version check: Kubo's VersionCheckOutput (same release everywhere here: nothing newer)
  const check = JSON.parse((await ok(['version', 'check'], { repo: ctx.repoA })).out)
  assert.equal(Object.keys(check), ['UpdateAvailable', 'RunningVersion', 'GreatestVersion', 'PeersSampled', 'WithGreaterVersion'])
  assert.equal([check.UpdateAvailable, check.WithGreaterVersion, check.GreatestVersion], [false, 0, check.RunningVersion])
  assert.ok(check.PeersSampled >= 1)
  assert.is((await cairn(['version', 'check', '-t', '101'], { repo: ctx.repoA })).err, 'Error: Version.SwarmCheckPercentThreshold must be between 1 and 100\n')
  // pubsub reset: Kubo's lines; js routers persist no seqno state, so there is never any to delete
  assert.is((await ok(['pubsub', 'reset'], { repo: ctx.repoA })).out, 'Reset validator state for 0 peer(s)\n')
  assert.is((await ok(['pubsub', 'reset', '-p', ctx.b!.peerId], { repo: ctx.repoA })).out, `No validator state found for peer ${ctx.b!.peerId}\n`)
  assert.match((await cairn(['pubsub', 'reset', '-p', 'nope'], { repo: ctx.repoA })).err, /^Error: invalid peer ID/)
  // diag cmds clear forgets finished commands; set-time checks its duration
  await ok(['diag', 'cmds', 'clear'], { repo: ctx.repoA })
  const listed = (await ok(['diag', 'cmds', '--enc=json'], { repo: ctx.repoA })).out
  // what ran before the clear is gone; the clear itself and this listing remain
  assert.equal(JSON.parse(listed).map((c: { Command: string }) => c.Command).sort(), ['diag/cmds', 'diag/cmds/clear'])
  await ok(['diag', 'cmds', 'set-time', '2m'], { repo: ctx.repoA })
  // diag profile: Kubo's zip, written where -o says
  const zipPath = join(ctx.dir, 'profile.zip')
  assert.is((await ok(['diag', 'profile', '--collectors=version,cpu', '--profile-time=100ms', '-o', zipPath], { repo: ctx.repoA })).out, `Wrote profiles to: ${zipPath}\n`)
  assert.is((await readFile(zipPath)).subarray(0, 4).toString('latin1'), 'PK\u0003\u0004')
  assert.is((await cairn(['diag', 'cmds', 'set-time', 'soon'], { repo: ctx.repoA })).code, 1)

  // log tail follows the daemon's log; a failing RPC call is logged at error level once enabled
  await ok(['log', 'level', 'cairn:gateway:rpc', 'error'], { repo: ctx.repoA })
  const tail = spawnCairn(['log', 'tail'], ctx.repoA)
  try {
    let seen = false
    const deadline = Date.now() + 20_000
    while (!seen && Date.now() < deadline) {
      await cairn(['cat', 'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn'], { repo: ctx.repoA })
      seen = await tail.printed('/api/v0/cat', 500)
    }
    assert.ok(seen, tail.output())
    const line = JSON.parse(tail.output().split('\n').find(l => l.includes('/api/v0/cat')) ?? '{}')
    assert.equal([line.level, line.logger], ['error', 'cairn:gateway:rpc'])
  } finally {
    await tail.stop()
    await ok(['log', 'level', 'all', 'default'], { repo: ctx.repoA })
  }
})

test('the daemon\'s RPC serves the CLI\'s completion scripts and dependencies', async (ctx) => {
  const api = ctx.a!.apiMultiaddr.replace(/^\/ip4\/([^/]+)\/tcp\/(\d+).*$/, 'http://$1:$2')
  const post = async (path: string): Promise<{ status: number, text: string }> => {
    const r = await fetch(`${api}/api/v0/${path}`, { method: 'POST' })
    return { status: r.status, text: await r.text() }
  }
  const bash = await post('commands/completion/bash')
  assert.is(bash.status, 200)
  assert.is(bash.text, (await ok(['commands', 'completion', 'bash'], { repo: ctx.repoA })).out)
  assert.match((await post('commands/completion/fish')).text, /complete -c cairn/)
  assert.match((await post('commands/completion/zsh')).text, /^#compdef cairn/)
  assert.is((await post('commands/completion')).status, 400)
  const deps = (await post('version/deps')).text.trim().split('\n').map(l => JSON.parse(l))
  assert.equal(deps[0], { Path: '@cairn/cli', Version: deps[0].Version, ReplacedBy: '', Sum: '' })
  assert.ok(deps.some(d => d.Path === 'commander' && /^\d+\.\d+\.\d+/.test(d.Version)), JSON.stringify(deps))
})

test('--timeout: every command that waits on the network gives up with Kubo\'s "context deadline exceeded"', async (ctx) => {
  const missing = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'
  const stranger = '12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN'
  // a peer that accepts TCP and never answers: dials to it wait
  const sockets: Socket[] = []
  const tarpit = createServer(socket => { sockets.push(socket) })
  await new Promise<void>(resolve => tarpit.listen(0, '127.0.0.1', resolve))
  const silent = `/ip4/127.0.0.1/tcp/${(tarpit.address() as AddressInfo).port}/p2p/${stranger}`
  try {
    const commands = [
      ['cat', missing], ['get', '-o', join(ctx.dir, 'never'), missing], ['ls', missing], ['block', 'get', missing], ['block', 'stat', missing],
      ['dag', 'get', missing], ['dag', 'stat', '--progress=false', missing], ['refs', missing], ['pin', 'add', missing],
      ['files', 'stat', `/ipfs/${missing}`],       ['swarm', 'connect', silent], ['ping', '-n', '1', silent]
    ]
    // a few at a time: each is a whole CLI process, and the machine may be busy
    const results = []
    for (let i = 0; i < commands.length; i += 5) {
      results.push(...await Promise.all(commands.slice(i, i + 5).map(async args => {
        const started = Date.now()
        const r = await cairn(['--timeout=500ms', ...args], { repo: ctx.repoA })
        return { args, ms: Date.now() - started, ...r }
      })))
    }
    // far below the daemon's 60 s fetch timeout: the CLI's own deadline ended each one
    const wrong = results.filter(r => r.code === 0 || !r.err.includes('context deadline exceeded') || r.ms > 30_000)
      .map(r => `${r.args.join(' ')}: exit ${r.code} after ${r.ms} ms: ${r.err.trim()}`)
    assert.equal(wrong, [])
  } finally {
    for (const s of sockets) s.destroy()
    await new Promise(resolve => tarpit.close(resolve))
  }
})

test('shutdown stops the daemon through its RPC and it removes its api file', async (ctx) => {
  await ok(['shutdown'], { repo: ctx.repoB })
  const code = await new Promise<number | null>(resolve => {
    if (ctx.b!.child.exitCode != null) { resolve(ctx.b!.child.exitCode); return }
    ctx.b!.child.on('close', resolve)
  })
  assert.is(code, 0)
  assert.ok(ctx.b!.output().includes('Daemon stopped'))
  assert.ok(!ctx.b!.output().includes('Received interrupt signal'))
  assert.is(await stat(join(ctx.repoB, 'api')).then(() => true, () => false), false)
})

test.run()
