/**
 * Settings in a real browser: validation before anything is sent, saving sync settings (they take
 * effect and say where they come from), "Test connection" for both servers, and a secret refused with
 * an explanation where no secure key store exists (the harness runs without a cipher).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissingReason } from '../support/e2e/browser';
import { startConsoleHarness, type ConsoleHarness } from '../support/e2e/console-harness';
import { goTo } from '../support/e2e/page-helpers';

const missing = chromiumMissingReason();
if (missing) console.warn(`[e2e] skipped: ${missing}`);

describe.skipIf(!!missing)('settings in Chromium', () => {
  let h: ConsoleHarness;
  let page: Page;
  const saves = () => h.bridge.calls.filter((c) => c.channel === 'settings:save').length;

  beforeAll(async () => {
    h = await startConsoleHarness({ pgAdminUrl: inject('pgAdminUrl') });
    page = h.page;
    await h.open();
    await goTo(page, 'Settings');
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('refuses a bad value with a message naming what is expected, without sending it', async () => {
    const batch = page.getByLabel('Batch size');
    await expect.poll(() => batch.inputValue()).toBe('100');
    await batch.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.locator('.field.has-error').textContent()).toContain('The batch size is a whole number from 1 to 10,000.');
    expect(saves()).toBe(0);
  });

  it('saves sync settings; they take effect and show as saved in the console', async () => {
    await page.getByLabel('Batch size').fill('250');
    await page.getByLabel('Transaction limit').fill('1000');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Notifications' }).textContent()).toContain('Settings saved');
    expect(saves()).toBe(1);
    const effective = await h.api.getSettings();
    expect(effective.sync).toMatchObject({ batchSize: 250, transactionLimit: 1000 });
    await expect.poll(() => page.locator('label[for="batchSize"]').textContent()).toContain('saved in the console');
    await h.screenshot('settings');
  });

  it('tests the PostgreSQL connection and a wrong Weaviate address, with a hint for the failure', async () => {
    await page.getByRole('button', { name: 'Test PostgreSQL connection' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected to' }).count()).toBe(1);

    await page.getByLabel('Weaviate URL').fill('http://127.0.0.1:9');
    await page.getByRole('button', { name: 'Test Weaviate connection' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Could not connect' });
    await expect.poll(() => failure.count(), { timeout: 20_000 }).toBe(1);
    expect(await failure.textContent()).toContain('127.0.0.1:9');
    // Nothing was saved by testing.
    expect((await h.api.getSettings()).connection.weaviateUrl).toBe(h.weaviate.httpUrl);
  });

  it('shows secrets only as set / not set and explains why an API key cannot be saved here', async () => {
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await page.locator('.setting-row', { hasText: 'API key' }).textContent()).toContain('not set');
    expect(await page.getByText('no secure key store').count()).toBe(1);
    await page.getByLabel('New API key').fill('super-secret-key');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const error = page.getByRole('alert').filter({ hasText: 'Settings were not saved' });
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.textContent()).toContain('SECRET_STORAGE_UNAVAILABLE');
    expect((await h.api.getSettings()).connection.weaviateApiKeySet).toBe(false);
  });

  it('follows the system colour scheme: dark when the system is dark', async () => {
    await goTo(page, 'Overview');
    await page.getByRole('article', { name: 'PostgreSQL health' }).waitFor();
    const background = () => page.evaluate('getComputedStyle(document.body).backgroundColor');
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(dark).not.toBe(light);
    expect(dark).toBe('rgb(15, 20, 27)');
    await h.screenshot('overview-dark', { clean: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('the page logged no errors', () => {
    expect(h.pageErrors).toEqual([]);
  });

  it('enforces its Content-Security-Policy: an injected inline script does not run', async () => {
    await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.appendChild(s);
    })()`);
    expect(await page.evaluate('window.__injected === true')).toBe(false);
    expect(h.pageErrors.some((e) => /Content Security Policy/i.test(e))).toBe(true);
  });
});
