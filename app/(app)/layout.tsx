import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SiteNav } from "@/components/ui/site-nav";
import { getSessionUser } from "@/lib/auth";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  const links = [
    { href: "/uploads", label: "My files" },
    { href: "/requests", label: "Requests" },
    { href: "/account", label: "Account" },
    ...(user.role === "ADMIN" ? [{ href: "/admin", label: "Admin" }] : []),
  ];
  return (
    <>
      <header className="app-header">
        <a href="/uploads" className="brand">
          Slipway
        </a>
        <SiteNav label="Main" links={links} />
        <span className="muted app-header__user">
          {user.name} {user.role === "ADMIN" && <span className="badge">admin</span>}
        </span>
        <SignOutButton />
      </header>
      <main className="page">{children}</main>
    </>
  );
}
