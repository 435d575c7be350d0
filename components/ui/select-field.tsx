import { useId, type SelectHTMLAttributes } from "react";

interface Props extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

/** A labelled drop-down list, the <select> counterpart of Field. */
export function SelectField({ label, options, ...select }: Props) {
  const id = useId();
  return (
    <label className="field" htmlFor={id}>
      {label}
      <select id={id} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
