import type { SafeHtml } from "@/lib/html";
import type { BaseContext, ErrorAnswer } from "@/lib/http";
import { describeShareLink } from "@/lib/links/describe-share-link";
import { linkProblemPage } from "./link-problem-page";
import { sharedFilePage } from "./shared-file-page";

function htmlResponse(page: SafeHtml, status: number, headers: Record<string, string> = {}): Response {
  return new Response(page.value, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
      // No script, no frames: nothing to inject, and the Download button cannot be clickjacked.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
      "X-Frame-Options": "DENY",
      ...headers,
    },
  });
}

/** The public page of a link; `problem` shows the form again with why the last attempt failed. */
export async function sharePage(token: string, problem?: { status: number; message: string }): Promise<Response> {
  const shared = await describeShareLink(token);
  return htmlResponse(sharedFilePage({ shared, downloadPath: `/s/${token}/download`, error: problem?.message }), problem?.status ?? 200);
}

/**
 * Errors of the share routes as pages: a refused password shows the form again with the reason
 * (and the same status); anything else says plainly why the link cannot be used.
 */
export async function shareErrorPage({ status, body, headers }: ErrorAnswer, { params }: BaseContext): Promise<Response> {
  const { message } = body.error;
  if (status === 401 || status === 403) {
    try {
      return await sharePage(String(params.token), { status, message });
    } catch {
      // Revoked, expired or rate limited meanwhile: the plain page below says so well enough.
    }
  }
  return htmlResponse(linkProblemPage(status, message), status, headers);
}
