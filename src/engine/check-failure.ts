/** The shape every check returns when it fails; `evaluate` turns it into a Verdict. */
import type { CorsErrorCode, HeaderFinding } from './verdict-types';

export interface CheckFailure {
  code: CorsErrorCode;
  /** As Chromium reports it; '' when Chromium reports none. */
  failedParameter: string;
  header: HeaderFinding | null;
  specStep: string;
}
