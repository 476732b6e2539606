/**
 * The Web UI in a real headless Chromium against a real `cairn daemon`: the page is served at
 * /webui, Status shows the node, and the Files view uploads a folder through the file picker with
 * the CIDs `cairn add -r` gives, downloads it back (tar) and a file byte-identical, pins and
 * unpins. Screenshots of Status and Files are taken on the way.
 * @timeout-ms 240000
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './fixtures/browser.ts'
import { cairn, startDaemon, startTogether } from './fixtures/daemon.ts'
import type { Daemon } from './fixtures/daemon.ts'
import { openView, screenshot, withState } from './fixtures/page.ts'

const execFileP = promisify(execFile)
interface Ctx { dir: string, daemon: Daemon, browser: Browser, page: Page }
const test = suite<Ctx>('webui files')

/** The folder to upload: nested, a multi-chunk file (300 KiB > one 256 KiB chunk), an empty file */
const TREE: Record<string, Buffer> = {
  'album/readme.txt': Buffer.from('hello from the web ui\n'),
  'album/empty.txt': Buffer.alloc(0),
  'album/photos/big.bin': randomBytes(300 * 1024),
  'album/photos/deeper/note.md': Buffer.from('# a note\n')
}

/** A test that prints the page and the daemons' last lines when it fails */
const shown = (handler: (ctx: Ctx) => Promise<void>): (ctx: Ctx) => Promise<void> =>
  withState(ctx => ({ pages: [ctx.page], daemons: [ctx.daemon] }), handler)

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-webui-'))
  for (const [path, bytes] of Object.entries(TREE)) {
    await mkdir(join(ctx.dir, 'src', path, '..'), { recursive: true })
    await writeFile(join(ctx.dir, 'src', path), bytes)
  }
  const [daemon, browser] = await startTogether([startDaemon(join(ctx.dir, 'repo')), launchBrowser()])
  ctx.daemon = daemon
  ctx.browser = browser
  ctx.page = await browser.newPage({ viewport: { width: 1200, height: 850 }, acceptDownloads: true })
})

test.after(async (ctx) => {
  await ctx.browser?.close()
  await ctx.daemon?.stop()
  if (ctx.dir != null) await rm(ctx.dir, { recursive: true, force: true })
})

test('the daemon serves the page at /webui with a strict policy', shown(async ({ daemon }) => {
  const res = await fetch(`${daemon.apiUrl}/webui`, { redirect: 'manual' })
  assert.is(res.status, 301)
  assert.is(res.headers.get('location'), '/webui/')
  const page = await fetch(`${daemon.apiUrl}/webui/`)
  assert.is(page.status, 200)
  assert.match(page.headers.get('content-type') ?? '', /text\/html/)
  assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/)
  assert.match(await page.text(), /<script type="module" src="app.js">/)
  const js = await fetch(`${daemon.apiUrl}/webui/app.js`)
  assert.is(js.status, 200)
  assert.not.match(await js.text(), /https?:\/\/(?!www\.w3\.org)[a-z]/i, 'the bundle loads nothing from elsewhere')
  assert.is((await fetch(`${daemon.apiUrl}/webui/nope.js`)).status, 404)
  assert.is((await fetch(`${daemon.apiUrl}/webui/`, { method: 'POST' })).status, 405)
}))

test('Status shows the node', shown(async ({ daemon, page }) => {
  await page.goto(`${daemon.apiUrl}/webui/`)
  await page.getByTestId('peer-id').filter({ hasText: daemon.peerId }).waitFor()
  assert.match(await page.getByTestId('agent').innerText(), /cairn/i)
  await page.getByTestId('uptime').filter({ hasText: /\d+ s|min/ }).waitFor()
  await page.getByTestId('repo-size').filter({ hasText: /B/ }).waitFor()
  assert.is(await page.title(), 'Status · Cairn')
  await screenshot(page, 'status', true)
}))

