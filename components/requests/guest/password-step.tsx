"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { ApiError } from "@/lib/api-client/call";
import { requestPageApi } from "@/lib/api-client/guest-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { ErrorMessage } from "../../ui/error-message";

function passwordProblem(error: unknown): string {
  if (error instanceof ApiError && error.code === "wrong_password") return "That password is not right. Check it with the person who sent you the link, then try again.";
  if (error instanceof ApiError && error.status === 429) return `Too many attempts. Wait ${error.retryAfter ? `${error.retryAfter} s` : "a minute"}, then try again.`;
  return describeUploadError(error);
}

/** The request's password, checked by the server before anything can be sent. */
export function PasswordStep({ token, onUnlocked }: { token: string; onUnlocked: (password: string) => void }) {
  const [password, setPassword] = useState("");
  const errorId = useId();
  const check = useMutation({ mutationFn: (value: string) => requestPageApi.checkPassword(token, value), onSuccess: (_, value) => onUnlocked(value) });

  function submit(event: FormEvent) {
    event.preventDefault();
    check.mutate(password);
  }

  return (
    <form className="stack" onSubmit={submit}>
      <p>The person who sent you this link protected it with a password. Type it to send your files.</p>
      <label className="field">
        Password
        <input
          type="password"
          required
          autoComplete="off"
          autoFocus
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={check.isError || undefined}
          aria-describedby={check.isError ? errorId : undefined}
        />
      </label>
      <div id={errorId}>
        <ErrorMessage message={check.isError ? passwordProblem(check.error) : null} />
      </div>
      <button type="submit" className="button" disabled={check.isPending}>
        {check.isPending ? "Checking…" : "Continue"}
      </button>
    </form>
  );
}
