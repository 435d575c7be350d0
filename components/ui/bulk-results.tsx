/** What a bulk action did to one file: done, or refused with the reason. */
export interface BulkLine {
  id: string;
  name: string;
  ok: boolean;
  message: string;
}

/** What a bulk action (an admin's decision, an owner's delete) did to each file, refusals first. */
export function BulkResults({ lines, onDismiss }: { lines: BulkLine[]; onDismiss: () => void }) {
  const sorted = [...lines].sort((a, b) => Number(a.ok) - Number(b.ok));
  return (
    <section className="card bulk-results" aria-labelledby="bulk-results-title">
      <div className="dialog__head">
        <h2 id="bulk-results-title">Results</h2>
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <ul>
        {sorted.map((line) => (
          <li key={line.id} className={line.ok ? "bulk-results__ok" : "bulk-results__refused"}>
            <span className="bulk-results__name">{line.name}</span>: {line.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
