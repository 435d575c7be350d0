import { useId } from "react";
import { SIZE_UNITS, type SizeUnit } from "./size-units";

interface Props {
  legend: string;
  /** Names the amount input, for focusing it from a form's error. */
  name: string;
  value: { amount: string; unit: SizeUnit };
  onChange: (value: { amount: string; unit: SizeUnit }) => void;
  hint?: string;
  invalid?: boolean;
}

/** A size typed as an amount and a unit (20 MiB, 1.5 GiB), each with its own label. */
export function SizeField({ legend, name, value, onChange, hint, invalid }: Props) {
  const ids = { amount: useId(), unit: useId(), hint: useId() };
  return (
    <fieldset className="quota-field">
      <legend>{legend}</legend>
      <div className="button-row">
        <label className="visually-hidden" htmlFor={ids.amount}>
          {legend} amount
        </label>
        <input
          id={ids.amount}
          name={name}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={value.amount}
          aria-invalid={invalid || undefined}
          aria-describedby={hint ? ids.hint : undefined}
          onChange={(event) => onChange({ ...value, amount: event.target.value })}
        />
        <label className="visually-hidden" htmlFor={ids.unit}>
          {legend} unit
        </label>
        <select id={ids.unit} value={value.unit} onChange={(event) => onChange({ ...value, unit: event.target.value as SizeUnit })}>
          {SIZE_UNITS.map((unit) => (
            <option key={unit.value} value={unit.value}>
              {unit.value}
            </option>
          ))}
        </select>
      </div>
      {hint && (
        <span id={ids.hint} className="muted">
          {hint}
        </span>
      )}
    </fieldset>
  );
}
