import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createToken, listTokens, revokeToken, tokensPath } from '../src/index.ts'
import { createTokenVerifier } from '../src/tokens.ts'

const test = suite<{ dir: string }>('tokens', { dir: '' })

async function rejects (p: Promise<unknown>, check: (err: Error) => boolean): Promise<void> {
  try {
    await p
  } catch (err) {
    assert.ok(check(err as Error), String(err))
    return
  }
  assert.unreachable('resolved')
}

test.before.each(async (ctx) => { ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-tokens-')) })
test.after.each(async (ctx) => { await rm(ctx.dir, { recursive: true, force: true }) })

test('a token is stored as its SHA-256 only, listed without secrets, verified and revoked', async (ctx) => {
  const verifier = createTokenVerifier(ctx.dir)
  assert.is(await verifier.verify('anything'), undefined, 'no file: nothing verifies')
  const { token, info } = await createToken(ctx.dir, { name: 'laptop', maxPins: 5 })
  assert.match(token, /^cairn-pst-[A-Za-z0-9_-]{43}$/)
  const file = await readFile(tokensPath(ctx.dir), 'utf8')
  assert.not.ok(file.includes(token.slice(10)))
  assert.equal(await listTokens(ctx.dir), [info])
  assert.is(info.maxPins, 5)
  assert.is((await verifier.verify(token))?.id, info.id)
  assert.is(await verifier.verify(token + 'x'), undefined)
  assert.is(await verifier.verify(''), undefined)
  await revokeToken(ctx.dir, 'laptop')
  assert.is(await verifier.verify(token), undefined, 'the verifier saw the file change')
  assert.equal(await listTokens(ctx.dir), [])
})

test('names are unique and checked; quotas are whole numbers; unknown revokes say so', async (ctx) => {
  await createToken(ctx.dir, { name: 'a' })
  await rejects(createToken(ctx.dir, { name: 'a' }), (err: Error) => err.name === 'TokenExistsError')
  await rejects(createToken(ctx.dir, { name: 'has space' }), (err: Error) => err.name === 'InvalidParametersError')
  await rejects(createToken(ctx.dir, { name: 'q', maxBytes: -1 }), (err: Error) => err.name === 'InvalidParametersError')
  await rejects(revokeToken(ctx.dir, 'nobody'), (err: Error) => err.name === 'NotFoundError' && err.message === "no token named 'nobody'")
  const two = await createToken(ctx.dir)
  assert.match(two.info.name, /^token-[0-9a-f]{8}$/)
  await revokeToken(ctx.dir, two.info.id)
  assert.is((await listTokens(ctx.dir)).length, 1)
})

test.run()
