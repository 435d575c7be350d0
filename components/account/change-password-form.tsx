"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { accountApi } from "@/lib/api-client/account-api";
import { ApiError } from "@/lib/api-client/call";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { ErrorMessage } from "../ui/error-message";
import { Field } from "../ui/field";

const MIN_LENGTH = 12;

function describe(error: unknown): string {
  if (error instanceof ApiError && error.code === "wrong_password") return "Your current password is not right. Nothing was changed.";
  return describeUploadError(error);
}

/** Current password, new password twice; every other session of the account ends. */
export function ChangePasswordForm() {
  const form = useRef<HTMLFormElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: accountApi.changePassword,
    onSuccess: () => form.current?.reset(),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    change.reset();
    if (newPassword.length < MIN_LENGTH) return setProblem(`Use at least ${MIN_LENGTH} characters for the new password.`);
    if (newPassword !== data.get("confirmPassword")) return setProblem("The new password and its confirmation differ. Type them again.");
    setProblem(null);
    change.mutate({ currentPassword, newPassword });
  }

  return (
    <form ref={form} className="card stack" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={MIN_LENGTH} hint={`At least ${MIN_LENGTH} characters.`} />
      <Field label="Confirm the new password" name="confirmPassword" type="password" autoComplete="new-password" required minLength={MIN_LENGTH} />
      <ErrorMessage message={problem ?? (change.isError ? describe(change.error) : null)} />
      <p role="status" className="success-text">
        {change.isSuccess ? "Password changed. You stay signed in here; every other session of your account has ended." : ""}
      </p>
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
