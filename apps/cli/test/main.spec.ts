import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { PassThrough } from 'node:stream'
import { run } from '../src/main.ts'

const test = suite('run')

async function cli (argv: string[], cwd = '/'): Promise<{ code: number, out: string, err: string, backendLoaded: boolean }> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (d: Buffer) => out.push(d))
  stderr.on('data', (d: Buffer) => err.push(d))
  let backendLoaded = false
  const code = await run({
    env: { CAIRN_PATH: '/nonexistent/cairn-repo' },
    argv,
    stdout,
    stderr,
    stdin: (async function * () {})(),
    cwd,
    // usage errors must be caught before the node is ever loaded
    loadBackend: async () => { backendLoaded = true; throw new Error('the backend was loaded') }
  })
  return { code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString(), backendLoaded }
}

test('usage errors: one line, exit 1 as Kubo (an unknown command too), the node never loaded', async () => {
  const cases: Array<[string[], string]> = [
    [['ad', 'x'], "Error: unknown command 'ad' (Did you mean one of add, id?)\n"],
    [['add', '--pinn', 'x'], "Error: unknown option '--pinn'\n"],
    [['cat'], "Error: missing required argument 'ipfs-path'\n"],
    [['get', 'a', 'b'], "Error: too many arguments for 'get'. Expected 1 argument but got 2: a, b.\n"],
    [['block', 'get', 'nope'], 'Error: invalid CID "nope": not a CID in base32, base36 or base58btc\n'],
    [['ls', 'QmNope/x'], 'Error: invalid path "QmNope/x": "QmNope" is not a CID\n'],
    [['add', '--cid-version=2', 'x'], "Error: --cid-version must be 0 or 1, not '2'\n"],
    [['--timeout=soon', 'id'], "Error: invalid duration 'soon': use a Go duration such as 30s or 1m30s\n"],
    [['frobnicate'], "Error: unknown command 'frobnicate'\n"],
    [['--enc=xml', 'id'], "Error: unsupported encoding 'xml': use text or json\n"],
    [['add', 'tmp'], "Error: tmp is a directory, use the '-r' flag to specify directories\n"]
  ]
  for (const [argv, line] of cases) {
    const r = await cli(argv)
    assert.is(r.err, line, argv.join(' '))
    assert.is(r.code, 1, argv.join(' '))
    assert.is(r.out, '')
    assert.not.ok(r.backendLoaded, argv.join(' '))
  }
})

test('help goes to stdout and exits 0; no command prints help', async () => {
  const help = await cli(['--help'])
  assert.is(help.code, 0)
  assert.match(help.out, /^Usage: cairn \[options\] \[command\]/)
  assert.match(help.out, /--enc=<text\|json>/)
  const bare = await cli([])
  assert.is(bare.code, 0)
  assert.match(bare.out, /Commands:/)
})

test('a failing backend is one line with the exit code of its error', async () => {
  const r = await cli(['repo', 'stat'])
  assert.is(r.code, 1)
  assert.is(r.err, 'Error: the backend was loaded\n')
  assert.ok(r.backendLoaded)
})

test.run()
