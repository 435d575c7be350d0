"use client";

import { useState } from "react";
import type { ReviewFilter, UploadFilters } from "@/lib/api-client/admin-api";
import { Field } from "../../ui/field";
import { SelectField } from "../../ui/select-field";
import { FilterForm } from "../filter-form";
import { dayStart, mebibytes } from "../filter-values";

const REVIEW_OPTIONS: Array<{ value: ReviewFilter; label: string }> = [
  { value: "pending", label: "Waiting for review (oldest first)" },
  { value: "approved", label: "Approved" },
  { value: "rejected", label: "Rejected" },
  { value: "none", label: "Not reviewed (review off)" },
  { value: "all", label: "All" },
];

const TYPE_OPTIONS = [
  { value: "", label: "Any type" },
  { value: "image/", label: "Images" },
  { value: "video/", label: "Videos" },
  { value: "audio/", label: "Audio" },
  { value: "text/", label: "Text" },
  { value: "application/pdf", label: "PDF" },
  { value: "application/", label: "Other documents and binaries (application/…)" },
];

const EMPTY = { review: "pending" as ReviewFilter, q: "", owner: "", type: "", minMiB: "", maxMiB: "", from: "", to: "" };
type Draft = typeof EMPTY;

/** The filter form's text, as the API's filters: sizes in bytes, dates as the local day's bounds. */
function toFilters(draft: Draft): UploadFilters {
  return {
    review: draft.review,
    q: draft.q.trim() || undefined,
    owner: draft.owner.trim() || undefined,
    type: draft.type || undefined,
    minSize: mebibytes(draft.minMiB),
    maxSize: mebibytes(draft.maxMiB),
    from: dayStart(draft.from),
    // `to` is excluded by the API: the day after the chosen one makes the chosen day count.
    to: dayStart(draft.to, 1),
  };
}

interface Props {
  /**
   * The filters in force. Those set from elsewhere are shown in the form: an owner chosen from a
   * row ("only this owner"), or the state, search and owner of a file opened from a link.
   */
  applied: UploadFilters;
  onApply: (filters: UploadFilters) => void;
}

/** Which files the queue lists; applied on submit. */
export function ReviewFilters({ applied, onApply }: Props) {
  const shown = { review: applied.review ?? EMPTY.review, q: applied.q ?? "", owner: applied.owner ?? "" };
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, ...shown });
  const [seen, setSeen] = useState(shown);
  if (shown.review !== seen.review || shown.q !== seen.q || shown.owner !== seen.owner) {
    setSeen(shown);
    setDraft((current) => ({ ...current, ...shown }));
  }
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value }));

  function reset() {
    setDraft(EMPTY);
    onApply(toFilters(EMPTY));
  }

  return (
    <FilterForm label="Filter the review queue" onSubmit={() => onApply(toFilters(draft))} onReset={reset}>
      <SelectField label="Review state" options={REVIEW_OPTIONS} value={draft.review} onChange={set("review")} />
      <Field label="Search" type="search" value={draft.q} onChange={set("q")} hint="Part of a file name or of the owner's e-mail." />
      <Field label="Owner id" value={draft.owner} onChange={set("owner")} hint="Set by “Only this owner” in a row." />
      <SelectField label="Type" options={TYPE_OPTIONS} value={draft.type} onChange={set("type")} />
      <Field label="Smallest size (MiB)" type="number" min={0} step="any" inputMode="decimal" value={draft.minMiB} onChange={set("minMiB")} />
      <Field label="Largest size (MiB)" type="number" min={0} step="any" inputMode="decimal" value={draft.maxMiB} onChange={set("maxMiB")} />
      <Field label="Uploaded from" type="date" value={draft.from} onChange={set("from")} />
      <Field label="Uploaded until (inclusive)" type="date" value={draft.to} onChange={set("to")} />
    </FilterForm>
  );
}
