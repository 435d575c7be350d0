import type { HttpError } from "@/lib/errors";
import type { SafeHtml } from "@/lib/html";
import type { ErrorAnswer } from "@/lib/http";
import { describeAdmittedShareLink, describeShareLink, type SharedFile } from "@/lib/links/describe-share-link";
import { hashShareToken } from "@/lib/links/share-token";
import { SHARE_PAGE_POLICY } from "@/lib/security/security-headers";
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
      "Content-Security-Policy": SHARE_PAGE_POLICY,
      "X-Frame-Options": "DENY",
      ...headers,
    },
  });
}

function filePage(token: string, shared: SharedFile, refusal?: HttpError): Response {
  return htmlResponse(sharedFilePage({ shared, downloadPath: `/s/${token}/download`, error: refusal?.message }), refusal?.status ?? 200);
}

/** The public page of a link. */
export async function sharePage(token: string): Promise<Response> {
  return filePage(token, await describeShareLink(token));
}

/**
 * The form again after a missing or wrong password, with the reason and the same status. The
 * request has already been counted against the link's budget, so the link is read without
 * counting it again. null when the link cannot be shown any more (revoked or expired meanwhile):
 * the plain error page says so well enough.
 */
export async function passwordRetryPage(token: string, refusal: HttpError): Promise<Response | null> {
  try {
    return filePage(token, await describeAdmittedShareLink(hashShareToken(token)), refusal);
  } catch {
    return null;
  }
}

/** Errors of the share routes as a page that says plainly why the link cannot be used. */
export async function shareErrorPage({ status, body, headers }: ErrorAnswer): Promise<Response> {
  return htmlResponse(linkProblemPage(status, body.error.message, body.error.code), status, headers);
}
