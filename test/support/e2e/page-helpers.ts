/** Small steps the end-to-end tests share, phrased the way an operator uses the window. */
import type { Locator, Page } from 'playwright-core';

export async function goTo(page: Page, view: 'Overview' | 'Users' | 'Schema' | 'History' | 'Audit' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** The cells (after the type name) of one row of the user detail's "Status per type" table. */
export function statusRow(page: Page, type: string): Locator {
  return page.getByRole('table', { name: 'Status per type' }).getByRole('row', { name: new RegExp(`^${type}\\b`) }).getByRole('cell');
}

/** Waits until the user detail's job panel says the job is over (job:finished arrived). */
export async function waitForJobEnd(page: Page, timeout = 60_000): Promise<void> {
  await page.getByRole('heading', { name: 'Last job' }).waitFor({ timeout });
}
