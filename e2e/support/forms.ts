import type { Page } from 'playwright-core';

/**
 * Mantine selects are comboboxes: open, type to filter when the select is searchable (`search`), then
 * pick the option by its accessible name.
 */
export async function choose(
  page: Page,
  label: string,
  search: string,
  option: string | RegExp,
): Promise<void> {
  const input = page.getByRole('combobox', { name: new RegExp(`^${label}`) });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}
