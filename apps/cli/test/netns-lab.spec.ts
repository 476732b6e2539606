/**
 * The netns lab itself (fixtures/netns.ts): a home host reaches the Internet only through its
 * router's NAT, an endpoint-independent NAT keeps one mapping (and the port) whatever the peer,
 * a symmetric one gives each peer its own random port, nothing on the Internet can open a
 * connection into a home, a shaped lab limits both directions of every link to inet, and a lab
 * left behind by a killed process is removed by the next one.
 * @timeout-ms 300000
 */
import { spawn } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT } from './fixtures/cli.ts'
import { NS_PREFIX, createLab, removeStaleLabs } from './fixtures/netns.ts'
import type { Lab, LabHost } from './fixtures/netns.ts'

const test = suite<{ lab?: Lab }>('netns lab')

/** Port the probe servers listen on, and the port the home's client binds */
const SERVER_PORT = 7000
const CLIENT_PORT = 6000
const PROBE_TIMEOUT_MS = 20_000

/** A server that prints `tcp|udp <ip>:<port>` of whoever reaches it, started in a namespace */
function probeServer (lab: Lab, host: LabHost): { ready: Promise<void>, seen: () => string[], stop: () => void } {
  const script = `
    const net = require('node:net'), dgram = require('node:dgram')
    const tcp = net.createServer(c => { console.log('tcp ' + c.remoteAddress + ':' + c.remotePort); c.end('ok') })
    const udp = dgram.createSocket('udp4')
    udp.on('message', (m, r) => { console.log('udp ' + r.address + ':' + r.port); udp.send('ok', r.port, r.address) })
    let n = 0; const up = () => { if (++n === 2) console.log('listening') }
    tcp.listen(${SERVER_PORT}, '${host.ip}', up); udp.bind(${SERVER_PORT}, '${host.ip}', up)`
  const child = spawn('ip', ['netns', 'exec', host.ns, process.execPath, '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`probe server in ${host.ns} not listening: ${out}`)) }, PROBE_TIMEOUT_MS)
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('listening')) { clearTimeout(timer); resolve() }
    })
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`probe server exited ${code}`)) })
  })
  return { ready, seen: () => out.split('\n').filter(l => l.startsWith('tcp') || l.startsWith('udp')), stop: () => child.kill('SIGKILL') }
}

/**
 * From `from`, one TCP connection and one UDP datagram from local port CLIENT_PORT to each
 * target (UDP from one socket, so an endpoint-independent NAT can keep one mapping). Prints
 * `ok`/`fail` per target and protocol.
 */
async function probe (lab: Lab, from: LabHost, targets: string[]): Promise<string[]> {
  const script = `
    const net = require('node:net'), dgram = require('node:dgram')
    const targets = ${JSON.stringify(targets)}
    const tcp = (ip) => new Promise(res => {
      const c = net.connect({ host: ip, port: ${SERVER_PORT}, localPort: ${CLIENT_PORT}, timeout: 3000 })
      c.on('data', () => { c.destroy(); res('ok') }); c.on('timeout', () => { c.destroy(); res('fail') }); c.on('error', () => res('fail'))
    })
    const udp = dgram.createSocket('udp4')
    const udpProbe = (ip) => new Promise(res => {
      const t = setTimeout(() => { udp.off('message', on); res('fail') }, 3000)
      const on = (m, r) => { if (r.address === ip) { clearTimeout(t); udp.off('message', on); res('ok') } }
      udp.on('message', on); udp.send('hi', ${SERVER_PORT}, ip)
    })
    udp.bind(${CLIENT_PORT}, async () => {
      for (const ip of targets) {
        console.log('tcp ' + ip + ' ' + await tcp(ip))
        console.log('udp ' + ip + ' ' + await udpProbe(ip))
      }
      udp.close()
    })`
  const out = await lab.exec(from.ns, process.execPath, ['-e', script])
  return out.trim().split('\n')
}

test.before(async (ctx) => {
  ctx.lab = await createLab({ publicHosts: 3, homes: ['eim', 'symmetric'] })
})

test.after(async (ctx) => {
  await ctx.lab?.teardown()
})

test('addresses: public hosts each in their own /8, homes on private ranges behind their router', async ({ lab }) => {
  const { publicHosts, homes } = lab!
  assert.equal(new Set(publicHosts.map(h => h.ip.split('.')[0])).size, publicHosts.length)
  for (const h of homes) assert.match(h.ip, /^192\.168\.\d+\.2$/)
  const addrs = await lab!.exec(homes[0].ns, 'ip', ['-4', '-o', 'addr', 'show'])
  assert.ok(addrs.includes(homes[0].ip) && !addrs.includes(homes[0].wanIp), addrs)
})

