/**
 * `cors-lens analyze --format github`: GitHub Actions workflow commands, so a blocked request shows
 * as an error annotation on the run and its pull request, and an advisory as a warning.
 * @see https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
 */
import type { StackId } from '../engine';
import type { ReportRow } from '../report/index';
import { paint } from './colour';
import { type Summary, summaryLine } from './summary';
import { blockedSection, where } from './terminal-report';
import { shown, shownLine, shownUrl } from './terminal-text';

/** A command's message: `%`, CR and LF are what the runner reads as escapes and line ends. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A property value: besides the message's escapes, `:` and `,` end the value. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

function command(name: 'error' | 'warning' | 'notice', properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

export interface GithubOptions {
  fileName: string;
  stack: StackId | null;
}

/** `rows`: the blocked requests and those with advisories; `summary` counts every row. */
export function githubAnnotations(rows: readonly ReportRow[], summary: Summary, options: GithubOptions): string {
  const file = shownUrl(options.fileName);
  const lines: string[] = [];
  for (const row of rows) {
    const { verdict, exchange } = row;
    const url = row.source?.finalRequest.url ?? exchange.request.url;
    const request = `${shown(exchange.request.method)} ${shownUrl(url)}${where(row)}`;
    if (verdict.blocked) {
      // Every input string in the section was escaped (shown*), so no server byte can end the command.
      const section = blockedSection(row, { paint: paint(false), stack: options.stack });
      lines.push(command('error', { title: `CORS ${verdict.code ?? 'blocked'}`, file }, section.slice(2)));
    } else {
      for (const advisory of verdict.advisories) {
        const title = `CORS advisory ${advisory.code}`;
        lines.push(command('warning', { title, file }, `${request}: ${shownLine(advisory.message)}`));
      }
    }
  }
  const verdictText = summary.blocked > 0 ? 'blocked by CORS' : 'nothing blocked';
  lines.push(command('notice', { title: 'CORS Lens' }, `${file}: ${summaryLine(summary)} (${verdictText})`));
  return `${lines.join('\n')}\n`;
}
