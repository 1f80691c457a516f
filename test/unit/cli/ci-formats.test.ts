/**
 * `analyze --format github` against GitHub's workflow-command format, and `--format junit` against
 * an XML parser and the JUnit shape CI tools read — each checked to say what `--json` says.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fixturePath, runCli, tempDir } from './run-cli';

interface WorkflowCommand {
  name: string;
  properties: Record<string, string>;
  message: string;
}

/** GitHub's workflow-command grammar: `::name key=value,key=value::message`, with its %-escapes undone. */
function parseWorkflowCommand(line: string): WorkflowCommand | null {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (match === null) return null;
  const decode = (text: string) =>
    text
      .replaceAll('%0D', '\r')
      .replaceAll('%0A', '\n')
      .replaceAll('%3A', ':')
      .replaceAll('%2C', ',')
      .replaceAll('%25', '%');
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter((pair) => pair !== '')
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), decode(pair.slice(at + 1))];
      }),
  );
  return { name: match[1] ?? '', properties, message: decode(match[3] ?? '') };
}

interface JsonEntry {
  role: string;
  url: string;
  method: string;
  blocked: boolean;
  code: string | null;
  crossOrigin: boolean;
  advisories: { code: string }[];
}

async function jsonEntries(file: string): Promise<JsonEntry[]> {
  const { stdout } = await runCli(['analyze', file, '--json']);
  return (JSON.parse(stdout) as { entries: JsonEntry[] }).entries.filter((entry) => entry.role === 'request');
}

describe('--format github', () => {
  it('prints one ::error per blocked request and one ::warning per advisory, as --json counts them', async () => {
    const file = fixturePath('chrome-devtools');
    const { code, stdout } = await runCli(['analyze', file, '--format', 'github', '--stack', 'nginx']);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    const commands = lines.map(parseWorkflowCommand);
    expect(commands, 'every line is a workflow command').not.toContain(null);
    const entries = await jsonEntries(file);
    const blocked = entries.filter((entry) => entry.blocked);
    const errors = commands.filter((command) => command?.name === 'error');
    expect(errors.map((error) => error?.properties.title)).toEqual(blocked.map((entry) => `CORS ${entry.code}`));
    expect(errors.every((error) => error?.properties.file === 'chrome-devtools.har')).toBe(true);
    for (const [index, entry] of blocked.entries()) {
      expect(errors[index]?.message.split('\n')[0]).toContain(`${entry.method} ${entry.url}`);
      expect(errors[index]?.message).toContain('fix for nginx:');
    }
    const advised = entries.filter((entry) => !entry.blocked).flatMap((entry) => entry.advisories);
    expect(commands.filter((command) => command?.name === 'warning')).toHaveLength(advised.length);
    expect(commands.at(-1)).toMatchObject({ name: 'notice', properties: { title: 'CORS Lens' } });
  });

  it('keeps a hostile URL inside its command: no forged command, no raw line break', async () => {
    const url = 'http://127.0.0.1:8080/x%0A::error::forged\n::warning::forged,:%';
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          {
            startedDateTime: '2026-01-01T00:00:00.000Z',
            time: 1,
            request: {
              method: 'GET',
              url,
              httpVersion: 'HTTP/1.1',
              headers: [{ name: 'Origin', value: 'http://localhost:3000' }],
              queryString: [],
              cookies: [],
              headersSize: -1,
              bodySize: 0,
            },
            response: {
              status: 200,
              statusText: 'OK',
              httpVersion: 'HTTP/1.1',
              headers: [],
              cookies: [],
              content: { size: 0, mimeType: 'text/plain' },
              redirectURL: '',
              headersSize: -1,
              bodySize: 0,
              _error: 'net::ERR_FAILED',
            },
            cache: {},
            timings: { send: 0, wait: 1, receive: 0 },
          },
        ],
      },
    };
    const file = join(tempDir(), 'hostile.har');
    writeFileSync(file, JSON.stringify(har));
    const { stdout } = await runCli(['analyze', file, '--format', 'github']);
    const commands = stdout.trimEnd().split('\n').map(parseWorkflowCommand);
    expect(commands).not.toContain(null);
    expect(commands.map((command) => command?.name)).toEqual(['error', 'notice']);
    expect(commands[0]?.message).toContain('::error::forged');
  });
});

describe('--format junit', () => {
  it('is well-formed XML with one test case per cross-origin request, failed as --json blocks them', async () => {
    const file = fixturePath('chrome-devtools');
    const { code, stdout } = await runCli(['analyze', file, '--format', 'junit', '--stack', 'express']);
    expect(code).toBe(1);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'testcase',
    }).parse(stdout) as {
      testsuites: {
        tests: string;
        failures: string;
        testsuite: {
          tests: string;
          failures: string;
          testcase: { name: string; failure?: { type: string; message: string; '#text': string } }[];
        };
      };
    };
    const entries = (await jsonEntries(file)).filter((entry) => entry.crossOrigin);
    const suite = parsed.testsuites.testsuite;
    expect(suite.testcase.map((testCase) => testCase.name.replace(/ \(entry \d+\)$/, ''))).toEqual(
      entries.map((entry) => `${entry.method} ${entry.url}`),
    );
    expect(suite.testcase.map((testCase) => testCase.failure?.type ?? null)).toEqual(
      entries.map((entry) => (entry.blocked ? entry.code : null)),
    );
    const blocked = String(entries.filter((entry) => entry.blocked).length);
    expect([suite.tests, suite.failures, parsed.testsuites.failures]).toEqual([
      String(entries.length),
      blocked,
      blocked,
    ]);
    expect(suite.testcase.find((testCase) => testCase.failure)?.failure?.['#text']).toContain('fix for Express');
  });
});

describe('--format', () => {
  it('refuses an unknown format and --json with another format', async () => {
    const file = fixturePath('chrome-devtools');
    expect((await runCli(['analyze', file, '--format', 'xml'])).stderr).toMatch(/unknown format 'xml'/);
    expect((await runCli(['analyze', file, '--json', '--format', 'junit'])).code).toBe(2);
    const alias = await runCli(['analyze', file, '--json']);
    expect(alias.stdout).toBe((await runCli(['analyze', file, '--format', 'json'])).stdout);
  });
});
