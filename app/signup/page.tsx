import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth";
import { env } from "@/lib/env";

export const metadata = { title: "Create account · Slipway" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/uploads");
  return (
    <main className="page page--narrow">
      {env.SIGNUP_ENABLED ? (
        <SignUpForm />
      ) : (
        <div className="card stack">
          <h1>Sign-up is closed</h1>
          <p>
            Ask an administrator for an account, then <a href="/signin">sign in</a>.
          </p>
        </div>
      )}
    </main>
  );
}
