import { html, type SafeHtml } from "@/lib/html";
import { shareDocument } from "../../s/[token]/share-document";

const TITLES: Record<number, string> = {
  404: "This request link does not exist",
  410: "This request link can no longer be used",
  429: "Too many attempts",
};

const ADVICE: Record<number, string> = {
  404: "Check that the whole address was copied. If it was, ask the person who sent it to you for a new link.",
  410: "If you still have files for them, ask the person who sent you the link for a new one.",
  429: "Wait a little, then reload this page.",
};

/**
 * A request link that cannot take files (unknown, expired, revoked, too many attempts): what
 * happened and what to do, as plain HTML with no script, answered with the real status.
 */
export function requestProblemPage(status: number, message: string): SafeHtml {
  const title = TITLES[status] ?? "This request link cannot be opened right now";
  const advice = ADVICE[status] ?? "Try again in a moment.";
  return shareDocument(
    title,
    html`<h1>${title}</h1><p role="alert">${message}</p><p class="muted">${advice}</p>`,
    "Slipway: files sent through a request link go straight to whoever asked for them.",
  );
}