test('an endpoint-independent NAT: one public address and port for every peer, no way in', async ({ lab }) => {
  const [p0, p1, p2] = lab!.publicHosts
  const home = lab!.homes[0]
  const servers = [probeServer(lab!, p0), probeServer(lab!, p1)]
  try {
    await Promise.all(servers.map(async s => s.ready))
    const results = await probe(lab!, home, [p0.ip, p1.ip])
    assert.equal(results, [`tcp ${p0.ip} ok`, `udp ${p0.ip} ok`, `tcp ${p1.ip} ok`, `udp ${p1.ip} ok`])
    // both servers saw the router's WAN address and the home's own port (mapping kept, port preserved)
    for (const s of servers) assert.equal(s.seen().sort(), [`tcp ${home.wanIp}:${CLIENT_PORT}`, `udp ${home.wanIp}:${CLIENT_PORT}`])
  } finally {
    servers.forEach(s => { s.stop() })
  }
  // unsolicited: a public host cannot reach the home, neither at its private address nor the router's
  const inbound = probeServer(lab!, { ...home, ip: '0.0.0.0' })
  try {
    await inbound.ready
    const results = await probe(lab!, p2, [home.ip, home.wanIp])
    assert.ok(results.every(r => r.endsWith('fail')), results.join('\n'))
    assert.equal(inbound.seen(), [])
  } finally {
    inbound.stop()
  }
})

test('a symmetric NAT: each peer sees its own random port', async ({ lab }) => {
  const [p0, p1] = lab!.publicHosts
  const home = lab!.homes[1]
  const servers = [probeServer(lab!, p0), probeServer(lab!, p1)]
  try {
    await Promise.all(servers.map(async s => s.ready))
    const results = await probe(lab!, home, [p0.ip, p1.ip])
    assert.ok(results.every(r => r.endsWith(' ok')), results.join('\n'))
    const udpPorts = servers.map(s => {
      const line = s.seen().find(l => l.startsWith('udp '))
      assert.ok(line?.startsWith(`udp ${home.wanIp}:`), line)
      return Number(line!.split(':')[1])
    })
    // the same inside socket got two different outside ports: a port learnt from one peer is useless to another
    assert.is.not(udpPorts[0], udpPorts[1])
  } finally {
    servers.forEach(s => { s.stop() })
  }
})

test('a shaped lab: both ends of every link to inet hold the rate, and traffic each way passes through it', async () => {
  const shaped = await createLab({ publicHosts: 2, homes: ['eim'], link: { mbit: 20 } })
  try {
    const [p0, p1] = shaped.publicHosts
    const home = shaped.homes[0]
    // upload of each host is its own end's egress, download the egress of inet's end
    const ends: Array<[string, string]> = [[p0.ns, 'eth0'], [`${shaped.id}-inet`, 'p0'], [p1.ns, 'eth0'], [`${shaped.id}-inet`, 'p1'], [home.routerNs, 'wan0'], [`${shaped.id}-inet`, 'w0']]
    for (const [ns, dev] of ends) {
      assert.match(await shaped.exec(ns, 'tc', ['class', 'show', 'dev', dev]), /class htb 1:1 root .*rate 20Mbit ceil 20Mbit/, `${ns} ${dev}`)
    }
    // 1 MiB from p0 to p1 and echoed back: it crosses p0's upload and download, and p1's
    const size = 1 << 20
    const server = spawn('ip', ['netns', 'exec', p1.ns, process.execPath, '-e',
      `require('node:net').createServer(c => c.pipe(c)).listen(${SERVER_PORT}, '${p1.ip}', () => console.log('listening'))`], { stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => { reject(new Error('echo server not listening')) }, PROBE_TIMEOUT_MS)
        server.stdout.on('data', () => { clearTimeout(timer); resolve() })
      })
      const echoed = await shaped.exec(p0.ns, process.execPath, ['-e', `
        const c = require('node:net').connect(${SERVER_PORT}, '${p1.ip}')
        let n = 0
        c.on('data', d => { n += d.length; if (n >= ${size}) { console.log(n); c.destroy() } })
        c.end(Buffer.alloc(${size}, 7))`])
      assert.is(Number(echoed.trim()), size)
    } finally {
      server.kill('SIGKILL')
    }
    const sent = async (ns: string, dev: string): Promise<number> =>
      Number(/Sent (\d+) bytes/.exec(await shaped.exec(ns, 'tc', ['-s', 'class', 'show', 'dev', dev]))?.[1] ?? 0)
    for (const [ns, dev] of ends.slice(0, 4)) assert.ok(await sent(ns, dev) >= size, `${ns} ${dev} sent ${await sent(ns, dev)} bytes through its rate limit`)
  } finally {
    await shaped.teardown()
  }
})

test('a lab whose process was killed is removed by the next one', async () => {
  // a child process builds a lab and is SIGKILLed before its teardown or exit hook can run
  const script = `
    import { createLab } from './apps/cli/test/fixtures/netns.ts'
    const lab = await createLab({ publicHosts: 1, homes: ['eim'] })
    console.log(lab.id)
    setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['--conditions=development', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const id = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error('the child made no lab')) }, 60_000)
    child.stdout.on('data', (d: Buffer) => { clearTimeout(timer); resolve(d.toString().trim()) })
  })
  const exited = new Promise(resolve => child.on('exit', resolve))
  child.kill('SIGKILL')
  await exited
  const list = (): string[] => execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').map(l => l.split(' ')[0]).filter(n => n.startsWith(`${id}-`))
  // the killed lab is still there (inet, one public host, one router, one home), unless another
  // test process that made a lab just now already removed it
  const left = list().sort()
  assert.ok(left.length === 0 || left.join(' ') === `${id}-h0 ${id}-inet ${id}-p0 ${id}-r0`, left.join(' '))
  const removed = await removeStaleLabs()
  assert.ok(removed.every(n => !n.startsWith(`${NS_PREFIX}${process.pid}-`)), 'a live lab was removed')
  assert.equal(list(), [])
})

test.run()
