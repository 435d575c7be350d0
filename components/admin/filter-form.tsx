import type { FormEvent, ReactNode } from "react";

interface Props {
  /** The name of the search landmark the form is. */
  label: string;
  submitLabel?: string;
  onSubmit: () => void;
  /** Clears the filters; without it there is no Reset button. */
  onReset?: () => void;
  children: ReactNode;
}

/**
 * A list's filters with their buttons on a row of their own. They apply on submit only, so typing
 * does not reload the list at every key.
 */
export function FilterForm({ label, submitLabel = "Apply filters", onSubmit, onReset, children }: Props) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form className="filters" role="search" aria-label={label} onSubmit={submit}>
      {children}
      <div className="button-row filters__buttons">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        {onReset && (
          <button type="button" className="button button--secondary" onClick={onReset}>
            Reset
          </button>
        )}
      </div>
    </form>
  );
}
