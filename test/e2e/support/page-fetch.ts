import type { Page } from '@playwright/test';

/**
 * Fetches `url` from the page's own script and says what the script saw: `read <status>` when the
 * response reached it, the error's text (`TypeError: Failed to fetch` for a CORS block) when not.
 */
export function fetchFrom(page: Page, url: string, init: RequestInit = {}): Promise<string> {
  return page.evaluate(
    async ([target, options]) => {
      try {
        return `read ${(await fetch(target, options)).status}`;
      } catch (error) {
        return String(error);
      }
    },
    [url, init] as const,
  );
}