test('Files uploads a folder by the file picker with the CIDs of `cairn add -r`', shown(async ({ dir, daemon, page }) => {
  await openView(page, 'Files')
  await page.getByTestId('folder-input').setInputFiles(join(dir, 'src', 'album'))
  const row = page.locator('.entry[data-name="album"]')
  await row.waitFor({ timeout: 60_000 })
  // what `cairn add -r` says for the same folder, every file and folder
  const added = (await cairn(daemon.repo, ['add', '-r', '--only-hash', join(dir, 'src', 'album')])).trim().split('\n')
  const expected = new Map(added.map(line => { const [, cid, path] = /^added (\S+) (.+)$/.exec(line)!; return [path, cid] }))
  assert.is(expected.size, 7)
  await row.getByRole('button').click()
  assert.is(await page.getByTestId('selected-cid').innerText(), expected.get('album'))
  // each entry inside, as listed by the page
  const seen = new Map<string, string>()
  for (const folder of ['album', 'album/photos', 'album/photos/deeper']) {
    await page.goto(`${daemon.apiUrl}/webui/#/files/${folder}`)
    const listed = page.locator(`[data-loaded-path="/${folder}"] .entry`)
    await listed.first().waitFor()
    for (const entry of await listed.all()) {
      seen.set(`${folder}/${await entry.getAttribute('data-name')}`, await entry.getByTestId('cid').getAttribute('title') ?? '')
    }
  }
  seen.set('album', expected.get('album')!)
  assert.equal(Object.fromEntries([...seen].sort()), Object.fromEntries([...expected].sort()))
  await page.goto(`${daemon.apiUrl}/webui/#/files/album`)
  await page.locator('.entry[data-name="photos"]').getByRole('button').click()
  await page.locator('.upload').first().waitFor().catch(() => {})
  await screenshot(page, 'files', true)
}))

test('Files downloads a file and a folder (tar) byte-identical', shown(async ({ dir, daemon, page }) => {
  await page.goto(`${daemon.apiUrl}/webui/#/files/album/photos`)
  await page.locator('.entry[data-name="big.bin"]').getByRole('button').click()
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()])
  assert.is(file.suggestedFilename(), 'big.bin')
  await file.saveAs(join(dir, 'big.bin'))
  assert.ok((await readFile(join(dir, 'big.bin'))).equals(TREE['album/photos/big.bin']))

  await page.goto(`${daemon.apiUrl}/webui/#/files/`)
  await page.locator('.entry[data-name="album"]').getByRole('button').click()
  const [tar] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()])
  assert.is(tar.suggestedFilename(), 'album.tar')
  await tar.saveAs(join(dir, 'album.tar'))
  await mkdir(join(dir, 'out'))
  await execFileP('tar', ['-xf', join(dir, 'album.tar'), '-C', join(dir, 'out')])
  // the tar's top entry is named by the CID, as Kubo's gateway names it
  const cid = (await page.getByTestId('selected-cid').innerText()).trim()
  for (const [path, bytes] of Object.entries(TREE)) {
    const got = await readFile(join(dir, 'out', cid, path.slice('album/'.length)))
    assert.ok(got.equals(bytes), `${path} differs`)
  }
}))

test('Files pins and unpins', shown(async ({ daemon, page }) => {
  await page.goto(`${daemon.apiUrl}/webui/#/files/`)
  await page.locator('.entry[data-name="album"]').getByRole('button').click()
  const cid = (await page.getByTestId('selected-cid').innerText()).trim()
  await page.getByTestId('pin').click()
  await page.getByTestId('pin-state').filter({ hasText: 'recursive' }).waitFor()
  assert.match(await cairn(daemon.repo, ['pin', 'ls', '--type=recursive']), cid)
  await page.getByTestId('unpin').click()
  await page.getByTestId('pin').waitFor()
  assert.not.match(await cairn(daemon.repo, ['pin', 'ls', '--type=recursive']), cid)
}))

