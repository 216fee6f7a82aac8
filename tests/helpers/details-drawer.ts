/**
 * The details drawer (tablets, small laptops) and sheet (phones) as a reader uses it, for the browser tests: the
 * entity just chosen is the one it names; Close shuts it and the "Details & shared factors" button opens it again,
 * while the diagram keeps its size. `press` is how the reader presses a button: a click, or a tap on a phone.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export async function checkDetailsDrawer(page: Page, drawer: Locator, o: { label: string; canvasWidth: number; press: 'click' | 'tap'; shot: () => Promise<unknown> }) {
  const press = (l: Locator) => (o.press === 'tap' ? l.tap() : l.click());
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByRole('heading', { level: 3 }).innerText()).resolves.toBe(o.label);
  // Over the diagram, not beside it: the canvas keeps its size.
  expect((await page.locator('.main-graph .cy').boundingBox())!.width).toBe(o.canvasWidth);
  await o.shot();
  await press(page.getByRole('button', { name: 'Close' }));
  await expect(drawer.isVisible()).resolves.toBe(false);
  await press(page.getByRole('button', { name: /Details & shared factors/ }));
  await expect(drawer.isVisible()).resolves.toBe(true);
}
