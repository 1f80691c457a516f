import { RECORD_FILTERS, type RecordFilter } from '../state/filter-records';

export interface FilterBarProps {
  filter: RecordFilter;
  query: string;
  shown: number;
  total: number;
  preserveLog: boolean;
  /** Clear and preserve act on the live log; off while an imported file is shown. */
  live: boolean;
  onFilter(filter: RecordFilter): void;
  onQuery(query: string): void;
  onPreserveLog(preserve: boolean): void;
  onClear(): void;
}

/** Clear, preserve log, search and the verdict filters, as in DevTools' Network panel. */
export function FilterBar(props: FilterBarProps) {
  const { filter, query, shown, total, preserveLog, live } = props;
  return (
    <div class="bar filter-bar">
      <button
        type="button"
        class="icon"
        onClick={props.onClear}
        disabled={!live}
        aria-label="Clear log"
        title="Clear log"
      >
        ⊘
      </button>
      <label class="check" title="Keep the log when the page navigates">
        <input
          type="checkbox"
          checked={preserveLog}
          disabled={!live}
          onChange={(e) => props.onPreserveLog(e.currentTarget.checked)}
        />
        Preserve log
      </label>
      <span class="divider" />
      <input
        type="search"
        class="search"
        placeholder="Search URL, method, status, error"
        aria-label="Search requests"
        value={query}
        onInput={(e) => props.onQuery(e.currentTarget.value)}
      />
      <fieldset class="segmented">
        <legend class="visually-hidden">Show</legend>
        {RECORD_FILTERS.map(({ id, label }) => (
          <button key={id} type="button" aria-pressed={filter === id} onClick={() => props.onFilter(id)}>
            {label}
          </button>
        ))}
      </fieldset>
      <span class="spacer" />
      <span class="muted" data-testid="shown-count">
        {shown === total ? `${total} requests` : `${shown} of ${total} requests`}
      </span>
    </div>
  );
}
