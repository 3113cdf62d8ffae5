/**
 * 10,000 users in a real browser: the table is virtualised (a handful of rows in the DOM), pages
 * arrive as it scrolls, search and sort run in PostgreSQL, and several users can be synced at once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedBulk, type SeededBulk } from '../support/data';
import { chromiumMissingReason } from '../support/e2e/browser';
import { E2E_ACTOR, startConsoleHarness, type ConsoleHarness } from '../support/e2e/console-harness';
import { goTo } from '../support/e2e/page-helpers';

const USERS = 10_000;
const missing = chromiumMissingReason();
if (missing) console.warn(`[e2e] skipped: ${missing}`);

describe.skipIf(!!missing)('users table in Chromium with 10,000 users', () => {
  let h: ConsoleHarness;
  let page: Page;
  let bulk: SeededBulk;

  const rowIds = (p: Page) => p.locator('[role="row"][data-user-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-user-id')));
  const scrollUsersTo = (p: Page, where: 'bottom' | number) =>
    p.evaluate(
      `(() => { const el = document.querySelector('.vtable-body'); el.scrollTop = ${where === 'bottom' ? 'el.scrollHeight' : where}; })()`,
    );

  beforeAll(async () => {
    h = await startConsoleHarness({ pgAdminUrl: inject('pgAdminUrl') });
    page = h.page;
    bulk = await seedBulk(h.db.pool, { users: USERS, transactionsPerUser: 3, accountsPerUser: 1 });
    await h.api.schemaInit({ actor: E2E_ACTOR });
    await h.open();
    await goTo(page, 'Users');
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it('shows the total, renders only the visible rows, and loads pages as it scrolls to the end', async () => {
    await expect.poll(() => page.getByText('10,000 users').count()).toBe(1);
    await expect.poll(async () => (await rowIds(page))[0]).toBe(bulk.userId(1));
    const rendered = await page.locator('[role="row"][data-user-id]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);

    await scrollUsersTo(page, 5000 * 44);
    await expect.poll(async () => (await rowIds(page)).includes(bulk.userId(5001))).toBe(true);
    await scrollUsersTo(page, 'bottom');
    await expect.poll(async () => (await rowIds(page)).includes(bulk.userId(USERS))).toBe(true);
    expect(await page.locator('[role="row"][data-user-id]').count()).toBeLessThan(80);
    // Only the pages scrolled past were fetched, never the whole list.
    const listCalls = h.bridge.calls.filter((c) => c.channel === 'users:list');
    expect(listCalls.every((c) => (c.input as { limit: number }).limit <= 100)).toBe(true);
    expect(listCalls.length).toBeLessThan(20);
  });

  it('searches by id and by email, and sorts by clicking a header', async () => {
    const search = page.getByLabel('Search users');
    await search.fill(bulk.userId(7777));
    await expect.poll(() => rowIds(page)).toEqual([bulk.userId(7777)]);
    await expect.poll(() => page.getByText('1 users').count()).toBe(1);

    await search.fill('bulk.user4242@');
    await expect.poll(() => rowIds(page)).toEqual([bulk.userId(4242)]);

    await search.fill('');
    await expect.poll(async () => (await rowIds(page))[0]).toBe(bulk.userId(1));
    const header = page.getByRole('columnheader', { name: /User ID/ });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await rowIds(page))[0]).toBe(bulk.userId(USERS));
    await header.getByRole('button').click();
    await expect.poll(async () => (await rowIds(page))[0]).toBe(bulk.userId(1));
  });

  it('selects several users and syncs them; their rows turn synced', async () => {
    const picked = [bulk.userId(1), bulk.userId(2), bulk.userId(3)];
    for (const id of picked) await page.getByRole('checkbox', { name: `Select ${id}` }).check();
    await expect.poll(() => page.getByText('3 selected').count()).toBe(1);
    await page.getByLabel('Sync type').selectOption('profile');
    await page.getByRole('button', { name: 'Sync selected' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Notifications' }).textContent()).toContain('Sync started for 3 of 3 user(s)');
    for (const id of picked) {
      const row = page.locator(`[role="row"][data-user-id="${id}"]`);
      await expect.poll(() => row.locator('.chip').first().textContent(), { timeout: 30_000 }).toBe('Profsynced');
      expect(await row.textContent()).toContain('Partially Synced');
    }
    await expect.poll(() => page.getByText('0 selected').count()).toBe(1);
    // One summary for the batch, not a notification per user.
    await expect.poll(() => page.getByRole('region', { name: 'Notifications' }).textContent()).toContain('3 sync jobs finished');
    expect(await page.getByRole('region', { name: 'Notifications' }).getByText('Sync finished').count()).toBe(0);
    await page.getByRole('checkbox', { name: `Select ${bulk.userId(5)}` }).check();
    await h.screenshot('users', { clean: true });
    await page.getByRole('button', { name: 'Clear selection' }).click();

    // "Select visible" takes every loaded row on screen.
    await page.getByRole('checkbox', { name: 'Select visible users' }).check();
    const visible = await page.locator('[role="row"][data-user-id]').count();
    await expect.poll(() => page.getByText(`${visible} selected`).count()).toBe(1);
  });

  it('pages through a history longer than one page', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => bulk.userId(100 + i));
    const { started } = await h.api.startSync({ users: ids, type: 'profile', trigger: 'bulk' }, { actor: E2E_ACTOR });
    expect(started).toHaveLength(60);
    await Promise.all(started.map((s) => h.api.waitForRun(s.runId)));
    const total = (await h.api.listHistory({ limit: 1 })).total;
    expect(total).toBe(63); // 3 from the selection test above

    await goTo(page, 'History');
    const pager = page.getByRole('navigation', { name: 'Runs pages' });
    await expect.poll(() => pager.textContent()).toContain(`1–50 of ${total}`);
    expect(await page.getByRole('table', { name: 'Runs' }).locator('tbody tr').count()).toBe(50);
    await pager.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => pager.textContent()).toContain(`51–${total} of ${total}`);
    expect(await page.getByRole('table', { name: 'Runs' }).locator('tbody tr').count()).toBe(total - 50);
    expect(await pager.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await pager.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => pager.textContent()).toContain(`1–50 of ${total}`);
  }, 120_000);

  it('the page logged no errors', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
