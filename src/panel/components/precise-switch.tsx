export interface PreciseSwitchProps {
  on: boolean;
  busy: boolean;
  onTurn(on: boolean): void;
}

/** "Precise mode": attach Chromium's debugger to compare verdicts. Only where the browser has one. */
export function PreciseSwitch({ on, busy, onTurn }: PreciseSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="precise-toggle"
      data-testid="precise-toggle"
      aria-checked={on}
      disabled={busy}
      onClick={() => onTurn(!on)}
      title={
        on
          ? "Detach Chrome's debugger from this tab"
          : "Compare each verdict with Chromium's own: attaches Chrome's debugger to this tab, and Chrome shows that it is being debugged"
      }
    >
      Precise mode
    </button>
  );
}
