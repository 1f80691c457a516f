import type { ExchangeRecord } from '../../model/exchange-record';
import { capturedText } from '../format/captured-text';
import { rowView } from '../format/row-view';

const PREFLIGHT_MARKS = {
  observed: { mark: '⇄', title: 'Preflighted: the OPTIONS request was seen' },
  'maybe-cached': { mark: '⇄?', title: 'Needed a preflight, none seen: probably answered from the preflight cache' },
  none: { mark: '', title: 'No preflight' },
} as const;

export interface RequestRowProps {
  record: ExchangeRecord;
  index: number;
  top: number;
  selected: boolean;
  compact: boolean;
  onSelect(record: ExchangeRecord): void;
}

/** One request in the list. Every value is server-controlled and rendered as text only. */
export function RequestRow({ record, index, top, selected, compact, onSelect }: RequestRowProps) {
  const view = rowView(record);
  const preflight = PREFLIGHT_MARKS[view.preflight];
  return (
    <tr
      id={`row-${record.requestId}`}
      class={`row verdict-${view.verdictClass}${selected ? ' selected' : ''}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="request-row"
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(record)}
    >
      <td class="cell method">{view.method}</td>
      <td class="cell url" title={capturedText(record.exchange.request.url, 2_000)}>
        <span class="host">{view.host}</span>
        {view.hostPath.slice(view.host.length)}
      </td>
      <td class="cell status" data-testid="status">
        {view.status}
      </td>
      {!compact && (
        <td class="cell kind" data-testid="verdict-kind">
          <span class="dot" aria-hidden="true" />
          {view.verdictLabel}
        </td>
      )}
      <td class="cell code" data-testid="verdict">
        {view.code}
      </td>
      {!compact && (
        <td class="cell preflight" title={preflight.title} aria-label={preflight.title}>
          {preflight.mark}
        </td>
      )}
      {!compact && <td class="cell time">{view.time}</td>}
    </tr>
  );
}
