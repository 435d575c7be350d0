import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: "Slipway",
  description: "Drop files, they go straight to storage; share them with links that expire.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never at build time: Next.js nonces its scripts with the request's CSP
  // nonce (proxy.ts), and a page prerendered without one would not run under that policy.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers uploadSettings={{ singlePutMaxBytes: env.MULTIPART_THRESHOLD_BYTES }}>{children}</Providers>
      </body>
    </html>
  );
}
