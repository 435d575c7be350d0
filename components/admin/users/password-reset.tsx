"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { adminApi, type AdminUserJson } from "@/lib/api-client/admin-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { copyOrSelect } from "../../ui/copy-or-select";
import { ErrorMessage } from "../../ui/error-message";

/** A new random password for the user, shown this once with a copy button; their sessions end. */
export function PasswordReset({ user }: { user: AdminUserJson }) {
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState("");
  const reset = useMutation({ mutationFn: () => adminApi.resetPassword(user.id), onSuccess: () => setNotice("") });

  const copy = async (password: string) => setNotice(await copyOrSelect(password, input, "password"));

  return (
    <section className="stack" aria-labelledby="reset-title">
      <h3 id="reset-title">Password</h3>
      {reset.data ? (
        <>
          <p className="muted">Give this password to {user.name}. It is shown only now; every session of the account has ended.</p>
          <div className="new-link__row">
            <label className="visually-hidden" htmlFor="new-password">
              New password
            </label>
            <input id="new-password" ref={input} className="new-link__url" readOnly value={reset.data} autoFocus onFocus={(event) => event.target.select()} />
            <button type="button" className="button" onClick={() => copy(reset.data)}>
              Copy password
            </button>
          </div>
        </>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          disabled={reset.isPending}
          onClick={() => window.confirm(`Reset the password of ${user.email}? Their sessions end at once.`) && reset.mutate()}
        >
          {reset.isPending ? "Resetting…" : "Reset password"}
        </button>
      )}
      <ErrorMessage message={reset.isError ? `The password was not reset: ${describeUploadError(reset.error)}` : null} />
      <p role="status" className="muted">
        {notice}
      </p>
    </section>
  );
}
