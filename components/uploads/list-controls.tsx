"use client";

import { useState } from "react";
import { STATUS_GROUP_LABEL, STATUS_GROUPS, TYPE_GROUP_LABEL, TYPE_GROUPS } from "@/lib/uploads/upload-groups";
import { FilterForm } from "../admin/filter-form";
import { Field } from "../ui/field";
import { SelectField } from "../ui/select-field";
import type { ListParams } from "./use-list-params";

const SORT_OPTIONS = [
  { value: "date:desc", label: "Newest first" },
  { value: "date:asc", label: "Oldest first" },
  { value: "name:asc", label: "Name, A to Z" },
  { value: "name:desc", label: "Name, Z to A" },
  { value: "size:desc", label: "Largest first" },
  { value: "size:asc", label: "Smallest first" },
];
const STATUS_OPTIONS = [{ value: "", label: "Any status" }, ...STATUS_GROUPS.map((group) => ({ value: group, label: STATUS_GROUP_LABEL[group] }))];
const TYPE_OPTIONS = [{ value: "", label: "Any type" }, ...TYPE_GROUPS.map((group) => ({ value: group, label: TYPE_GROUP_LABEL[group] }))];
const RECEIVED_OPTIONS = [
  { value: "", label: "Anywhere" },
  { value: "true", label: "Received via a request link" },
  { value: "false", label: "Uploaded by me" },
];

type Draft = { q: string; sort: string; status: string; type: string; received: string };

const draftOf = (params: ListParams): Draft => ({
  q: params.q,
  sort: `${params.sort}:${params.order}`,
  status: params.status ?? "",
  type: params.type ?? "",
  received: params.received === null ? "" : String(params.received),
});

function toParams(draft: Draft): Partial<ListParams> {
  const [sort, order] = draft.sort.split(":") as [ListParams["sort"], ListParams["order"]];
  return {
    q: draft.q.trim(),
    sort,
    order,
    status: (draft.status || null) as ListParams["status"],
    type: (draft.type || null) as ListParams["type"],
    received: draft.received === "" ? null : draft.received === "true",
  };
}

/**
 * Search, sort and filters, applied together on submit (typing does not reload the list at
 * every key). Searching or filtering looks through every folder; Reset goes back to browsing.
 */
export function ListControls({ applied, onApply }: { applied: ListParams; onApply: (change: Partial<ListParams>) => void }) {
  const [draft, setDraft] = useState(() => draftOf(applied));
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  return (
    <FilterForm
      label="Search and sort your files"
      submitLabel="Show files"
      onSubmit={() => onApply(toParams(draft))}
      onReset={() => onApply({ q: "", sort: "date", order: "desc", status: null, type: null, received: null })}
    >
      <Field label="Name contains" type="search" value={draft.q} maxLength={200} onChange={set("q")} />
      <SelectField label="Sort" options={SORT_OPTIONS} value={draft.sort} onChange={set("sort")} />
      <SelectField label="Status" options={STATUS_OPTIONS} value={draft.status} onChange={set("status")} />
      <SelectField label="Type" options={TYPE_OPTIONS} value={draft.type} onChange={set("type")} />
      <SelectField label="Came from" options={RECEIVED_OPTIONS} value={draft.received} onChange={set("received")} />
    </FilterForm>
  );
}
