// The only door to playwright-core: it is installed in test/host/node_modules, which files outside
// test/host cannot resolve, so the e2e library imports its types and values from here.
export { chromium } from 'playwright-core';
export type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
