import type { StackId } from '../../engine';
import { fixRecipes, STACKS } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';
import { buildCurl } from './build-curl';

/** What the row menu can copy; null where there is nothing to copy. */
export interface RowCopies {
  url: string;
  /** The server fix for the chosen stack, or null when no server change is called for. */
  fix: { label: string; snippet: string } | null;
  /** The request as curl, secret headers left out as in the detail's default. */
  curl: string;
}

/** Copying puts the captured values on the clipboard as they are: shellQuote already made the curl safe to paste. */
export function rowCopies(record: ExchangeRecord, stack: StackId): RowCopies {
  const { exchange, verdict } = record;
  const recipes = fixRecipes(exchange, verdict);
  const recipe = recipes.find((candidate) => candidate.stack === stack) ?? recipes[0];
  return {
    url: exchange.request.url,
    fix: recipe === undefined ? null : { label: recipe.label, snippet: recipe.snippet },
    curl: buildCurl(exchange.request, { includeSecrets: false }).command,
  };
}

export function stackLabel(stack: StackId): string {
  return STACKS.find((candidate) => candidate.id === stack)?.label ?? stack;
}
