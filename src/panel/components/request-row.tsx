import type { ExchangeRecord } from '../../model/exchange-record';
import { capturedText } from '../format/captured-text';
import { rowView } from '../format/row-view';
import { AGREEMENT_MARKS, type AgreementState } from '../state/agreement';

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
  /** The host the list's heading names: rows to it show only their path. */
  sharedHost: string;
  /** Precise mode: how CORS Lens's verdict compares with Chromium's; null when Chromium did not see it. */
  agreement: AgreementState | null;
  onSelect(record: ExchangeRecord): void;
  onMenu(record: ExchangeRecord, at: { x: number; y: number }): void;
}

/**
 * One request in the list. Every value is server-controlled and rendered as text only. The verdict
 * cell starts with a symbol (✗ ✓ ⚠, styles/list.css) so a failure never reads by colour alone;
 * cells a narrow list may cut carry their whole text as a tooltip.
 */
export function RequestRow({ record, index, top, selected, sharedHost, agreement, onSelect, onMenu }: RequestRowProps) {
  const view = rowView(record);
  const preflight = PREFLIGHT_MARKS[view.preflight];
  const showHost = view.host !== '' && view.host !== sharedHost;
  return (
    <tr
      id={`row-${record.requestId}`}
      class={`row verdict-${view.verdictClass}${selected ? ' selected' : ''}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="request-row"
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(record)}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(record, { x: event.clientX, y: event.clientY });
      }}
    >
      <td class="cell kind" data-testid="verdict-kind" title={view.verdictLabel}>
        <span class="kind-text">{view.verdictLabel}</span>
      </td>
      <td class="cell method" title={view.method}>
        {view.method}
      </td>
      <td class="cell url" title={capturedText(record.exchange.request.url, 2_000)}>
        {showHost && <span class="host">{view.host}</span>}
        {view.hostPath.slice(view.host.length)}
      </td>
      <td
        class="cell status"
        data-testid="status"
        title={view.time === '' ? view.status : `${view.status} · ${view.time}`}
      >
        {view.status}
      </td>
      <td class="cell code" title={view.code}>
        {agreement !== null && (
          <span
            class={`agreement agreement-${agreement}`}
            data-testid="agreement"
            data-state={agreement}
            title={AGREEMENT_MARKS[agreement].title}
            role="img"
            aria-label={`Chromium ${AGREEMENT_MARKS[agreement].label}`}
          >
            {AGREEMENT_MARKS[agreement].mark}
          </span>
        )}
        <span data-testid="verdict">{view.code}</span>
      </td>
      <td class="cell preflight" title={preflight.title} aria-label={preflight.title}>
        {preflight.mark}
      </td>
      <td class="cell time">{view.time}</td>
    </tr>
  );
}
