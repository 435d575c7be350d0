import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SiteNav } from "@/components/ui/site-nav";
import { getSessionUser } from "@/lib/auth";

const LINKS = [
  { href: "/admin", label: "Stats" },
  { href: "/admin/review", label: "Review" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit" },
  { href: "/uploads", label: "My files" },
];

/** Admin pages: a 404 for everyone else, so they do not even learn the pages exist. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  if (user.role !== "ADMIN") notFound();
  return (
    <>
      <header className="app-header">
        <a href="/admin" className="brand">
          Slipway <span className="badge">admin</span>
        </a>
        <SiteNav label="Administration" links={LINKS} />
        <span className="muted app-header__user">{user.name}</span>
        <SignOutButton />
      </header>
      <main className="page page--wide">{children}</main>
    </>
  );
}
