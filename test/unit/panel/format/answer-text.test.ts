import { describe, expect, it } from 'vitest';
import { preflightAnswerText } from '../../../../src/panel/format/answer-text';
import { exchange, preflight, response } from '../../../fixtures/exchange-builder';

describe('preflightAnswerText', () => {
  it('is null without a preflight answer', () => {
    expect(preflightAnswerText(exchange())).toBeNull();
    expect(preflightAnswerText(exchange({ preflight: preflight('PUT', [], null) }))).toBeNull();
  });

  it('keeps every answer line a comment: a value cannot end its line and run a command', () => {
    const text = preflightAnswerText(
      exchange({ preflight: preflight('PUT', [], response(204, [['X-Evil', 'a\nrm -rf ~\r\n$(id)']], 'No Content')) }),
    );
    const lines = (text ?? '').split('\n');
    expect(lines[0]).toBe('# The CORS preflight the browser sends:');
    const answer = lines
      .slice(lines.indexOf('# The answer edited in CORS Lens ("what if"):') + 1)
      .filter((l) => l !== '');
    expect(answer).toEqual(['#   HTTP/1.1 204 No Content', '#   X-Evil: a\\x0Arm -rf ~\\x0D\\x0A$(id)']);
  });
});
