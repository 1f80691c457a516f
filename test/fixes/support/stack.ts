import type { StackId } from '../../../src/engine';
import { RECIPE_PLACEHOLDERS, type RecipePlaceholder } from '../../../src/engine';
import type { AppRoute, BrokenConfig, CaseId } from './cases';

/** Where and how one server of a test runs. */
export interface ServerEnv {
  /** A fresh directory for this server's files. */
  dir: string;
  /** The loopback port it must listen on (127.0.0.1). */
  port: number;
  /** The page's origin, which a correct configuration allows. */
  pageOrigin: string;
  /** For proxies: `127.0.0.1:<port>` of the application behind them. */
  upstream: string;
  /** The broken configuration the case starts from, for stacks whose snippet is added to it (Django's settings.py). */
  brokenConfig: BrokenConfig;
  /** The application refuses requests without the right Authorization (an auth layer). */
  auth: boolean;
  /** What the application's own route adds to its answer (for proxies: the upstream's, see startUpstream). */
  route: AppRoute;
  /** The recipe's `alsoChange` is applied too (where it changes the stack's configuration, not the route). */
  alsoChange: boolean;
  /** The repository's node_modules, for JavaScript servers. */
  nodeModules: string;
}

/** Files to write into `env.dir`, an optional build step, and the server's command line. */
export interface Launch {
  files: Readonly<Record<string, string>>;
  build?: { command: string; args: readonly string[]; env?: Readonly<Record<string, string>> };
  command: string;
  args: readonly string[];
  env?: Readonly<Record<string, string>>;
}

export interface StackHarness {
  id: StackId;
  /** The software that runs it, for the README table and the missing-software message. */
  software: string;
  /** Executables or files that must exist; the suite fails, naming them, when one is missing. */
  requires: readonly string[];
  /** Whether the server proxies to the in-test application at `env.upstream`. */
  proxy: boolean;
  /** The server as the failing scenario had it. */
  broken(caseId: BrokenConfig, env: ServerEnv): Launch;
  /** The server with CORS Lens's snippet applied at its documented place. */
  fixed(snippet: string, env: ServerEnv): Launch;
  /**
   * How the proof applies the recipe's `alsoChange` for duplicate-acao: `names` is the construct
   * the text must name; `where` is `route` (the fixed launch's route no longer adds the header),
   * `config` (fixed() adds it to the stack's configuration when `env.alsoChange`) or `snippet`
   * (the snippet already holds it: the proof checks that it does).
   */
  alsoChange: { names: string; where: 'route' | 'config' | 'snippet' } | null;
  /** Cases the stack cannot express, each with the reason; the suite runs every other case. */
  notExpressible: Partial<Record<CaseId, string>>;
}

/** The body every application route answers with, so the page can tell the app answered. */
export const APP_BODY = 'cors-lens-app-ok';

/** The value a route that adds its own Access-Control-Allow-Origin sends, as hand-written CORS code does. */
export const ROUTE_ALLOW_ORIGIN = '*';

/**
 * The snippet with each of its stack's placeholders (and nothing else) replaced: `values` gives
 * the text for each placeholder kind. Throws when a placeholder is not exactly once in the snippet
 * or has no value, so a recipe change cannot silently leave a placeholder in a "verified" snippet.
 */
export function fillPlaceholders(
  stack: StackId,
  snippet: string,
  values: Partial<Record<RecipePlaceholder['kind'], string>>,
): string {
  let filled = snippet;
  for (const placeholder of RECIPE_PLACEHOLDERS[stack]) {
    const count = filled.split(placeholder.text).length - 1;
    if (count !== 1) throw new Error(`${stack}: placeholder ${JSON.stringify(placeholder.text)} occurs ${count} times`);
    const value = values[placeholder.kind];
    if (value === undefined) throw new Error(`${stack}: no value for the ${placeholder.kind} placeholder`);
    filled = filled.replace(placeholder.text, () => value);
  }
  return filled;
}
