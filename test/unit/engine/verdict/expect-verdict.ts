/** Asserts a verdict against a table row's `expect`, and that blocked rows say enough. */
import { expect } from 'vitest';
import type { Verdict } from '../../../../src/engine/verdict/verdict-types';
import type { ExpectedVerdict } from '../../../fixtures/cors/row';

export function expectVerdict(verdict: Verdict, expected: ExpectedVerdict): void {
  const { advisories, header, credentials, ...scalars } = expected;
  expect(verdict).toMatchObject(scalars);
  expect(verdict.blocked).toBe(verdict.kind === 'blocked');
  if (header === null) expect(verdict.header).toBeNull();
  else if (header !== undefined) expect(verdict.header).toMatchObject(header);
  if (credentials !== undefined) expect(verdict.credentials).toMatchObject(credentials);
  if (advisories !== undefined) expect(verdict.advisories.map((advisory) => advisory.code)).toEqual(advisories);
  if (expected.kind === 'blocked') {
    // A blocked row must pin the code, where it happened and what Chromium reports.
    expect(expected.code).toBeDefined();
    expect(expected.stage).toBeDefined();
    expect(expected.failedParameter).toBeDefined();
  }
}
