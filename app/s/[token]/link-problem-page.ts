import { html, type SafeHtml } from "@/lib/html";
import { shareDocument } from "./share-document";

const TITLES: Record<number, string> = {
  404: "This link does not exist",
  410: "This link can no longer be used",
  413: "That request was too large",
  415: "That request was not understood",
  429: "Too many attempts",
};

/** An unknown, used-up, expired or revoked link, or too many attempts: what happened and what to do. */
export function linkProblemPage(status: number, message: string): SafeHtml {
  const title = TITLES[status] ?? "This link cannot be opened right now";
  const advice =
    status === 429
      ? "Wait a little, then reload this page."
      : status === 404
        ? "Check that the whole address was copied. If it was, ask the person who shared the file for a new link."
        : status === 410
          ? "If you still need the file, ask the person who shared it for a new link."
          : "Go back to the link's page and try again in a moment.";
  return shareDocument(title, html`<h1>${title}</h1><p role="alert">${message}</p><p class="muted">${advice}</p>`);
}
