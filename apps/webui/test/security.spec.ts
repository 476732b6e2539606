/**
 * A page on another origin, in the same browser as the Web UI, cannot drive the node's RPC: its
 * POSTs (fetch, no-cors fetch, a submitted form) are refused and change nothing, it cannot read an
 * answer or the Web UI's page, and it cannot frame the Web UI to steer clicks. The Web UI on its
 * own origin does the same call successfully (the control). With `API.Authorizations` set, the
 * page loads, asks for the secret, refuses a wrong one and works with the right one, even when a
 * refusal of the wrong one arrives after it.
 * @timeout-ms 180000
 */
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Browser, Route } from 'playwright-core'
import { launchBrowser } from './fixtures/browser.ts'
import { cairn, startDaemon, startTogether } from './fixtures/daemon.ts'
import type { Daemon } from './fixtures/daemon.ts'
import { openView } from './fixtures/page.ts'

const test = suite<{ dir: string, daemon: Daemon, browser: Browser, evil: Server, evilUrl: string }>('webui security')

/** The other origin's page: every way a page may try to reach the RPC */
function evilPage (api: string): string {
  return `<!doctype html><title>elsewhere</title>
<form id="f" method="POST" action="${api}/api/v0/files/mkdir?arg=/evil-form" target="sink"></form>
<iframe name="sink" id="sink"></iframe>
<iframe id="framed" src="${api}/webui/#/files"></iframe>
<script>
window.results = {}
const attempt = async (name, fn) => { try { results[name] = await fn() } catch (e) { results[name] = 'blocked: ' + e.name } }
document.getElementById('framed').addEventListener('load', () => { results.framedLoaded = true })
document.getElementById('sink').addEventListener('load', () => { results.formLoaded = true })
document.getElementById('f').submit()
;(async () => {
  await attempt('noCors', async () => { await fetch('${api}/api/v0/files/mkdir?arg=/evil-nocors', { method: 'POST', mode: 'no-cors' }); return 'sent' })
  await attempt('cors', async () => (await fetch('${api}/api/v0/files/mkdir?arg=/evil-cors', { method: 'POST' })).status)
  await attempt('readId', async () => (await fetch('${api}/api/v0/id', { method: 'POST' })).text())
  await attempt('readPage', async () => (await fetch('${api}/webui/')).text())
  results.done = true
})()
</script>`
}

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-webui-'))
  const [daemon, browser] = await startTogether([startDaemon(join(ctx.dir, 'repo')), launchBrowser()])
  ctx.daemon = daemon
  ctx.browser = browser
  ctx.evil = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(evilPage(daemon.apiUrl))
  })
  await new Promise<void>(resolve => { ctx.evil.listen(0, '127.0.0.1', resolve) })
  ctx.evilUrl = `http://127.0.0.1:${(ctx.evil.address() as { port: number }).port}/`
})

test.after(async (ctx) => {
  await ctx.browser?.close()
  await ctx.daemon?.stop()
  await new Promise<void>(resolve => { if (ctx.evil == null) resolve(); else ctx.evil.close(() => { resolve() }) })
  if (ctx.dir != null) await rm(ctx.dir, { recursive: true, force: true })
})

