import type { Exchange } from '../../engine';
import { safeText } from '../../engine';
import {
  addHeader,
  type ExchangeEdit,
  fieldKey,
  type ResponseTarget,
  removeHeader,
  responseAt,
  setHeaderName,
  setHeaderValue,
  setStatus,
  targetKey,
} from '../state/what-if';

export interface WhatIfResponseProps {
  exchange: Exchange;
  target: ResponseTarget;
  /** What the user calls it: "preflight response", "redirect 1 response", "final response". */
  title: string;
  /** The response was never received: what is edited is an assumed one. */
  assumed: boolean;
  /** `typing` names the field for undo (see `edit` in state/what-if.ts). */
  onEdit(change: ExchangeEdit, typing?: string): void;
}

/**
 * One response's status and header fields as inputs. Values reach the DOM only as input values
 * and attribute text (Preact sets both as text), so a server's markup stays text.
 */
export function WhatIfResponse({ exchange, target, title, assumed, onEdit }: WhatIfResponseProps) {
  const response = responseAt(exchange, target);
  const key = targetKey(target);
  const headers = response?.headers ?? [];
  return (
    <fieldset class="what-if-response" data-testid="what-if-response" data-target={key}>
      <legend>
        {title[0]?.toUpperCase()}
        {title.slice(1)}
        {assumed && response !== null && <span class="muted"> (not captured: assumed)</span>}
      </legend>
      {response === null && <p class="muted">Never received: adding a header assumes a 200 answer.</p>}
      {response !== null && (
        <label class="what-if-status">
          Status{' '}
          <input
            type="number"
            min={100}
            max={999}
            value={response.status}
            aria-label={`Status of the ${title}`}
            data-field={fieldKey(target, 'status')}
            onInput={(e) => {
              const status = Number(e.currentTarget.value);
              onEdit((ex) => setStatus(ex, target, status), fieldKey(target, 'status'));
            }}
          />
        </label>
      )}
      {headers.map(([name, value], index) => {
        const field = `${title}, header ${index + 1}`;
        return (
          <div class="what-if-header" key={index} data-testid="what-if-header">
            <input
              class="what-if-name"
              value={name}
              spellcheck={false}
              aria-label={`${field} name`}
              onInput={(e) => {
                const typed = e.currentTarget.value;
                onEdit((ex) => setHeaderName(ex, target, index, typed), fieldKey(target, index, 'name'));
              }}
            />
            <input
              class="what-if-value"
              value={value}
              spellcheck={false}
              aria-label={`${field} value`}
              data-field={fieldKey(target, index)}
              onInput={(e) => {
                const typed = e.currentTarget.value;
                onEdit((ex) => setHeaderValue(ex, target, index, typed), fieldKey(target, index));
              }}
            />
            <button
              type="button"
              class="icon"
              aria-label={`Remove ${field} (${safeText(name, 80)})`}
              title="Remove this header"
              onClick={() => onEdit((ex) => removeHeader(ex, target, index))}
            >
              ✕
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onEdit((ex) => addHeader(ex, target))}>
        Add a header to the {title}
      </button>
    </fieldset>
  );
}
