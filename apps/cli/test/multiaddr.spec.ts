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
