"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { linksApi } from "@/lib/api-client/links-api";
import type { UploadJson } from "@/lib/uploads/upload-json";
import type { CreateLinkInput } from "@/lib/validations/link";
import { ErrorMessage } from "../ui/error-message";
import { CreateLinkForm } from "./create-link-form";
import { LinkList } from "./link-list";
import { NewLinkPanel } from "./new-link-panel";

interface Props {
  upload: UploadJson;
  onClose: () => void;
}

/**
 * Sharing one file, in a modal dialog (focus is kept inside, Escape closes it, and focus goes
 * back to the Share button): create a link, see the new address once, manage existing links.
 */
export function ShareDialog({ upload, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const queryKey = ["links", upload.id];

  const [notice, setNotice] = useState("");
  const linksHeading = useRef<HTMLHeadingElement>(null);

  // No close() on cleanup: unmounting takes the dialog out of the top layer anyway, and in
  // development StrictMode's extra cleanup would queue a close event that shuts it at once.
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  // Download counts move while nobody looks: fetch them whenever the dialog opens, then now and then.
  const links = useQuery({ queryKey, queryFn: () => linksApi.list(upload.id), refetchOnMount: "always", refetchInterval: 15_000 });
  const create = useMutation({
    mutationFn: (input: CreateLinkInput) => linksApi.create(upload.id, input),
    onSuccess: ({ url }) => (setCreated(url), setNotice("")),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => linksApi.revoke(linkId),
    // The Revoke button goes away with the link's activity: say so, and keep focus in the list.
    onSuccess: () => (setNotice("Link revoked: it no longer works."), linksHeading.current?.focus()),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });

  const failure = create.error ?? revoke.error;
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="share-title" onClose={onClose}>
      <div className="dialog__head">
        <h2 id="share-title">Share “{upload.name}”</h2>
        <button type="button" className="link-button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      {created ? (
        <>
          <NewLinkPanel url={created} onNotice={setNotice} />
          <button type="button" className="button button--secondary" onClick={() => setCreated(null)}>
            Create another link
          </button>
        </>
      ) : (
        <CreateLinkForm busy={create.isPending} autoFocus={create.isSuccess} onCreate={(input) => create.mutate(input)} />
      )}
      <ErrorMessage message={failure ? describeUploadError(failure) : null} />
      <p role="status" className="muted">
        {notice}
      </p>
      <h3 ref={linksHeading} tabIndex={-1}>
        Links
      </h3>
      {links.isPending ? (
        <p aria-busy="true">Loading links…</p>
      ) : links.isError ? (
        <ErrorMessage message={`The links could not be loaded: ${describeUploadError(links.error)}`} />
      ) : (
        <LinkList
          links={links.data}
          revoking={revoke.isPending ? (revoke.variables ?? null) : null}
          onRevoke={(link) => window.confirm("Revoke this link? Whoever has it will no longer be able to download.") && revoke.mutate(link.id)}
        />
      )}
    </dialog>
  );
}
