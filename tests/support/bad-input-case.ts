import type { Actor } from "./attack-world";

// One request of the bad-input corpus (tests/integration/bad-input-corpus.test.ts): it must be
// refused with a 4xx and change nothing. The cases are generated from lists of hostile values in
// bad-input-bodies.ts and bad-input-addresses.ts.

/** The rows and tokens a case can aim at (see the corpus's setup); `raw:` sends the text as it is. */
export type Thing =
  | "approved"
  | "waiting"
  | "multipart"
  | "sent"
  | "othersFile"
  | "othersLink"
  | "linkId"
  | "token"
  | "protectedToken"
  | "expiredToken"
  | "revokedToken"
  | "usedUpToken"
  | "ownerId"
  | "adminId"
  // Upload requests (tests/support/bad-input-requests.ts makes them).
  | "requestId"
  | "othersRequest"
  | "requestToken"
  | "protectedRequestToken"
  | "askingRequestToken"
  | "limitedRequestToken"
  | "fullRequestToken"
  | "expiredRequestToken"
  | "revokedRequestToken"
  | "guestToken"
  | "guestMultipart"
  | "guestKey"
  | "guestSingle"
  | "guestSingleKey"
  | "guestDone"
  | "guestDoneKey"
  | "otherGuestKey";

export interface BadCase {
  label: string;
  route: string;
  method: string;
  actor: Actor;
  on?: Thing | `raw:${string}`;
  /** For a guest route on an upload (`[token]` and `[id]`): what goes in `[token]` (`on` goes in `[id]`). */
  token?: Thing | `raw:${string}`;
  /** The X-Upload-Key header sent with it (none when absent). */
  key?: Thing | `raw:${string}`;
  /** For a catch-all route: the segments. */
  segments?: string[];
  query?: string;
  body?: string | Uint8Array<ArrayBuffer> | (() => ReadableStream<Uint8Array>);
  headers?: Record<string, string>;
  /** A forged session cookie instead of the actor's own (a key of FORGED_COOKIES). */
  forged?: string;
  /** A refused attempt the app audits by design: one audit row may be added, nothing else. */
  audited?: boolean;
  /** An address a browser navigates to: the refusal is an HTML page, not JSON. */
  page?: boolean;
  /** next-auth answers its own way (redirects, 200 with an error URL): below 500, no session, nothing changed. */
  nextAuth?: boolean;
  /**
   * Holds fully once another helper's branch (named here) is merged: until the name is listed in the
   * corpus's ENABLED_AFTER_MERGE the case is held to what must hold anyway (below 500, nothing
   * changed); once listed it must answer 413.
   */
  afterMerge?: string;
}

export const JSON_TYPE = { "content-type": "application/json" };
export const FORM_TYPE = { "content-type": "application/x-www-form-urlencoded" };
export const KIB = 1024;
/** An id no row has. */
export const NOBODY = "00000000-0000-4000-8000-000000000000";
