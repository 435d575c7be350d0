import { useId, type ComponentProps } from "react";

interface Props extends ComponentProps<"input"> {
  label: string;
  /** Help shown under the input and announced with it. */
  hint?: string;
}

/** A labelled text input; the label wraps it, so clicking the label focuses the input. */
export function Field({ label, hint, ...input }: Props) {
  const hintId = useId();
  return (
    <label className="field">
      {label}
      <input {...input} aria-describedby={hint ? hintId : undefined} />
      {hint && (
        <span id={hintId} className="muted">
          {hint}
        </span>
      )}
    </label>
  );
}
