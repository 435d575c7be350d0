const SHORTCUTS = [
  ["j", "Next file"],
  ["k", "Previous file"],
  ["a", "Approve the current file"],
  ["r", "Reject the current file (asks for a note)"],
  ["o", "Open the current file's preview"],
  ["x", "Select or unselect the current file"],
  ["?", "Show or hide this list"],
] as const;

/** The queue's single-key shortcuts, listed where people can find them. */
export function ShortcutsHelp({ open, onToggle }: { open: boolean; onToggle: (open: boolean) => void }) {
  return (
    <details className="shortcuts" open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary>Keyboard shortcuts</summary>
      <p className="muted">They work anywhere on this page except while typing in a field.</p>
      <dl className="shortcuts__list">
        {SHORTCUTS.map(([key, action]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
