/**
 * Finds the places in built JavaScript that could send a network request: references to fetch,
 * XMLHttpRequest, WebSocket, EventSource and sendBeacon, as code rather than text. The code is
 * parsed, so the words inside strings and templates (the panel's fix recipes quote `fetch(`)
 * are not call sites, while `globalThis.fetch`, `self['fetch']` or `const f = fetch` are.
 */
import { parseAst } from 'rolldown/parseAst';

const NETWORK_NAMES = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon']);

interface Node {
  type: string;
  start: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** A name that is not a reference: a property key or a member name written after a dot. */
function isNameOnly(parent: Node | null, key: string): boolean {
  if (parent === null) return false;
  const computed = parent.computed === true;
  if (parent.type === 'MemberExpression' && key === 'property') return !computed;
  if (['Property', 'MethodDefinition', 'PropertyDefinition'].includes(parent.type) && key === 'key') return !computed;
  return false;
}

function nameOf(node: Node, parent: Node | null, key: string): string | null {
  if (node.type === 'Identifier' && typeof node.name === 'string' && !isNameOnly(parent, key)) return node.name;
  if (node.type === 'MemberExpression') {
    const property = node.property as Node;
    if (property.type === 'Identifier' && node.computed !== true) return String(property.name);
    if (property.type === 'Literal' && typeof property.value === 'string') return property.value;
  }
  return null;
}

/** `name @ offset` for every network reference in `code`. */
export function networkCallSites(code: string, file = 'code.js'): string[] {
  const found: string[] = [];
  const visit = (node: Node, parent: Node | null, key: string): void => {
    const name = nameOf(node, parent, key);
    if (name !== null && NETWORK_NAMES.has(name)) found.push(`${file}: ${name} @ ${node.start}`);
    for (const [childKey, child] of Object.entries(node)) {
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item, node, childKey);
      } else if (isNode(child)) {
        visit(child, node, childKey);
      }
    }
  };
  visit(parseAst(code, { sourceType: 'module' }, file) as unknown as Node, null, '');
  return found;
}
