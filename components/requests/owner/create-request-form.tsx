"use client";

import { useState, type FormEvent } from "react";
import type { CreateRequestInput } from "@/lib/validations/request";
import { ErrorMessage } from "../../ui/error-message";
import { Field } from "../../ui/field";
import { SelectField } from "../../ui/select-field";
import { SizeField } from "../../ui/size-field";
import { EMPTY_REQUEST_FORM, REQUEST_EXPIRY_PRESETS, requestInput, type FormField, type RequestFormValues } from "../request-form-values";
import { TYPE_CHOICES, type TypeChoice } from "../type-choices";

interface Props {
  busy: boolean;
  onCreate: (input: CreateRequestInput) => void;
}

/** What to ask for: name and message, how long, how many files, how large, which types, password, the guest's name and e-mail. */
export function CreateRequestForm({ busy, onCreate }: Props) {
  const [values, setValues] = useState<RequestFormValues>(EMPTY_REQUEST_FORM);
  const [problem, setProblem] = useState<{ field: FormField; message: string } | null>(null);
  const change =
    <K extends keyof RequestFormValues>(key: K) =>
    (value: RequestFormValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const invalid = (field: FormField) => problem?.field === field || undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = requestInput(values);
    if (!result.ok) {
      setProblem(result);
      (event.currentTarget.elements.namedItem(result.field) as HTMLElement | null)?.focus();
      return;
    }
    setProblem(null);
    onCreate(result.input);
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="New upload request" noValidate>
      <Field
        label="Name of the request"
        name="label"
        required
        maxLength={200}
        value={values.label}
        aria-invalid={invalid("label")}
        onChange={(event) => change("label")(event.target.value)}
        hint="Whoever opens the link sees it, with your name."
      />
      <label className="field">
        Message (optional)
        <textarea name="message" rows={3} maxLength={2000} value={values.message} onChange={(event) => change("message")(event.target.value)} />
      </label>
      <div className="request-form__grid">
        <SelectField label="Open for" options={REQUEST_EXPIRY_PRESETS} value={values.expiresInSeconds} onChange={(event) => change("expiresInSeconds")(event.target.value)} />
        <Field
          label="Most files (optional)"
          name="maxFiles"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={values.maxFiles}
          aria-invalid={invalid("maxFiles")}
          onChange={(event) => change("maxFiles")(event.target.value)}
          hint="Empty: no limit."
        />
        <SizeField
          legend="Size per file (optional)"
          name="maxFileSize"
          value={values.maxFileSize}
          onChange={change("maxFileSize")}
          invalid={invalid("maxFileSize")}
          hint="Empty: no limit."
        />
        <SizeField
          legend="Total size (optional)"
          name="maxTotalSize"
          value={values.maxTotalSize}
          onChange={change("maxTotalSize")}
          invalid={invalid("maxTotalSize")}
          hint="Counts against your quota."
        />
      </div>
      <SelectField label="Types of files" options={TYPE_CHOICES} value={values.types} onChange={(event) => change("types")(event.target.value as TypeChoice)} />
      {values.types === "custom" && (
        <Field
          label="Allowed types"
          name="customTypes"
          required
          value={values.customTypes}
          aria-invalid={invalid("customTypes")}
          onChange={(event) => change("customTypes")(event.target.value)}
          hint="Content types separated by commas: image/*, application/pdf, video/mp4."
        />
      )}
      <Field
        label="Password (optional)"
        name="password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        aria-invalid={invalid("password")}
        onChange={(event) => change("password")(event.target.value)}
        hint="At least 8 characters. Whoever opens the link must type it before sending files."
      />
      <fieldset className="request-form__asks">
        <legend>Ask whoever sends files for</legend>
        <label className="check">
          <input type="checkbox" name="askName" checked={values.askName} onChange={(event) => change("askName")(event.target.checked)} />
          Their name (required)
        </label>
        <label className="check">
          <input type="checkbox" name="askEmail" checked={values.askEmail} onChange={(event) => change("askEmail")(event.target.checked)} />
          Their e-mail address (required)
        </label>
      </fieldset>
      <ErrorMessage message={problem?.message ?? null} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Creating request…" : "Create request link"}
      </button>
    </form>
  );
}
