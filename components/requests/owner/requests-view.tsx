"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { requestsApi } from "@/lib/api-client/requests-api";
import type { UploadRequestJson } from "@/lib/requests/request-json";
import type { CreateRequestInput } from "@/lib/validations/request";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { NewLinkPanel } from "../../links/new-link-panel";
import { ErrorMessage } from "../../ui/error-message";
import { LoadMoreButton } from "../../ui/load-more-button";
import { useCursorPages } from "../../ui/use-cursor-pages";
import { useNow } from "../../ui/use-now";
import { CreateRequestForm } from "./create-request-form";
import { RequestCard } from "./request-card";

const queryKey = ["requests"];

/** Some files are still arriving: read the counts again every few seconds until they are in. */
const refetchWhileArriving = (pages: Array<{ items: UploadRequestJson[] }>) => (pages.some((page) => page.items.some((request) => request.inProgress.files > 0)) ? 5000 : false);

/** Asking people for files: a new request link (its address shown once), and every request made so far. */
export function RequestsView() {
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const { query, items } = useCursorPages(queryKey, requestsApi.list, { refetchInterval: refetchWhileArriving });
  const [created, setCreated] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const listHeading = useRef<HTMLHeadingElement>(null);
  const create = useMutation({
    mutationFn: (input: CreateRequestInput) => requestsApi.create(input),
    onSuccess: ({ url }) => (setCreated(url), setNotice("")),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => requestsApi.revoke(id),
    // The Revoke button goes away: say so, and keep focus in the list.
    onSuccess: () => (setNotice("Request revoked: its link no longer takes files."), listHeading.current?.focus()),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });

  return (
    <div className="stack">
      <section className="card stack request-section" aria-labelledby="new-request-title">
        <h2 id="new-request-title" className="request-section__title">
          Ask for files
        </h2>
        {created ? (
          <>
            <NewLinkPanel url={created} onNotice={setNotice} what="request link" />
            <button type="button" className="button button--secondary" onClick={() => (setCreated(null), create.reset())}>
              Create another request
            </button>
          </>
        ) : (
          <CreateRequestForm busy={create.isPending} onCreate={(input) => create.mutate(input)} />
        )}
        <ErrorMessage message={create.isError ? `The request was not created: ${describeUploadError(create.error)}` : null} />
      </section>
      <p role="status" className="live-line muted">
        {notice}
      </p>
      <h2 ref={listHeading} tabIndex={-1}>
        Your requests
      </h2>
      <ErrorMessage message={revoke.isError ? `Could not revoke: ${describeUploadError(revoke.error)}` : null} />
      {query.isPending ? (
        <p aria-busy="true">Loading your requests…</p>
      ) : query.isError ? (
        <ErrorMessage message={`Your requests could not be loaded: ${describeUploadError(query.error)}`} />
      ) : !items.length ? (
        <p className="muted">No requests yet. Create one above and send its link to whoever has the files.</p>
      ) : (
        <ul className="request-list">
          {items.map((request) => (
            <RequestCard
              key={request.id}
              request={request}
              now={now}
              revoking={revoke.isPending && revoke.variables === request.id}
              onRevoke={() => window.confirm(`Revoke “${request.label}”? Its link will stop taking files; the files already received stay yours.`) && revoke.mutate(request.id)}
            />
          ))}
        </ul>
      )}
      <LoadMoreButton pages={query} label="Show more requests" />
    </div>
  );
}
