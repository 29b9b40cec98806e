/**
 * Debian's chromium driven by playwright-core (which never downloads a
 * browser here): headless, no network services, a fresh profile per launch.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { repoRoot, tempDir } from './paths.js';

export const CHROMIUM = process.env.MCPGEN_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('chromium-profile-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Where tests put screenshots (`MCPGEN_TEST_ARTIFACTS`, default `test-artifacts/`). */
export function artifactsDir(): string {
  const dir = process.env.MCPGEN_TEST_ARTIFACTS ?? join(repoRoot, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}
