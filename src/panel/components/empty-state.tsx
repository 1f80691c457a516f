/** What the list will show, and CORS in two sentences, before any request has been seen. */
export function EmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return (
      <div class="empty" data-testid="empty-state">
        <p>No request matches the search or filter.</p>
      </div>
    );
  }
  return (
    <div class="empty" data-testid="empty-state">
      <p>
        <strong>No cross-origin requests yet.</strong> Requests this tab makes to other origins appear here as they
        happen, even while DevTools is closed; blocked ones come with the reason and the server fix.
      </p>
      <p class="muted">
        CORS in short: a page may send requests to another origin, but the browser lets the page read the response only
        if that server answers with the right Access-Control-Allow-* headers. Requests that are not "simple" are first
        checked with an OPTIONS preflight, and the server must approve that too.
      </p>
      <p class="muted">
        You can also drop a HAR file here, or use Import HAR, to analyse a log saved from any browser.
      </p>
      <p class="muted" data-testid="pin-hint">
        To see each tab's blocked count on the toolbar, pin CORS Lens: open the Extensions menu (the puzzle-piece icon)
        and click the pin next to it.
      </p>
    </div>
  );
}