test('another origin cannot drive the RPC through the browser, nor frame the Web UI', async ({ daemon, browser, evilUrl }) => {
  const context = await browser.newContext()
  // the Web UI is open in the same browser (same cookies and cache, as a user would have it)
  const ui = await context.newPage()
  await ui.goto(`${daemon.apiUrl}/webui/#/files`)
  await ui.locator('[data-view="files"]').waitFor()

  const evil = await context.newPage()
  await evil.goto(evilUrl)
  await evil.waitForFunction('window.results.done === true && window.results.formLoaded === true && window.results.framedLoaded === true')
  const results = await evil.evaluate('window.results') as Record<string, unknown>
  assert.is(results.noCors, 'sent', 'an opaque request leaves the page, and must be refused by the RPC')
  assert.match(String(results.cors), /^blocked/)
  assert.match(String(results.readId), /^blocked/)
  assert.match(String(results.readPage), /^blocked/)
  // the framed Web UI never ran: Chromium shows its error page instead (frame-ancestors 'none')
  const framed = evil.frames().filter(f => f !== evil.mainFrame() && f.name() !== 'sink')
  assert.is(framed.length, 1)
  assert.is(await framed[0].locator('nav[aria-label="Views"]').count(), 0)

  // the control: the Web UI on its own origin makes the same kind of call
  await ui.getByRole('button', { name: 'New folder' }).click()
  await ui.getByLabel('Folder name').fill('made-by-the-ui')
  await ui.getByRole('button', { name: 'Create' }).click()
  await ui.locator('.entry[data-name="made-by-the-ui"]').waitFor()

  const listed = await cairn(daemon.repo, ['files', 'ls', '/'])
  assert.match(listed, 'made-by-the-ui')
  assert.not.match(listed, /evil/)
  await context.close()
})

test('with API.Authorizations, the page asks for the secret and refuses a wrong one', async ({ dir, browser }) => {
  const secret = 'bearer:webui-test-secret'
  const locked = await startDaemon(join(dir, 'locked'), [
    ['API.Authorizations', JSON.stringify({ webui: { AuthSecret: secret, AllowedPaths: ['/api/v0'] } })]
  ])
  try {
    assert.is((await fetch(`${locked.apiUrl}/api/v0/id`, { method: 'POST' })).status, 403)
    const page = await browser.newPage()
    // The Status view's bandwidth poll, sent with the wrong secret, is held in the browser until
    // the right one is in: on a loaded machine its 403 can land after the user unlocked, and it
    // used to wipe the right secret and bring the login back.
    const held: Route[] = []
    await page.route('**/api/v0/stats/bw*', async route => {
      if (route.request().headers().authorization === 'Bearer wrong') held.push(route)
      else await route.continue()
    })
    await page.goto(`${locked.apiUrl}/webui/`)
    const field = page.getByLabel(/^Secret/)
    await field.fill('bearer:wrong')
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByText('That secret was refused.').waitFor()
    for (const deadline = Date.now() + 30_000; held.length === 0;) {
      if (Date.now() > deadline) throw new Error('the bandwidth poll with the wrong secret never left the page')
      await new Promise(resolve => { setTimeout(resolve, 50) })
    }
    await field.fill(secret)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByTestId('peer-id').filter({ hasText: locked.peerId }).waitFor()
    // the stale refusals arrive now, then the page is used: it is still unlocked
    await Promise.all(held.map(async route => {
      await route.continue()
      assert.is((await route.request().response())?.status(), 403)
    }))
    await openView(page, 'Pins')
    await page.locator('[data-view="pins"] .entry.pin').or(page.getByText('Nothing pinned here.')).first().waitFor()
    assert.is(await page.evaluate('sessionStorage.getItem("cairn-webui-secret")'), secret)
    await page.close()
    // opened on Files while locked, the page asked for the gateway's address and was refused: once
    // unlocked it asks again (it used to remember "no gateway" and offer no download)
    const files = await browser.newPage()
    await files.goto(`${locked.apiUrl}/webui/#/files`)
    await files.getByLabel(/^Secret/).fill(secret)
    await files.getByRole('button', { name: 'Unlock' }).click()
    await files.getByRole('button', { name: 'New folder' }).click()
    await files.getByLabel('Folder name').fill('after-unlock')
    await files.getByRole('button', { name: 'Create' }).click()
    await files.locator('.entry[data-name="after-unlock"]').getByRole('button').click()
    assert.match(await files.getByTestId('download').getAttribute('href') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/ipfs\/\w+\?format=tar/)
    await files.close()
  } finally {
    await locked.stop()
  }
})

test.run()
