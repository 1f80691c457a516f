import type { ExchangeRecord } from '../../model/exchange-record';
import { firefoxNotes } from '../format/firefox-notes';

/** Where Firefox, which captured this request, behaved differently from Chromium. */
export function FirefoxNoteSection({ record }: { record: ExchangeRecord }) {
  const notes = firefoxNotes(record);
  if (notes.length === 0) return null;
  return (
    <section class="section" aria-labelledby="firefox-heading">
      <h3 id="firefox-heading">What Firefox did</h3>
      <ul class="advisories" data-testid="firefox-notes">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
