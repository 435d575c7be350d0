import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GuestRequest } from "@/components/requests/guest/guest-request";
import { HttpError } from "@/lib/errors";
import { describeUploadRequest } from "@/lib/requests/describe-upload-request";
import "@/components/requests/requests.css";

export const metadata: Metadata = { title: "Send files · Slipway", robots: { index: false, follow: false } };

/**
 * A request link's public page, no session needed. proxy.ts has already answered 404, 410 and 429
 * (request-page-guard.ts); a link closed in the instant since then is simply not found.
 */
export default async function RequestPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const described = await describeUploadRequest(token).catch((error: unknown) => {
    if (error instanceof HttpError) notFound();
    throw error;
  });
  return (
    <>
      <main className="page guest-page">
        <GuestRequest token={token} initial={described.request} />
      </main>
      <footer className="guest-footer muted">Slipway: the files you send here go to {described.request.ownerName}, who asked for them.</footer>
    </>
  );
}
