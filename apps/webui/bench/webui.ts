/**
 * `pnpm bench:webui`: the Web UI in a real headless Chromium against a real `cairn daemon`.
 * - Time to interactive of the first view (Status), by the browser's own clock: from navigation
 *   start to the page's `cairn:interactive` mark (the node's answer drawn, handlers attached), over
 *   fresh browser contexts (no cache). Target: ≤ 1 s on loopback.
 * - A 10,000-entry MFS folder in the Files view: from navigation to the rows drawn, the RPC's own
 *   share of it (`files/ls --long` timed from the page), the rows in the DOM, and the frames while
 *   scrolling from top to bottom (longest frame, long tasks over 50 ms). Compared, in the same page,
 *   with building and laying out all 10,000 rows at once (what a list without virtualisation does).
 * - A large file uploaded by the file picker: MiB/s against `cairn add` of the same file in the same
 *   run, and the page's JS heap before and after (the browser streams the file from disk).
 * Env: BENCH_WEBUI_ENTRIES (default 10000), BENCH_WEBUI_RUNS (default 7), BENCH_WEBUI_LARGE_MIB (default 256).
 */
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser } from '../test/fixtures/browser.ts'
import { cairn, startDaemon } from '../test/fixtures/daemon.ts'
import { waitForTrue } from '../test/fixtures/page.ts'

const ENTRIES = Number(process.env.BENCH_WEBUI_ENTRIES ?? 10_000)
const RUNS = Number(process.env.BENCH_WEBUI_RUNS ?? 7)
const LARGE_MIB = Number(process.env.BENCH_WEBUI_LARGE_MIB ?? 256)

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x: number): string => `${x.toFixed(0)} ms`

