import { closeMenuOf } from '../dom/close-menu';

export interface OverflowMenuProps {
  onImport(): void;
  popOutUrl: string | null;
  onAbout(): void;
}

/**
 * The ⋯ menu: About always; Import HAR and "Open in a tab" too when the panel is narrow, where
 * the top bar shows them no longer (`narrow-only`, styles/layout.css). A <details>, so Enter and
 * Space open it with no script.
 */
export function OverflowMenu({ onImport, popOutUrl, onAbout }: OverflowMenuProps) {
  return (
    <details class="menu overflow" data-testid="overflow-menu">
      <summary aria-label="More actions" title="More actions">
        ⋯
      </summary>
      <div class="menu-items">
        <button
          type="button"
          class="narrow-only"
          onClick={(event) => {
            closeMenuOf(event.currentTarget);
            onImport();
          }}
        >
          Import HAR…
        </button>
        {popOutUrl !== null && (
          <a
            class="button narrow-only"
            href={popOutUrl}
            target="_blank"
            rel="noopener"
            onClick={(event) => closeMenuOf(event.currentTarget)}
          >
            Open in a tab
          </a>
        )}
        <button
          type="button"
          data-testid="about-open"
          onClick={(event) => {
            closeMenuOf(event.currentTarget);
            onAbout();
          }}
        >
          About CORS Lens
        </button>
      </div>
    </details>
  );
}
