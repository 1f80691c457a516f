import type { Page } from 'playwright-core';
import type { DemoCase } from '../../../src/demo/cases';

/**
 * Runs one demo case from the page, as the demo page's button does (reading the header it names),
 * and answers the status or the error the page's script saw.
 */
export function runDemoCase(page: Page, demoCase: DemoCase): Promise<string> {
  return page.evaluate(
    async ({ url, request }) => {
      const init: RequestInit = { method: request.method };
      if (request.headers !== undefined) init.headers = request.headers;
      if (request.credentials !== undefined) init.credentials = request.credentials;
      if (request.body !== undefined) init.body = request.body;
      try {
        const response = await fetch(url, init);
        if (request.readHeader !== undefined) response.headers.get(request.readHeader);
        return `${response.status}`;
      } catch (error) {
        return String(error);
      }
    },
    { url: demoCase.url, request: demoCase.request },
  );
}
