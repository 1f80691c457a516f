export interface PreciseBannerProps {
  on: boolean;
  /** Why precise mode ended or could not start; shown until the switch is used again. */
  notice: string | null;
  onTurnOff(): void;
}

/**
 * Says plainly what precise mode does while it is on, and why Chrome shows its "started debugging
 * this browser" bar: reading Chromium's own verdict takes Chrome's debugger (chrome.debugger), and
 * Chrome tells the user whenever an extension uses it.
 */
export function PreciseBanner({ on, notice, onTurnOff }: PreciseBannerProps) {
  if (!on && notice === null) return null;
  return (
    <div class="banner precise-banner" role="status" data-testid="precise-banner">
      {on ? (
        <>
          <strong>Precise mode</strong>
          <span class="muted">
            — CORS Lens has attached Chrome's debugger to this tab to read Chromium's own verdict on each request and
            compare it with its own (= agrees, ≠ disagrees). That is why Chrome says “CORS Lens started debugging this
            browser”. Turning precise mode off, or Cancel on that bar, detaches it.
          </span>
          <span class="spacer" />
          <button type="button" onClick={onTurnOff}>
            Turn off
          </button>
        </>
      ) : (
        <span data-testid="precise-notice">{notice}</span>
      )}
    </div>
  );
}
