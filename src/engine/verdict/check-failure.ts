/** The shape every check returns when it fails; `evaluate` turns it into a Verdict. */
import type { CorsErrorCode, HeaderFinding } from './verdict-types';

export interface CheckFailure {
  code: CorsErrorCode;
  /** As Chromium reports it; '' when Chromium reports none. */
  failedParameter: string;
  header: HeaderFinding | null;
  specStep: string;
}

/**
 * Main fetch refuses a cross-origin request to a scheme that is not HTTP(S), first for the
 * request itself, again for each hop a redirect restarts (CorsURLLoader::StartRequest).
 */
export function corsDisabledSchemeFailure(): CheckFailure {
  return {
    code: 'CorsDisabledScheme',
    failedParameter: '',
    header: null,
    specStep: 'main fetch (scheme is not HTTP(S))',
  };
}

/** Main fetch refuses a cross-origin request, or a redirect hop, made with mode 'same-origin'. */
export function disallowedByModeFailure(): CheckFailure {
  return {
    code: 'DisallowedByMode',
    failedParameter: '',
    header: null,
    specStep: 'main fetch (request\'s mode is "same-origin")',
  };
}
