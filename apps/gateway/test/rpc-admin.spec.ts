/**
 * Admin commands of issue 15 over the RPC on a real (offline) node: `config replace`, `config
 * profile apply`, through kubo-rpc-client and plain HTTP with Kubo's shapes and error texts.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { create } from 'kubo-rpc-client'
import type { KuboRPCClient } from 'kubo-rpc-client'
import { request as httpRequest } from 'node:http'
import { request } from './fixtures/http.ts'
import { unzipSync } from 'fflate'
import { startGateway } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, api: string, ipfs: KuboRPCClient }

const signal = (): AbortSignal => AbortSignal.timeout(20_000)
const test = suite<Ctx>('admin commands over the RPC')

async function rpc (api: string, path: string): Promise<{ status: number, body: any }> {
  const r = await request(`${api}/api/v0/${path}`, { method: 'POST' })
  return { status: r.status, body: r.text.trim() === '' ? undefined : JSON.parse(r.text.split('\n')[0]) }
}

test.before(async ctx => {
  ctx.gw = await startGateway({ gateway: false }, true)
  ctx.api = ctx.gw.gateway.apiUrl!
  ctx.ipfs = create({ url: `${ctx.api}/api/v0` })
})

test.after(async ctx => { await ctx.gw?.stop() })

test('config profile apply: --dry-run changes nothing; server, lowpower and test change what Kubo\'s change', async ({ ipfs, api }) => {
  const before = await ipfs.config.getAll({ signal: signal() })
  const dry = await ipfs.config.profiles.apply('server', { dryRun: true, signal: signal() })
  assert.equal(dry.original, before)
  const filters = (dry.updated as any).Swarm.AddrFilters as string[]
  assert.ok(filters.includes('/ip4/10.0.0.0/ipcidr/8') && filters.includes('/ip6/fe80::/ipcidr/10'), JSON.stringify(filters))
  assert.is((dry.updated as any).Discovery.MDNS.Enabled, false)
  assert.equal(await ipfs.config.getAll({ signal: signal() }), before, 'a dry run writes nothing')
  await ipfs.config.profiles.apply('server', { signal: signal() })
  assert.equal(await ipfs.config.get('Addresses.NoAnnounce', { signal: signal() }), filters)
  // local-discovery undoes it
  await ipfs.config.profiles.apply('local-discovery', { signal: signal() })
  assert.equal(await ipfs.config.get('Swarm.AddrFilters', { signal: signal() }), [])
  await ipfs.config.profiles.apply('lowpower', { signal: signal() })
  assert.is(await ipfs.config.get('Routing.Type', { signal: signal() }), 'autoclient')
  assert.is(await ipfs.config.get('Swarm.ConnMgr.HighWater', { signal: signal() }), 40)
  await ipfs.config.profiles.apply('randomports', { signal: signal() })
  const swarm = await ipfs.config.get('Addresses.Swarm', { signal: signal() }) as string[]
  assert.match(swarm[0], /^\/ip4\/0\.0\.0\.0\/tcp\/\d+$/)
  assert.is(swarm[1], swarm[0].replace('/ip4/0.0.0.0', '/ip6/::'))
  const unknown = await rpc(api, 'config/profile/apply?arg=flatfs')
  // the issue: bad arguments are 400, with Kubo's message
  assert.is(unknown.status, 400)
  assert.is(unknown.body.Message, 'flatfs is not a profile')
})

test('config replace keeps the identity; a private key or a broken file is refused', async ({ ipfs, api, gw }) => {
  const config = await ipfs.config.getAll({ signal: signal() }) as any
  const next = { ...config, Datastore: { ...config.Datastore, StorageMax: '42GB' }, Identity: { PeerID: '12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN' } }
  await ipfs.config.replace(next, { signal: signal() })
  const after = await ipfs.config.getAll({ signal: signal() }) as any
  assert.is(after.Datastore.StorageMax, '42GB')
  assert.is(after.Identity.PeerID, gw.node.peerId)
  let message = ''
  try {
    await ipfs.config.replace({ ...config, Identity: { PeerID: gw.node.peerId, PrivKey: 'CAESQ...' } }, { signal: signal() })
  } catch (err) {
    message = (err as Error).message
  }
  assert.is(message, 'setting private key with API is not supported')
  const boundary = 'b0undary'
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="config"\r\nContent-Type: application/octet-stream\r\n\r\n{not json\r\n--${boundary}--\r\n`
  const broken = await request(`${api}/api/v0/config/replace`, { method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body })
  assert.is(broken.status, 400)
  assert.is(JSON.parse(broken.text).Message, 'failed to decode file as config')
  assert.is((await ipfs.config.get('Datastore.StorageMax', { signal: signal() })), '42GB', 'nothing changed')
})

test('log level and ls, diag sys and cmds, commands: kubo-rpc-client\'s methods and Kubo\'s shapes', async ({ ipfs, api }) => {
  const subsystems = await ipfs.log.ls({ signal: signal() })
  assert.ok(subsystems.includes('cairn:node') && subsystems.includes('libp2p:*'), subsystems.join(','))
  const set = await ipfs.log.level('cairn:node', 'debug', { signal: signal() }) as { message?: string }
  assert.is(set.message, "Changed log level of 'cairn:node' to 'debug'\n")
  assert.equal((await rpc(api, 'log/level?arg=cairn:node')).body, { Levels: { 'cairn:node': 'debug' } })
  assert.equal((await rpc(api, 'log/level')).body, { Levels: { '(default)': 'error' } })
  await ipfs.log.level('cairn:node', 'default', { signal: signal() })
  assert.equal((await rpc(api, 'log/level?arg=cairn:node')).body, { Levels: { 'cairn:node': 'error' } })
  assert.is((await rpc(api, 'log/level?arg=cairn:node&arg=loud')).body.Message, 'unrecognized level: "loud"')
  const sys = await ipfs.diag.sys({ signal: signal() }) as any
  assert.equal(Object.keys(sys).sort(), ['diskinfo', 'environment', 'ipfs_commit', 'ipfs_version', 'memory', 'net', 'runtime'])
  assert.ok(sys.diskinfo.total_space > 0 && sys.diskinfo.free_space > 0)
  assert.is(sys.runtime.os, process.platform)
  assert.is(sys.net.online, false)
  // a request still running (an add whose upload has not ended) is listed as active, with its arguments
  const url = new URL(`${api}/api/v0/add?pin=false&cid-version=1`)
  const open = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' } })
  open.on('error', () => {})
  open.write('--xyz\r\nContent-Disposition: form-data; name="file"; filename="f"\r\nContent-Type: application/octet-stream\r\n\r\npartial')
  let cmds: any[] = []
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline && !cmds.some(c => c.Command === 'add' && c.Active === true)) {
    cmds = (await rpc(api, 'diag/cmds')).body
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  open.destroy()
  const running = cmds.find(c => c.Command === 'add')
  assert.ok(running?.Active === true, 'the add is listed as active')
  assert.equal(running.Options, { pin: 'false', 'cid-version': '1' })
  assert.ok(cmds.some(c => c.Command === 'log/level' && c.Active === false && c.EndTime !== '0001-01-01T00:00:00Z'), 'finished commands stay listed')
  const list = await ipfs.commands({ signal: signal() }) as any
  assert.is(list.Name, 'ipfs')
  const swarm = list.Subcommands.find((c: any) => c.Name === 'swarm')
  assert.ok(swarm.Subcommands.some((c: any) => c.Name === 'peering'), JSON.stringify(swarm))
  assert.ok(list.Subcommands.find((c: any) => c.Name === 'ping').Options.some((o: any) => o.Names[0] === 'count'))
})

test('Kubo\'s remaining endpoints: key/ls, diag/healthy, namespaces, CLI-only commands, update/*', async ({ ipfs, api }) => {
  // key/ls is key/list
  assert.equal((await rpc(api, 'key/ls')).body, (await rpc(api, 'key/list')).body)
  assert.equal((await rpc(api, 'key/ls')).body.Keys.map((k: any) => k.Name), ['self'])
  // the healthcheck resolves and fetches the empty directory, with no peers and no user content
  assert.equal(await rpc(api, 'diag/healthy'), { status: 200, body: 'ok' })
  // a namespace alone is go-ipfs-cmds' ErrNotCallable, a client error
  for (const ns of ['pin', 'swarm/peering', 'diag', 'pin/remote/service', 'diag/datastore']) {
    const r = await rpc(api, ns)
    assert.is(r.status, 400, ns)
    assert.equal(r.body, { Message: 'this command cannot be called directly; try one of its subcommands.', Code: 1, Type: 'error' }, ns)
  }
  // Kubo's NoRemote commands: its 404, with a message that says where they run
  for (const local of ['repo/migrate', 'diag/datastore/get?arg=/x', 'diag/datastore/count?arg=/', 'config/edit', 'key/rotate', 'files/chroot']) {
    const r = await rpc(api, local)
    assert.is(r.status, 404, local)
    assert.match(r.body.Message, /runs only on the command line .*with the daemon stopped/, local)
  }
  for (const upd of ['update', 'update/check', 'update/versions']) {
    const r = await rpc(api, upd)
    assert.is(r.status, 501, upd)
    assert.match(r.body.Message, /is not supported by Cairn/)
  }
  // still a 404 for a real typo
  assert.is((await rpc(api, 'pinn/ls')).status, 404)
  const tree = await ipfs.commands({ signal: signal() }) as any
  assert.ok(tree.Subcommands.find((c: any) => c.Name === 'key').Subcommands.some((c: any) => c.Name === 'ls'))
})

test('log tail streams the node\'s log lines as go-log JSON, at the levels log level set', async ({ api, ipfs }) => {
  assert.equal(await rpc(api, 'log/tail?log-level=loud'), { status: 400, body: { Message: 'setting log level loud: unrecognized level: "loud"', Code: 1, Type: 'error' } })
  await ipfs.log.level('cairn:gateway:rpc', 'error', { signal: signal() })
  const controller = new AbortController()
  const lines: any[] = []
  const url = new URL(`${api}/api/v0/log/tail?log-level=error`)
  const done = new Promise<void>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', signal: controller.signal }, res => {
      assert.is(res.statusCode, 200)
      let pending = ''
      res.on('data', (chunk: Buffer) => {
        pending += chunk.toString()
        const parts = pending.split('\n')
        pending = parts.pop() ?? ''
        for (const p of parts) lines.push(JSON.parse(p))
        if (lines.some(l => l.msg.includes('/api/v0/cat'))) resolve()
      })
    })
    req.on('error', err => { if (!controller.signal.aborted) reject(err) })
    req.end()
  })
  // a 5xx is logged at error level by the RPC; keep failing until the tail has seen one (it may attach late)
  const deadline = Date.now() + 15_000
  let seen = false
  done.then(() => { seen = true }, () => {})
  while (!seen && Date.now() < deadline) {
    assert.is((await request(`${api}/api/v0/cat?arg=QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn`, { method: 'POST' })).status, 500)
    await Promise.race([done, new Promise(resolve => setTimeout(resolve, 100))])
  }
  controller.abort()
  // kubo-rpc-client's log.tail reads the same lines as NDJSON
  const tailing = new AbortController()
  const fromClient = (async () => {
    try {
      for await (const l of ipfs.log.tail({ signal: tailing.signal }) as AsyncIterable<any>) {
        if (String(l.msg).includes('/api/v0/cat')) return l
      }
    } catch {}
    return undefined
  })()
  let clientLine: any
  const clientDeadline = Date.now() + 15_000
  while (clientLine == null && Date.now() < clientDeadline) {
    await request(`${api}/api/v0/cat?arg=QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn`, { method: 'POST' })
    clientLine = await Promise.race([fromClient, new Promise(resolve => setTimeout(resolve, 100))])
  }
  tailing.abort()
  assert.equal([clientLine?.level, clientLine?.logger], ['error', 'cairn:gateway:rpc'])
  await ipfs.log.level('cairn:gateway:rpc', 'default', { signal: signal() })
  assert.ok(seen, `no line about the failing call in ${JSON.stringify(lines)}`)
  const line = lines.find(l => l.msg.includes('/api/v0/cat'))
  assert.equal(Object.keys(line).sort(), ['level', 'logger', 'msg', 'ts'])
  assert.is(line.level, 'error')
  assert.is(line.logger, 'cairn:gateway:rpc')
  assert.ok(!Number.isNaN(Date.parse(line.ts)))
  assert.not.match(line.msg, /\u001b|\+\d+ms$/, 'debug\'s colours and timing are taken off')
})

test('diag/profile: a zip with version, sys, a V8 heap snapshot and a CPU profile; Kubo\'s collector names', async ({ api }) => {
  const r = await request(`${api}/api/v0/diag/profile?collectors=version,heap,cpu,goroutines-stack&profile-time=200ms`, { method: 'POST' })
  assert.is(r.status, 200)
  assert.is(r.headers['content-type'], 'application/zip')
  const files = unzipSync(new Uint8Array(r.body))
  assert.equal(Object.keys(files).sort(), ['cpu.cpuprofile', 'heap.heapsnapshot', 'sys.json', 'version.json'])
  assert.ok(typeof JSON.parse(Buffer.from(files['version.json']).toString()).version === 'string')
  assert.ok(Array.isArray(JSON.parse(Buffer.from(files['cpu.cpuprofile']).toString()).nodes))
  assert.ok(JSON.parse(Buffer.from(files['heap.heapsnapshot']).toString()).snapshot.node_count > 0)
  // profile-time 0 skips the sampling profile, as Kubo
  const quick = unzipSync(new Uint8Array((await request(`${api}/api/v0/diag/profile?collectors=version,cpu&profile-time=0`, { method: 'POST' })).body))
  assert.equal(Object.keys(quick).sort(), ['sys.json', 'version.json'])
  assert.equal(await rpc(api, 'diag/profile?collectors=nope'), { status: 400, body: { Message: "unknown collector 'nope'", Code: 1, Type: 'error' } })
})

test.run()
