"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "@/lib/api-client/call";
import { requestPageApi } from "@/lib/api-client/guest-api";
import type { PublicRequestJson } from "@/lib/requests/request-json";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { ErrorMessage } from "../../ui/error-message";
import { GuestUploader } from "./guest-uploader";
import { requestQueryKey } from "./guest-target";
import { PasswordStep } from "./password-step";
import { RequestSummary } from "./request-summary";

/**
 * The public page of a request link: what is asked and within which limits, the password step
 * when there is one, then the uploader. The limits left are read again after each finished file.
 */
export function GuestRequest({ token, initial }: { token: string; initial: PublicRequestJson }) {
  const query = useQuery({ queryKey: requestQueryKey(token), queryFn: () => requestPageApi.describe(token), initialData: initial, refetchOnWindowFocus: false });
  const request = query.data;
  const [password, setPassword] = useState<string | null>(null);
  // Revoked or expired while the page was open: say so instead of offering a drop zone that cannot work.
  const closed = query.error instanceof ApiError && (query.error.status === 410 || query.error.status === 404);

  return (
    <article className="card stack guest">
      <RequestSummary request={request} />
      {closed ? (
        <ErrorMessage message={`${describeUploadError(query.error)} Ask the person who sent you the link for a new one.`} />
      ) : request.needsPassword && password === null ? (
        <PasswordStep token={token} onUnlocked={setPassword} />
      ) : (
        <GuestUploader token={token} request={request} password={password ?? undefined} />
      )}
    </article>
  );
}
