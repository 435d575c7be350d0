"use client";

import { useId, useState, type FormEvent } from "react";
import { EXPIRY_PRESETS, expirySeconds, toDateTimeLocal } from "@/lib/links/expiry-choice";
import { type CreateLinkInput, MAX_LINK_SECONDS } from "@/lib/validations/link";
import { ErrorMessage } from "../ui/error-message";
import { Field } from "../ui/field";

interface Props {
  busy: boolean;
  /** Focus the first field (when the form comes back after a link was created). */
  autoFocus?: boolean;
  onCreate: (input: CreateLinkInput) => void;
}

/** Expiry (preset or custom up to 30 days), optional download limit, optional password. */
export function CreateLinkForm({ busy, autoFocus, onCreate }: Props) {
  const [preset, setPreset] = useState<string>("86400");
  const [custom, setCustom] = useState("");
  const [limit, setLimit] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const expiryId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const expiry = expirySeconds(preset, custom);
    if (!expiry.ok) return setProblem(expiry.message);
    const maxDownloads = limit ? Number(limit) : undefined;
    if (maxDownloads !== undefined && !(Number.isInteger(maxDownloads) && maxDownloads >= 1)) {
      return setProblem("The download limit must be a whole number, at least 1 (or empty for no limit).");
    }
    setProblem(null);
    onCreate({ expiresInSeconds: expiry.seconds, maxDownloads, password: password || undefined });
  }

  const now = new Date();
  return (
    <form className="stack" onSubmit={submit} aria-label="New share link">
      <label className="field" htmlFor={expiryId}>
        Expires after
        <select id={expiryId} autoFocus={autoFocus} value={preset} onChange={(event) => setPreset(event.target.value)}>
          {EXPIRY_PRESETS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {preset === "custom" && (
        <Field
          label="Expires at"
          type="datetime-local"
          required
          value={custom}
          min={toDateTimeLocal(new Date(now.getTime() + 60_000))}
          max={toDateTimeLocal(new Date(now.getTime() + MAX_LINK_SECONDS * 1000))}
          onChange={(event) => setCustom(event.target.value)}
          hint="Your local time; at most 30 days from now."
        />
      )}
      <Field
        label="Download limit (optional)"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={limit}
        onChange={(event) => setLimit(event.target.value)}
        hint="Empty: no limit."
      />
      <Field
        label="Password (optional)"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        hint="At least 8 characters. Whoever opens the link must type it."
      />
      <ErrorMessage message={problem} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Creating link…" : "Create link"}
      </button>
    </form>
  );
}
