"use client";

import { useId, useState } from "react";
import type { AuditFilters as Filters } from "@/lib/api-client/admin-api";
import { Field } from "../../ui/field";
import { FilterForm } from "../filter-form";
import { dayStart } from "../filter-values";
import { AUDIT_ACTIONS } from "./audit-actions";

const EMPTY = { actor: "", action: "", target: "", from: "", to: "" };

/** Which audit events to list and export; applied on submit. */
export function AuditFilters({ onApply }: { onApply: (filters: Filters) => void }) {
  const [draft, setDraft] = useState(EMPTY);
  const actionsId = useId();
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value }));

  function apply(next: typeof EMPTY) {
    onApply({
      actor: next.actor.trim() || undefined,
      action: next.action.trim() || undefined,
      target: next.target.trim() || undefined,
      from: dayStart(next.from),
      to: dayStart(next.to, 1), // `to` is excluded: the next day's start keeps the chosen day in
    });
  }

  function reset() {
    setDraft(EMPTY);
    apply(EMPTY);
  }

  return (
    <FilterForm label="Filter the audit log" onSubmit={() => apply(draft)} onReset={reset}>
      <Field label="Actor" value={draft.actor} onChange={set("actor")} hint="A user's e-mail or id." />
      <Field label="Action" value={draft.action} onChange={set("action")} list={actionsId} hint="Exact (review.reject) or a prefix ending in a dot (link.)." />
      <datalist id={actionsId}>
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <Field label="Target" value={draft.target} onChange={set("target")} hint="The exact id of a file, link or user." />
      <Field label="From" type="date" value={draft.from} onChange={set("from")} />
      <Field label="Until (inclusive)" type="date" value={draft.to} onChange={set("to")} />
    </FilterForm>
  );
}
