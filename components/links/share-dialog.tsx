"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { linksApi } from "@/lib/upload-client/links-api";
import type { UploadJson } from "@/lib/uploads/serialize-upload";
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

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  // Download counts move while nobody looks: fetch them whenever the dialog opens, then now and then.
  const links = useQuery({ queryKey, queryFn: () => linksApi.list(upload.id), refetchOnMount: "always", refetchInterval: 15_000 });
  const create = useMutation({
    mutationFn: (input: Parameters<typeof linksApi.create>[1]) => linksApi.create(upload.id, input),
    onSuccess: ({ url }) => setCreated(url),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => linksApi.revoke(linkId),
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
          <NewLinkPanel url={created} />
          <button type="button" className="button button--secondary" onClick={() => setCreated(null)}>
            Create another link
          </button>
        </>
      ) : (
        <CreateLinkForm busy={create.isPending} onCreate={(input) => create.mutate(input)} />
      )}
      <ErrorMessage message={failure ? describeUploadError(failure) : null} />
      <h3>Links</h3>
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
