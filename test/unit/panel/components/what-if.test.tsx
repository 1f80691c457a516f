// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/engine';
import { addHeader, applyFix, startWhatIf } from '../../../../src/panel/state/what-if';
import { PAGE_ORIGIN } from '../../../fixtures/exchange-builder';
import { blockedRecord, preflightBlockedRecord } from '../records';
import { byText, type Mounted, mountApp } from './app-harness';

let app: Mounted;
afterEach(() => app.unmount());

const RESPONSE = { kind: 'response' } as const;

function shownVerdict() {
  const badge = app.one('detail-verdict');
  return { kind: badge?.dataset.kind, code: badge?.dataset.code };
}

function input(label: string): HTMLInputElement | null {
  return app.root.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`);
}

describe('<DetailView> what if', () => {
  it('judges each edit, marks the detail as edited, and leaves the list and the blocked count as captured', async () => {
    app = await mountApp();
    const captured = blockedRecord('1');
    await app.worker.snapshot([captured]);
    await app.click(app.one('request-row'));
    await app.click(app.one('what-if-start'));
    expect(app.one('what-if-mark')?.textContent).toBe('edited (what if)');
    // The editor takes the focus as it opens.
    expect(app.one('what-if')?.contains(document.activeElement)).toBe(true);

    await app.click(byText(app.root, 'button', 'Add a header to the final response'));
    await app.type(input('final response, header 2 name'), 'Access-Control-Allow-Origin');
    await app.type(input('final response, header 2 value'), PAGE_ORIGIN);
    const expected = evaluate(
      addHeader(startWhatIf(captured).exchange, RESPONSE, 'Access-Control-Allow-Origin', PAGE_ORIGIN),
    );
    expect(expected.kind).toBe('passed');
    expect(shownVerdict()).toEqual({ kind: 'passed', code: '' });
    expect(app.one('summary')?.textContent).not.toContain('blocked');
    // Captured state elsewhere: the row, the top bar's count.
    expect(app.one('request-row')?.textContent).toContain('MissingAllowOriginHeader');
    expect(app.one('blocked-count')?.textContent).toBe('1 blocked');
    expect(captured.exchange.response?.headers).toHaveLength(1);
  });

  it('Escape undoes the last edit, then leaves the what-if with the focus back on its button, then closes', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1')]);
    await app.click(app.one('request-row'));
    await app.click(app.one('what-if-start'));
    await app.click(app.one('apply-fix'));
    expect(shownVerdict().kind).toBe('passed');
    await app.key(document.activeElement, 'Escape');
    expect(shownVerdict()).toEqual({ kind: 'blocked', code: 'MissingAllowOriginHeader' });
    expect(app.one('what-if-mark')).not.toBeNull();
    await app.key(document.activeElement, 'Escape');
    expect(app.one('what-if-mark')).toBeNull();
    expect(document.activeElement).toBe(app.one('what-if-start'));
    await app.key(document.activeElement, 'Escape');
    expect(app.one('detail')).toBeNull();
  });

  it('Apply the fix on a failed preflight answers it and assumes the response the request never got, as the engine says', async () => {
    app = await mountApp();
    const captured = preflightBlockedRecord('1');
    await app.worker.snapshot([captured]);
    await app.click(app.one('request-row'));
    await app.click(app.one('what-if-start'));
    await app.click(app.one('apply-fix'));
    const fixed = applyFix(startWhatIf(captured).exchange);
    expect(shownVerdict()).toEqual({ kind: evaluate(fixed).kind, code: evaluate(fixed).code ?? '' });
    expect(shownVerdict().kind).toBe('passed');
    expect(app.root.textContent).toContain('(not captured: assumed)');
    // For the server owner: the preflight as curl, the edited answer as comment lines under it.
    const answer = app.one('preflight-answer')?.textContent ?? '';
    expect(answer).toContain("curl -i 'http://127.0.0.1:8080/items/1' -X 'OPTIONS'");
    expect(answer).toContain(`#   Access-Control-Allow-Origin: ${PAGE_ORIGIN}`);
    expect(answer).toContain('#   HTTP/1.1 204 No Content');
  });

  it('takes a row of the check table to its input in the editor, adding the header the server did not send', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1')]);
    await app.click(app.one('request-row'));
    expect(app.root.querySelector('[aria-label^="Edit access-control-allow-origin"]')).toBeNull();
    await app.click(app.one('what-if-start'));
    await app.click(app.root.querySelector('[aria-label="Edit access-control-allow-origin on the response"]'));
    const added = input('final response, header 2 value');
    expect(input('final response, header 2 name')?.value).toBe('access-control-allow-origin');
    expect(document.activeElement).toBe(added);
    await app.type(added, PAGE_ORIGIN);
    expect(shownVerdict()).toEqual({ kind: 'passed', code: '' });
  });

  it('leaves the what-if when another request is selected', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1'), blockedRecord('2', '/other')]);
    const [first, second] = app.all('request-row');
    await app.click(first);
    await app.click(app.one('what-if-start'));
    expect(app.one('what-if-mark')).not.toBeNull();
    await app.click(second);
    expect(app.one('what-if-mark')).toBeNull();
    await app.click(first);
    expect(app.one('what-if-mark')).toBeNull();
  });
});
