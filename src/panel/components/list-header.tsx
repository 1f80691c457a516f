/** The list's column headings; sticky at the top of the scrolling grid. */
export function ListHeader({ compact }: { compact: boolean }) {
  return (
    <thead>
      <tr class="row header" aria-rowindex={1}>
        <th scope="col" class="cell method">
          Method
        </th>
        <th scope="col" class="cell url">
          Host and path
        </th>
        <th scope="col" class="cell status">
          Status
        </th>
        {!compact && (
          <th scope="col" class="cell kind">
            Verdict
          </th>
        )}
        <th scope="col" class="cell code">
          CORS error
        </th>
        {!compact && (
          <th scope="col" class="cell preflight" title="Preflight">
            ⇄
          </th>
        )}
        {!compact && (
          <th scope="col" class="cell time">
            Time
          </th>
        )}
      </tr>
    </thead>
  );
}
