/** Chromium's trace of a page while a test acts on it, for specs that check which task or frame did what. */
import type { Browser, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { message?: string; documentLoaderURL?: string; url?: string; [key: string]: unknown }; fileName?: string };
}

/** The trace events of `categories` recorded while `during` runs (the trace is stopped and read even if it throws). */
export async function traced(browser: Browser, page: Page, categories: string[], during: () => Promise<void>): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories });
  let events: TraceEvent[] = [];
  try {
    await during();
  } finally {
    const raw = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  }
  return events;
}
