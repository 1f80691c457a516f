/** Words for one verdict: what the panel, the report and the CLI show. All plain text, never HTML. */

export interface Link {
  title: string;
  url: string;
}

export interface Explanation {
  /** One line a newcomer understands: what went wrong, in plain words. */
  summary: string;
  /** A paragraph with the real values: origin, method, header, what the server sent, what it had to send. */
  detail: string;
  /** The message Chromium printed to the console for this failure, reconstructed; null when it printed none. */
  consoleMessage: string | null;
  /** Firefox's reason name (`CORSMissingAllowOrigin`, …), null when Firefox has none for it. */
  firefoxReason: string | null;
  /** The Fetch standard section and the MDN page for this failure. */
  links: readonly Link[];
  /** Causes real servers produce that hide behind this verdict, most likely first. */
  hints: readonly string[];
}
