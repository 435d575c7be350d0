import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth";
import { env } from "@/lib/env";

export const metadata = { title: "Sign in · Slipway" };

export default async function SignInPage() {
  if (await getSessionUser()) redirect("/uploads");
  return (
    <main className="page page--narrow">
      <SignInForm signupEnabled={env.SIGNUP_ENABLED} />
    </main>
  );
}