test('Files uploads dropped files, and lists a 2,000-entry folder drawing only the rows in view', shown(async ({ dir, daemon, page }) => {
  await page.goto(`${daemon.apiUrl}/webui/#/files/`)
  await page.locator('[data-loaded-path="/"]').waitFor()
  // a drop of two files, as the browser delivers it
  await page.evaluate(`(() => {
    const data = new DataTransfer()
    data.items.add(new File(['dropped one\\n'], 'dropped-1.txt'))
    data.items.add(new File(['dropped two\\n'], 'dropped-2.txt'))
    document.querySelector('[data-view="files"]').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
  })()`)
  await page.locator('.entry[data-name="dropped-2.txt"]').waitFor()
  await writeFile(join(dir, 'dropped-1.txt'), 'dropped one\n')
  const expected = (await cairn(daemon.repo, ['add', '-Q', '--only-hash', join(dir, 'dropped-1.txt')])).trim()
  assert.is(await page.locator('.entry[data-name="dropped-1.txt"]').getByTestId('cid').getAttribute('title'), expected)

  const many = join(dir, 'many')
  await mkdir(many)
  await Promise.all(Array.from({ length: 2000 }, (_, i) => writeFile(join(many, `f-${String(i).padStart(4, '0')}.txt`), `${i}\n`)))
  const root = (await cairn(daemon.repo, ['add', '-r', '-Q', '--pin=false', many])).trim()
  await cairn(daemon.repo, ['files', 'cp', `/ipfs/${root}`, '/many'])
  await page.goto(`${daemon.apiUrl}/webui/#/files/many`)
  const list = page.getByRole('grid', { name: 'Contents of /many' })
  await page.locator('[data-loaded-path="/many"] .entry').first().waitFor()
  assert.is(await list.getAttribute('aria-rowcount'), '2000')
  const drawn = await page.locator('.vrow').count()
  assert.ok(drawn > 5 && drawn < 100, `${drawn} rows in the DOM for 2,000 entries`)
  await page.evaluate('document.querySelector(".vlist").scrollTop = 1e9')
  await page.locator('.entry[data-name="f-1999.txt"]').waitFor()
  assert.ok(await page.locator('.vrow').count() < 100)
}))

test('Files makes a folder, renames, moves and deletes, as the CLI then sees', shown(async ({ daemon, page }) => {
  await page.goto(`${daemon.apiUrl}/webui/#/files/`)
  await page.locator('[data-loaded-path="/"]').waitFor()
  page.on('dialog', dialog => { void dialog.accept() })
  await page.getByRole('button', { name: 'New folder' }).click()
  await page.getByLabel('Folder name').fill('inbox')
  await page.getByRole('button', { name: 'Create' }).click()
  await page.locator('.entry[data-name="inbox"]').waitFor()
  // rename dropped-2.txt to renamed.txt, then move it into inbox/
  await page.locator('.entry[data-name="dropped-2.txt"]').getByRole('button').click()
  await page.getByRole('button', { name: 'Rename' }).click()
  await page.getByLabel('New name').fill('renamed.txt')
  await page.getByRole('button', { name: 'Rename', exact: true }).last().click()
  await page.locator('.entry[data-name="renamed.txt"]').waitFor()
  await page.locator('.entry[data-name="renamed.txt"]').getByRole('button').click()
  await page.getByRole('button', { name: 'Move' }).click()
  await page.getByLabel(/New path/).fill('/inbox/')
  await page.getByRole('button', { name: 'Move', exact: true }).last().click()
  await page.locator('.entry[data-name="renamed.txt"]').waitFor({ state: 'detached' })
  assert.match(await cairn(daemon.repo, ['files', 'ls', '/inbox']), /^renamed\.txt$/m)
  // delete (the browser's confirm is accepted above)
  await page.locator('.entry[data-name="dropped-1.txt"]').getByRole('button').click()
  await page.getByRole('button', { name: 'Delete' }).click()
  await page.locator('.entry[data-name="dropped-1.txt"]').waitFor({ state: 'detached' })
  assert.not.match(await cairn(daemon.repo, ['files', 'ls', '/']), /dropped-1\.txt/)
}))

test.run()
