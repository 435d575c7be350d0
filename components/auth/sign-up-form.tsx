"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "../ui/field";
import { ErrorMessage } from "../ui/error-message";
import { accountApi } from "@/lib/api-client/account-api";
import { ApiError } from "@/lib/api-client/call";

export function SignUpForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setBusy(true);
    setError(null);
    try {
      await accountApi.create(body);
      await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      router.replace("/uploads");
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Sign-up failed. Check your connection and try again.");
      setBusy(false);
    }
  }

  return (
    <form className="card stack" onSubmit={onSubmit} aria-labelledby="signup-title">
      <h1 id="signup-title">Create your Slipway account</h1>
      <Field label="Name" name="name" autoComplete="name" required maxLength={100} autoFocus />
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={12} hint="At least 12 characters." />
      <ErrorMessage message={error} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Creating…" : "Create account"}
      </button>
      <p className="muted">
        Have an account? <a href="/signin">Sign in</a>
      </p>
    </form>
  );
}
