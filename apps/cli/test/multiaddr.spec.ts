import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { multiaddrToHostPort, multiaddrToUrl } from '../src/multiaddr.ts'
import { urlToMultiaddr } from '../src/commands/daemon.ts'

const test = suite('multiaddr')

test('RPC and gateway addresses', () => {
  assert.equal(multiaddrToHostPort('/ip4/127.0.0.1/tcp/5001'), { host: '127.0.0.1', port: 5001 })
  assert.is(multiaddrToUrl('/ip4/127.0.0.1/tcp/0'), 'http://127.0.0.1:0')
  assert.is(multiaddrToUrl('/ip6/::1/tcp/8080'), 'http://[::1]:8080')
  assert.is(multiaddrToUrl('/dns4/localhost/tcp/5001'), 'http://localhost:5001')
})

test('the api file\'s usual shape is read without the library, with the same answers', () => {
  for (const [address, host, port] of [['/ip4/0.0.0.0/tcp/65535', '0.0.0.0', 65535], ['/ip4/255.255.255.255/tcp/1', '255.255.255.255', 1]] as const) {
    assert.equal(multiaddrToHostPort(address), { host, port })
  }
  // not that shape: the library decides, and refuses what is wrong
  for (const bad of ['/ip4/256.0.0.1/tcp/1', '/ip4/127.0.0.1/tcp/65536', '/ip4/127.0.0.1/tcp/', '/ip4/1.2.3/tcp/5']) {
    assert.throws(() => multiaddrToHostPort(bad), (e: any) => e.code === 'ERR_INVALID_PARAMETERS', bad)
  }
})

test('bad or portless addresses are InvalidParametersError', () => {
  assert.throws(() => multiaddrToHostPort('not-an-addr'), (e: any) => e.code === 'ERR_INVALID_PARAMETERS')
  assert.throws(() => multiaddrToHostPort('/ip4/127.0.0.1/udp/1'), (e: any) => e.code === 'ERR_INVALID_PARAMETERS')
})

test('gateway URL back to a multiaddr', () => {
  assert.is(urlToMultiaddr('http://127.0.0.1:8080'), '/ip4/127.0.0.1/tcp/8080')
  assert.is(urlToMultiaddr('http://[::1]:81'), '/ip6/::1/tcp/81')
  assert.is(urlToMultiaddr('http://localhost'), '/dns/localhost/tcp/80')
})

test.run()
