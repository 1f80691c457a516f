import { useEffect, useRef } from 'preact/hooks';

export interface AboutDialogProps {
  version: string;
  /** The project's documentation, when the manifest names a homepage; null otherwise. */
  docsUrl: string | null;
  onClose(): void;
}

/**
 * About CORS Lens: the version, where the documentation is, and how to report a verdict that is
 * wrong. A modal <dialog>: it keeps focus inside and closes with Escape or its button.
 */
export function AboutDialog({ version, docsUrl, onClose }: AboutDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element === null || element.open) return;
    // happy-dom (unit tests) may lack showModal; the open attribute shows the dialog there.
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
  }, []);
  return (
    <dialog ref={dialog} class="about" aria-labelledby="about-heading" data-testid="about" onClose={onClose}>
      <h2 id="about-heading">CORS Lens {version}</h2>
      <p>Explains why the browser blocked a cross-origin request, and how to fix the server.</p>
      <h3>Documentation</h3>
      <p>
        {docsUrl === null ? (
          <>The README of the CORS Lens source: what each verdict means, the panel, HAR import and export.</>
        ) : (
          <a href={docsUrl} target="_blank" rel="noopener">
            The README: what each verdict means, the panel, HAR import and export
          </a>
        )}
      </p>
      <h3>Report a wrong verdict</h3>
      <p>
        Chrome's console has the final word. If CORS Lens says otherwise, use <strong>Export HAR</strong> (secrets are
        left out) and attach the file to an issue in the project's tracker, with the line Chrome's console printed.
      </p>
      <form method="dialog">
        <button type="submit" data-testid="about-close">
          Close
        </button>
      </form>
    </dialog>
  );
}
