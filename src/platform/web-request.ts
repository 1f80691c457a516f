import type { FailedRequest } from '../model/failed-request';
import { browser, type WebRequest } from './browser';

const ALL_URLS: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

function toFailedRequest(details: WebRequest.OnErrorOccurredDetailsType): FailedRequest {
  return {
    tabId: details.tabId,
    requestId: String(details.requestId),
    url: details.url,
    // Chrome says `initiator`; Firefox only has `originUrl`.
    initiator: details.initiator ?? originOrNull(details.originUrl),
    error: details.error,
  };
}

function originOrNull(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Calls `listener` for every request of any tab that ends in a network error. */
export function onRequestFailed(listener: (failure: FailedRequest) => void): void {
  browser.webRequest.onErrorOccurred.addListener((details) => listener(toFailedRequest(details)), ALL_URLS);
}
