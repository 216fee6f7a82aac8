import { describe, expect, it } from 'vitest';
import { appUrl, expectPageError, takePageProblems, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

describe('the shared page-error hook', () => {
  it('collects uncaught errors and console errors of any page, however it was opened', async () => {
    const context = await getBrowser().newContext();
    const page = await context.newPage();
    await page.goto(appUrl());
    await waitForCanvas(page);
    const logged = page.waitForEvent('console', (m) => m.text() === 'planted console error');
    const thrown = page.waitForEvent('pageerror');
    await page.evaluate(() => {
      console.error('planted console error');
      setTimeout(() => {
        throw new Error('planted page error');
      }, 0);
    });
    await Promise.all([logged, thrown]);
    const problems = takePageProblems();
    expect(problems).toEqual([expect.stringMatching(/^console error at .*: planted console error$/), expect.stringMatching(/^page error at .*: planted page error$/)]);
    await context.close();
  });

  it('lets a test announce the error it provokes, and only that one', async () => {
    const page = await getBrowser().newPage();
    await page.goto(appUrl());
    await waitForCanvas(page);
    expectPageError(/: announced failure$/);
    const logged = page.waitForEvent('console', (m) => m.text() === 'unannounced failure');
    await page.evaluate(() => {
      console.error('announced failure');
      console.error('unannounced failure');
    });
    await logged;
    expect(takePageProblems()).toEqual([expect.stringMatching(/unannounced failure$/)]);
    await page.close();
  });
});
