import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getSessionUser } from "@/lib/auth";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return (
    <>
      <header className="app-header">
        <a href="/uploads" className="brand">
          Slipway
        </a>
        <span className="muted">
          {user.name} {user.role === "ADMIN" && <span className="badge">admin</span>}
        </span>
        <SignOutButton />
      </header>
      <main className="page">{children}</main>
    </>
  );
}
