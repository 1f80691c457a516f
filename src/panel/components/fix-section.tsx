import { useMemo } from 'preact/hooks';
import type { Exchange, StackId, Verdict } from '../../engine';
import { fixRecipes, STACKS, safeText } from '../../engine';
import { CopyButton } from './copy-button';

export interface FixSectionProps {
  exchange: Exchange;
  verdict: Verdict;
  stack: StackId;
  onStack(stack: StackId): void;
  /** The page must change first (shown under the headline); the server change comes second. */
  pageFixFirst: boolean;
}

/** The prose can quote names a server sent (the ones left out of a snippet): shown escaped, bounded. */
const PROSE_CHARS = 4_000;

/** "Express (cors)" → "Express": the tab shows the short name, the panel the full one. */
function shortLabel(label: string): string {
  return label.replace(/\s*\(.*\)$/, '');
}

/** The server change for the user's stack, with the real origin, methods and headers filled in. */
export function FixSection({ exchange, verdict, stack, onStack, pageFixFirst }: FixSectionProps) {
  const recipes = useMemo(() => fixRecipes(exchange, verdict), [exchange, verdict]);
  if (recipes.length === 0) {
    return (
      <section class="section" aria-labelledby="fix-heading">
        <h3 id="fix-heading">Fix</h3>
        <p class="muted">No server change is needed for this request.</p>
      </section>
    );
  }
  const recipe = recipes.find((candidate) => candidate.stack === stack) ?? recipes[0];
  return (
    <section class="section" aria-labelledby="fix-heading">
      <h3 id="fix-heading">{pageFixFirst ? 'Then, on the server' : 'Fix it on the server'}</h3>
      <div class="tabs" role="tablist" aria-label="Server stack">
        {STACKS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`fix-tab-${id}`}
            aria-selected={recipe?.stack === id}
            aria-controls="fix-panel"
            title={label}
            onClick={() => onStack(id)}
          >
            {shortLabel(label)}
          </button>
        ))}
      </div>
      {recipe !== undefined && (
        <div id="fix-panel" role="tabpanel" aria-labelledby={`fix-tab-${recipe.stack}`} class="fix">
          <div class="fix-head">
            <strong>{recipe.label}</strong>
            <CopyButton text={recipe.snippet} label={`Copy the ${recipe.label} fix`} />
          </div>
          <pre class="snippet" data-testid="fix-snippet" data-language={recipe.language}>
            {recipe.snippet}
          </pre>
          {recipe.alsoChange !== null && (
            <p class="page-fix" data-testid="fix-also-change">
              <strong>This alone is not enough — also: </strong>
              {safeText(recipe.alsoChange, PROSE_CHARS)}
            </p>
          )}
          <p class="prose">
            <strong>Common pitfall: </strong>
            {safeText(recipe.pitfall, PROSE_CHARS)}
          </p>
          <p class="prose muted">{safeText(recipe.notes, PROSE_CHARS)}</p>
        </div>
      )}
    </section>
  );
}
