import type { Child } from 'hono/jsx';

/**
 * A newsroom list as a table that scrolls sideways on a phone: one header cell a column, one
 * cell a value, or the `empty` sentence when there is no row.
 */
export function DataTable(p: { columns: string[]; rows: Child[][]; empty: string }) {
  if (p.rows.length === 0) return <p>{p.empty}</p>;
  return (
    <div class="table-wrap">
      <table class="data">
        <thead>
          <tr>
            {p.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((cells) => (
            <tr>
              {cells.map((c) => (
                <td>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
