"use client";

import { useEffect, useRef, useState } from "react";
import type { GuestDetails } from "@/lib/api-client/guest-api";
import type { PublicRequestJson } from "@/lib/requests/request-json";
import { Field } from "../../ui/field";
import { UploadPanel } from "../../uploads/upload-panel";
import { detailsProblem } from "../guest-details";
import { dropHint, fullReason } from "../limit-words";
import { guestTarget } from "./guest-target";

interface Props {
  token: string;
  request: PublicRequestJson;
  /** The password the guest typed, when the request has one. */
  password?: string;
}

/** The guest's name and e-mail when the request asks for them, then the same drop zone and queue as the dashboard. */
export function GuestUploader({ token, request, password }: Props) {
  const [fields, setFields] = useState({ name: "", email: "" });
  const nameInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const [invalid, setInvalid] = useState<keyof typeof fields | null>(null);
  // The engine is made once; it reads what the guest typed when it creates each upload.
  const details = useRef<GuestDetails>({});
  useEffect(() => {
    details.current = { guestName: request.askName ? fields.name.trim() : undefined, guestEmail: request.askEmail ? fields.email.trim() : undefined, password };
  }, [fields, password, request.askName, request.askEmail]);
  const [target] = useState(() => () => guestTarget(token, () => details.current));

  function check(): string | null {
    const full = fullReason(request);
    if (full) return full;
    const problem = detailsProblem(request, fields);
    setInvalid(problem?.field ?? null);
    if (problem) (problem.field === "name" ? nameInput : emailInput).current?.focus();
    return problem?.message ?? null;
  }

  return (
    <>
      {(request.askName || request.askEmail) && (
        <fieldset className="guest__details">
          <legend>About you</legend>
          {request.askName && (
            <Field
              ref={nameInput}
              label="Your name"
              required
              autoComplete="name"
              maxLength={200}
              value={fields.name}
              aria-invalid={invalid === "name" || undefined}
              onChange={(event) => setFields({ ...fields, name: event.target.value })}
            />
          )}
          {request.askEmail && (
            <Field
              ref={emailInput}
              label="Your e-mail address"
              type="email"
              required
              autoComplete="email"
              maxLength={320}
              value={fields.email}
              aria-invalid={invalid === "email" || undefined}
              onChange={(event) => setFields({ ...fields, email: event.target.value })}
            />
          )}
          <p className="muted">Sent with your files to {request.ownerName}.</p>
        </fieldset>
      )}
      <UploadPanel target={target} hint={dropHint(request)} accept={request.allowedTypes.join(",") || undefined} check={check} />
    </>
  );
}
