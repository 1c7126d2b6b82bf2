/** Drives Taro's h5 Picker (mode date / time) as a thumb would: open it, drag a column row by row, press 确定. */
import type { Locator, Page } from 'playwright-core';

/** The open sheet (the overlay itself has no box: its mask and sheet are fixed). */
const OPEN = '.weui-picker__overlay:not([style*="display: none"])';
const ROW = 34; // Taro's picker row height on h5 (LINE_HEIGHT)

/** Where column `group` stands, in rows, once its settle transition has finished (`translate3d(0, Hpx, 0)` on its content). */
async function rowOf(group: Locator): Promise<number> {
  const content = group.locator('.weui-picker__content');
  await content.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  const y = await content.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m42);
  return Math.round(-y / ROW);
}

/**
 * Turns column `column` of the open picker by `rows` (positive: later values), in drags that stay inside the column.
 * Each drag is checked against where the column really stands: the picker adds every move event to its last rendered
 * height, so on a busy machine a drag can land a row short. The time columns wrap (24 hours, 60 minutes), hence the fold.
 */
async function turn(page: Page, picker: Locator, column: number, rows: number): Promise<void> {
  const group = picker.locator('.weui-picker__group').nth(column);
  const start = await rowOf(group);
  const moved = async () => {
    const raw = (await rowOf(group)) - start;
    return [raw, raw - 24, raw + 24, raw - 60, raw + 60].reduce((a, b) => (Math.abs(b - rows) < Math.abs(a - rows) ? b : a));
  };
  for (let tries = 0, left = rows; left !== 0; tries++, left = rows - (await moved())) {
    if (tries === 12) throw new Error(`picker column ${column} did not reach ${rows} rows (stands at ${rows - left})`);
    const step = Math.max(-4, Math.min(4, left));
    const box = (await group.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2 + (step > 0 ? ROW * 2 : -ROW * 2);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - step * ROW, { steps: 8 });
    await page.mouse.up();
  }
}

/** Opens the picker whose face is `face`, turns its columns by `turns` (one count per column), and confirms. */
export async function pick(page: Page, face: Locator, turns: number[]): Promise<void> {
  await face.click();
  // Each picker moves its sheet to <body> while open: the one showing is this face's.
  const picker = page.locator(OPEN);
  const slider = picker.locator('.weui-picker');
  await slider.waitFor();
  await slider.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  for (const [column, rows] of turns.entries()) if (rows) await turn(page, picker, column, rows);
  await picker.locator('.weui-picker__action').getByText('确定', { exact: true }).click();
  await page.locator(OPEN).waitFor({ state: 'detached' });
}
