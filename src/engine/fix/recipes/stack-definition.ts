import type { Verdict } from '../../verdict/verdict-types';
import type { FixRecipe, RequiredPolicy, StackId } from '../fix-types';
import type { RecipePlaceholder } from './placeholders';
import { type RecipeContext, recipeContext } from './recipe-context';
import { type ContextText, notesFor, type PitfallTable, pitfallFor, textFor } from './recipe-notes';

/** Everything one stack knows about fixing CORS on it: each stack module exports one, and `recipeFor` reads it. */
export interface StackDefinition<Id extends StackId = StackId> {
  id: Id;
  /** Display name, e.g. "Express (cors)". */
  label: string;
  /** Syntax of the snippet (see FixRecipe.language). */
  language: string;
  /** The configuration to paste, built from values that are already safe to embed. */
  snippet: (ctx: RecipeContext) => string;
  /** The texts in every snippet of this stack that stand for the user's own code (see placeholders.ts). */
  placeholders: readonly RecipePlaceholder[];
  /** This stack's own pitfall per failure kind; the others get the generic one. */
  pitfalls: PitfallTable;
  /** Where the snippet goes: the first note. */
  where: string;
  /** This stack's other notes, after `where` and before the shared ones; a note whose text is '' is left out. */
  notes: readonly ContextText[];
  /** Where a second Access-Control-Allow-Origin usually comes from on this stack, and how to remove it (see duplicate-origin.ts). */
  duplicateOriginChange: string;
}

/** One stack's recipe for this policy and verdict. Never throws. */
export function recipeFor(stack: StackDefinition, policy: RequiredPolicy, verdict: Verdict): FixRecipe {
  const ctx = recipeContext(policy, verdict);
  return {
    stack: stack.id,
    label: stack.label,
    language: stack.language,
    snippet: stack.snippet(ctx),
    pitfall: pitfallFor(ctx, stack.pitfalls),
    notes: notesFor(ctx, stack.where, ...stack.notes.map((note) => textFor(ctx, note))),
    alsoChange: ctx.failure === 'multiple-origins' ? stack.duplicateOriginChange : null,
  };
}
