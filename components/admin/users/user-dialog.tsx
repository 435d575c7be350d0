"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { adminApi, type AdminUserJson, type UserPatch } from "@/lib/api-client/admin-api";
import { formatBytes } from "@/lib/format-bytes";
import type { Role } from "@/lib/generated/prisma/enums";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { ErrorMessage } from "../../ui/error-message";
import { SelectField } from "../../ui/select-field";
import { SizeField } from "../../ui/size-field";
import { PasswordReset } from "./password-reset";
import { joinSize, splitSize } from "../../ui/size-units";

interface Props {
  user: AdminUserJson;
  defaultQuotaBytes: number;
  onSaved: (user: AdminUserJson) => void;
  onClose: () => void;
}

const ROLE_OPTIONS: Array<{ value: Role; label: string }> = [
  { value: "USER", label: "User" },
  { value: "ADMIN", label: "Admin" },
];

/** Role, trust, disabled state and quota of one user (saved together, only what changed), and a password reset. */
export function UserDialog({ user, defaultQuotaBytes, onSaved, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [role, setRole] = useState<Role>(user.role);
  const [trusted, setTrusted] = useState(user.trusted);
  const [disabled, setDisabled] = useState(user.disabled);
  const [quota, setQuota] = useState(() => splitSize(user.quotaBytes));
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState("");

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  const save = useMutation({
    mutationFn: (changes: UserPatch) => adminApi.updateUser(user.id, changes),
    onSuccess: (saved) => {
      onSaved(saved);
      setNotice("Saved.");
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const quotaBytes = joinSize(quota.amount, quota.unit);
    if (quotaBytes === null) return setProblem("The quota must be a size of 0 or more, such as 50 GiB.");
    const changes: UserPatch = {
      ...(role !== user.role && { role }),
      ...(trusted !== user.trusted && { trusted }),
      ...(disabled !== user.disabled && { disabled }),
      ...(quotaBytes !== user.quotaBytes && { quotaBytes }),
    };
    setProblem(null);
    if (!Object.keys(changes).length) return setNotice("Nothing changed.");
    setNotice("");
    save.mutate(changes);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="user-title" onClose={onClose}>
      <div className="dialog__head">
        <h2 id="user-title">{user.email}</h2>
        <button type="button" className="link-button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <form className="stack" onSubmit={submit} aria-label={`Settings of ${user.email}`}>
        <SelectField label="Role" options={ROLE_OPTIONS} value={role} onChange={(event) => setRole(event.target.value as Role)} />
        <label className="check">
          <input type="checkbox" checked={trusted} onChange={(event) => setTrusted(event.target.checked)} />
          Trusted: their uploads skip review
        </label>
        <label className="check">
          <input type="checkbox" checked={disabled} onChange={(event) => setDisabled(event.target.checked)} />
          Disabled: they cannot sign in or use the API, and their links stop working
        </label>
        <SizeField
          legend="Quota"
          name="quota"
          value={quota}
          onChange={setQuota}
          hint={`Uses ${formatBytes(user.usedBytes)} now. The default for new accounts is ${formatBytes(defaultQuotaBytes)}.`}
        />
        <ErrorMessage message={problem ?? (save.isError ? `Not saved: ${describeUploadError(save.error)}` : null)} />
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save changes"}
        </button>
        <p role="status" className="muted">
          {notice}
        </p>
      </form>
      <PasswordReset user={user} />
    </dialog>
  );
}
