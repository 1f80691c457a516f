/**
 * The list's column headings; sticky at the top of the scrolling grid. Every column is always
 * rendered: the list's container queries (styles/list.css) decide which show at its width.
 */
export function ListHeader({ host }: { host: string }) {
  const urlHeading = host === '' ? 'Host and path' : `Path on ${host}`;
  return (
    <thead>
      <tr class="row header" aria-rowindex={1}>
        <th scope="col" class="cell kind" title="Verdict">
          <span class="kind-text">Verdict</span>
        </th>
        <th scope="col" class="cell method">
          Method
        </th>
        <th scope="col" class="cell url" title={urlHeading} data-testid="url-heading">
          {urlHeading}
        </th>
        <th scope="col" class="cell status">
          Status
        </th>
        <th scope="col" class="cell code" title="Chromium's CorsError">
          CORS error
        </th>
        <th scope="col" class="cell preflight" title="Preflight">
          ⇄
        </th>
        <th scope="col" class="cell time">
          Time
        </th>
      </tr>
    </thead>
  );
}