async function markTime (page: Page, name: string): Promise<number> {
  await waitForTrue(page, `performance.getEntriesByName(${JSON.stringify(name)}).length > 0`, 120_000)
  return Number(await page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)})[0].startTime`))
}

const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-webui-'))
const daemon = await startDaemon(join(dir, 'repo'))
// precise heap figures for the large upload (Chromium rounds `performance.memory` otherwise)
const browser = await launchBrowser(['--enable-precise-memory-info'])
try {
  console.log(`bench:webui: ${ENTRIES} entries, ${RUNS} loads; Chromium ${browser.version()}`)
  // the big folder: ENTRIES small files, added as `cairn add -r` does, then put into MFS
  const src = join(dir, 'big')
  await mkdir(src)
  for (let i = 0; i < ENTRIES; i += 500) {
    await Promise.all(Array.from({ length: Math.min(500, ENTRIES - i) }, (_, j) => writeFile(join(src, `file-${String(i + j).padStart(5, '0')}.txt`), `entry ${i + j}\n`)))
  }
  const root = (await cairn(daemon.repo, ['add', '-r', '-Q', '--pin=false', src])).trim()
  await cairn(daemon.repo, ['files', 'cp', `/ipfs/${root}`, '/big'])

  const tti: number[] = []
  const dcl: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${daemon.apiUrl}/webui/`)
    tti.push(await markTime(page, 'cairn:interactive'))
    dcl.push(Number(await page.evaluate('performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd')))
    await context.close()
  }
  console.log(`time to interactive (Status): median ${ms(median(tti))}, min ${ms(Math.min(...tti))}, max ${ms(Math.max(...tti))}; DOMContentLoaded median ${ms(median(dcl))} (target ≤ 1000 ms)`)

  const listed: number[] = []
  const rpcMs: number[] = []
  let rows = 0
  let scroll = { frames: 0, longest: 0, longTasks: 0, lastSeen: false }
  let full = { buildMs: 0, longest: 0 }
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 850 } })
    const page = await context.newPage()
    await page.goto(`${daemon.apiUrl}/webui/#/files/big`)
    listed.push(await markTime(page, 'cairn:listed:/big'))
    rpcMs.push(Number(await page.evaluate(`(async () => { const t = performance.now(); await (await fetch('/api/v0/files/ls?arg=/big&long=true', { method: 'POST' })).json(); return performance.now() - t })()`)))
    rows = await page.locator('.vrow').count()
    // scroll top to bottom in 40 steps, one per frame, watching frame times and long tasks
    scroll = await page.evaluate(`new Promise(resolve => {
      const list = document.querySelector('.vlist')
      let longTasks = 0
      new PerformanceObserver(l => { longTasks += l.getEntries().length }).observe({ type: 'longtask' })
      const steps = 40
      let step = 0
      let last = performance.now()
      let longest = 0
      const tick = () => {
        const now = performance.now()
        if (step > 0) longest = Math.max(longest, now - last)
        last = now
        if (step === steps) {
          setTimeout(() => resolve({ frames: steps, longest, longTasks, lastSeen: document.querySelector('.entry[data-name="file-${String(ENTRIES - 1).padStart(5, '0')}.txt"]') != null }), 100)
          return
        }
        step++
        list.scrollTop = (list.scrollHeight - list.clientHeight) * step / steps
        list.dispatchEvent(new Event('scroll'))
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })`)
    // the same rows without virtualisation: all of them built and laid out at once
    full = await page.evaluate(`new Promise(resolve => {
      const t = performance.now()
      const box = document.createElement('div')
      box.className = 'vlist'
      const inner = document.createElement('div')
      for (let i = 0; i < ${ENTRIES}; i++) {
        const row = document.createElement('div')
        row.className = 'entry'
        row.innerHTML = '<button type="button" class="name"><span class="icon">·</span>file-' + i + '.txt</button><span class="size">12 B</span><code class="cid">QmAbcde…vwxyz</code>'
        inner.appendChild(row)
      }
      box.appendChild(inner)
      document.querySelector('main').appendChild(box)
      void box.scrollHeight
      const buildMs = performance.now() - t
      const s = performance.now()
      requestAnimationFrame(() => resolve({ buildMs, longest: buildMs + performance.now() - s }))
    })`)
    await context.close()
  }
  console.log(`Files, ${ENTRIES}-entry folder: rows drawn ${ms(median(listed))} after navigation (median of ${listed.length}), of which files/ls --long ${ms(median(rpcMs))}; ${rows} rows in the DOM`)
  console.log(`  scrolling top to bottom in ${scroll.frames} frames: longest frame ${ms(scroll.longest)}, long tasks ${scroll.longTasks}, last entry drawn: ${scroll.lastSeen}`)
  console.log(`  without virtualisation (same rows, all at once): ${ms(full.buildMs)} blocked to build and lay out, ${(full.buildMs / Math.max(scroll.longest, 1)).toFixed(1)}x the longest virtualised frame`)

  // a large file through the file picker: streamed by the browser (the page's heap stays flat), at
  // what speed against `cairn add` of the same file in the same run
  const bigFile = join(dir, 'large.bin')
  const handle = await open(bigFile, 'w')
  const chunk = randomBytes(1 << 20)
  for (let i = 0; i < LARGE_MIB; i++) await handle.write(chunk)
  await handle.close()
  const t0 = performance.now()
  const expected = (await cairn(daemon.repo, ['add', '-Q', '--pin=false', bigFile])).trim()
  const cliMs = performance.now() - t0
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${daemon.apiUrl}/webui/#/files/`)
  await page.locator('[data-loaded-path="/"]').waitFor()
  const heapBefore = Number(await page.evaluate('performance.memory.usedJSHeapSize'))
  const t1 = performance.now()
  await page.getByTestId('file-input').setInputFiles(bigFile)
  await page.locator('.entry[data-name="large.bin"]').waitFor({ timeout: 600_000 })
  const uiMs = performance.now() - t1
  const heapAfter = Number(await page.evaluate('performance.memory.usedJSHeapSize'))
  const got = await page.locator('.entry[data-name="large.bin"]').getByTestId('cid').getAttribute('title')
  await context.close()
  console.log(`upload of ${LARGE_MIB} MiB by the file picker: ${(LARGE_MIB / (uiMs / 1000)).toFixed(0)} MiB/s against \`cairn add\` ${(LARGE_MIB / (cliMs / 1000)).toFixed(0)} MiB/s (${(cliMs / uiMs).toFixed(2)}x); page heap ${((heapAfter - heapBefore) / 2 ** 20).toFixed(1)} MiB larger after; same CID: ${got === expected}`)
} finally {
  await browser.close()
  await daemon.stop()
  await rm(dir, { recursive: true, force: true })
}
