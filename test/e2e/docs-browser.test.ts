/**
 * The generated index.html in a real browser (Debian chromium, headless):
 * the weather sample's committed page and the page of a manifest made of
 * hostile strings. No injected script runs, no dialog opens, nothing logs an
 * error or is fetched from elsewhere, every in-page link has its target, the
 * filter box works (so our own script runs under the page's CSP), and the
 * page fits a phone. Each page leaves a screenshot in test-artifacts/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderServerDocs } from '../../generator/emit/docs/docs-emitter.js';
import { artifactsDir, chromiumAvailable, launchChromium, CHROMIUM } from '../helpers/browser.js';
import { irOf } from '../helpers/docs-ir.js';
import { samplesDir, tempDir } from '../helpers/paths.js';
import { hostileManifest } from '../fixtures/docs/hostile.js';

interface Visit {
  page: Page;
  dialogs: string[];
  errors: string[];
  requests: string[];
}

let context: BrowserContext;

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does.`);
  context = await launchChromium();
});

afterAll(async () => {
  await context?.close();
});

async function visit(file: string, viewport = { width: 1100, height: 900 }): Promise<Visit> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const seen: Visit = { page, dialogs: [], errors: [], requests: [] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) seen.requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return seen;
}

/** In-page links whose target id does not exist. */
async function brokenAnchors(page: Page): Promise<string[]> {
  // Expressions run in the page (strings: the tests' TypeScript has no DOM types).
  return page.evaluate<string[]>(
    `[...document.querySelectorAll('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href').slice(1))).filter((id) => !document.getElementById(id))`,
  );
}

async function expectSafeAndWhole(v: Visit, name: string): Promise<void> {
  const { page } = v;
  expect(await page.evaluate('window.__pwned')).toBeUndefined();
  expect(v.dialogs).toEqual([]);
  expect(v.errors).toEqual([]);
  expect(v.requests).toEqual([]);
  expect(await page.locator('script').count()).toBe(1);
  expect(await page.locator('img, svg, iframe, object, embed').count()).toBe(0);
  expect(await page.evaluate(`[...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))`)).toBe(false);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  const anchors = await page.locator('a[href^="#"]').count();
  expect(anchors).toBeGreaterThan(5);
  expect(await brokenAnchors(page)).toEqual([]);
  await page.screenshot({ path: join(artifactsDir(), `docs-${name}.png`), fullPage: true });
}

describe('generated docs page in headless chromium', () => {
  it('weather sample: safe, anchors resolve, filter works, fits a phone, dark mode', async () => {
    const file = join(samplesDir, 'weather', 'generated', '2025-11-25', 'docs', 'index.html');
    const v = await visit(file);
    await expectSafeAndWhole(v, 'weather');
    const { page } = v;

    expect(await page.locator('#filter').isVisible()).toBe(true);
    await page.fill('#filter', 'e-mail');
    expect(await page.locator('h3#subscribe_alerts').isVisible()).toBe(true);
    expect(await page.locator('h3#get_forecast').isVisible()).toBe(false);
    await page.fill('#filter', '');
    expect(await page.locator('h3#get_forecast').isVisible()).toBe(true);

    await page.click('a[href="#subscribe_alerts"]');
    expect(await page.evaluate('location.hash')).toBe('#subscribe_alerts');

    const light = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(dark).not.toBe(light);
    await page.screenshot({ path: join(artifactsDir(), 'docs-weather-dark.png') });

    const phone = await visit(file, { width: 375, height: 740 });
    expect(await phone.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await phone.page.screenshot({ path: join(artifactsDir(), 'docs-weather-phone.png') });
  });

  it('hostile strings: no script runs, no dialog, no console error, every anchor resolves', async () => {
    const dir = tempDir('docs-hostile-');
    const files = await renderServerDocs(irOf(hostileManifest));
    const file = join(dir, 'index.html');
    writeFileSync(file, files.find((f) => f.path === 'index.html')!.contents);
    const v = await visit(file);
    await expectSafeAndWhole(v, 'hostile');
    // Every link in the page was made by us: in-page anchors and http(s) URLs.
    const hrefs = await v.page.evaluate<string[]>(`[...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '')`);
    for (const href of hrefs) expect(href).toMatch(/^(#|https?:\/\/)/);
    // The hostile text is shown, as text.
    expect(await v.page.locator('main').innerText()).toContain('<script>window.__pwned = "script"</script>');
  });
});
