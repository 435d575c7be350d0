import type { ErrorCode } from "@/lib/error-codes";
import { html, type SafeHtml } from "@/lib/html";
import { shareDocument } from "./share-document";

const TITLES: Record<number, string> = {
  404: "This link does not exist",
  410: "This link can no longer be used",
  413: "That request was too large",
  415: "That request was not understood",
  429: "Too many attempts",
};

// A file waiting for its virus scan is a 409 whose cause is known: the page says what it means for the recipient.
const WAITING: Partial<Record<ErrorCode, { title: string; advice: string }>> = {
  upload_processing: {
    title: "This file is being checked",
    advice: "Every shared file is scanned for viruses before it can be downloaded; this link works again as soon as the check is done.",
  },
  upload_scan_failed: {
    title: "This file cannot be downloaded for now",
    advice: "Its virus scan did not succeed, so it is held back. Try again later, or tell the person who shared it.",
  },
};

function adviceFor(status: number): string {
  if (status === 429) return "Wait a little, then reload this page.";
  if (status === 404) return "Check that the whole address was copied. If it was, ask the person who shared the file for a new link.";
  if (status === 410) return "If you still need the file, ask the person who shared it for a new link.";
  return "Go back to the link's page and try again in a moment.";
}

/** An unknown, used-up, expired or revoked link, a file still being checked, or too many attempts: what happened and what to do. */
export function linkProblemPage(status: number, message: string, code?: ErrorCode): SafeHtml {
  const waiting = code && WAITING[code];
  const title = waiting ? waiting.title : (TITLES[status] ?? "This link cannot be opened right now");
  const advice = waiting ? waiting.advice : adviceFor(status);
  return shareDocument(title, html`<h1>${title}</h1><p role="alert">${message}</p><p class="muted">${advice}</p>`);
}
