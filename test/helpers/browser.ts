/**
 * Debian's Chromium driven by playwright-core, with a fresh empty profile per launch. Screenshots
 * go to a temp folder (printed once), never into the repository.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = process.env.DONDOC_SCREENSHOTS ?? path.join(os.tmpdir(), 'dondoc-screenshots');
export const haveChromium = fs.existsSync(CHROMIUM);
// Skipped on a developer machine without Chromium; in CI (.ci/run installs it) a missing browser fails.
if (!haveChromium && process.env.CI) throw new Error(`CI: no browser at ${CHROMIUM} for the browser tests`);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let announced = false;

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A phone-sized browser (or `viewport`) with its own new profile directory. */
export async function openBrowser(viewport = { width: 412, height: 860 }): Promise<BrowserSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    acceptDownloads: true,
    locale: 'vi-VN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (!announced) {
    announced = true;
    console.log(`dondoc screenshots: ${SCREENSHOT_DIR}`);
  }
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
