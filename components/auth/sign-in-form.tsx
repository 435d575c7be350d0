"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "../ui/field";
import { ErrorMessage } from "../ui/error-message";

export function SignInForm({ signupEnabled }: { signupEnabled: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    setBusy(false);
    if (result?.ok) {
      router.replace("/uploads");
      router.refresh();
    } else {
      // next-auth reports a refused password as "CredentialsSignin"; anything else (rate limit) has its own words.
      const reason = result?.error && result.error !== "CredentialsSignin" ? result.error : null;
      setError(reason ?? "That email and password do not match an active account.");
    }
  }

  return (
    <form className="card stack" onSubmit={onSubmit} aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in to Slipway</h1>
      <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <ErrorMessage message={error} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      {signupEnabled && (
        <p className="muted">
          New here? <a href="/signup">Create an account</a>
        </p>
      )}
    </form>
  );
}
