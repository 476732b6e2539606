import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { PassThrough } from 'node:stream'
import { createPrinter, toJson } from '../src/print.ts'

const test = suite('print')

function capture (isTTY = false): { stream: PassThrough & { isTTY?: boolean }, text: () => string } {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean }
  stream.isTTY = isTTY
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => { chunks.push(c) })
  return { stream, text: () => Buffer.concat(chunks).toString() }
}

test('lines and JSON go to stdout, notices to stderr', async () => {
  const out = capture()
  const err = capture()
  const p = createPrinter({ stdout: out.stream, stderr: err.stream, enc: 'json' })
  p.line('hello')
  p.json({ a: 1n, b: 'x' })
  p.jsonIndented({ ID: 'x' })
  p.notice('careful')
  await p.bytes(new Uint8Array([65, 66]))
  await p.flush()
  assert.is(out.text(), 'hello\n{"a":1,"b":"x"}\n{\n\t"ID": "x"\n}\nAB')
  assert.is(err.text(), 'careful\n')
  assert.is(p.enc, 'json')
})

test('no progress bar when stderr is not a terminal', async () => {
  const out = capture()
  const err = capture(false)
  const p = createPrinter({ stdout: out.stream, stderr: err.stream })
  const bar = p.progress(100)
  bar.update(50)
  bar.stop()
  await p.flush()
  assert.is(err.text(), '')
})

test('a progress bar on a terminal, cleared around lines', async () => {
  const out = capture()
  const err = capture(true)
  const p = createPrinter({ stdout: out.stream, stderr: err.stream })
  const bar = p.progress(2048)
  bar.update(1024)
  p.line('added x')
  bar.stop()
  await p.flush()
  assert.match(err.text(), /1\.00 KiB \/ 2\.00 KiB/)
  assert.match(err.text(), /\u001b\[2K/)
  assert.is(out.text(), 'added x\n')
})

test('a status line rewrites itself on a terminal and says nothing when piped', async () => {
  for (const tty of [true, false]) {
    const out = capture()
    const err = capture(tty)
    const p = createPrinter({ stdout: out.stream, stderr: err.stream })
    p.status('Fetched/Processed 1 nodes')
    p.status('Fetched/Processed 2 nodes')
    p.endStatus()
    await p.flush()
    assert.is(err.text(), tty ? '\r\u001b[2KFetched/Processed 1 nodes\r\u001b[2KFetched/Processed 2 nodes\n' : '')
  }
})

test('toJson writes bigints as numbers', () => {
  assert.is(toJson({ n: 5n }), '{"n":5}')
})

test.run()
