// Characters user text must never carry: C0/C1 controls and DEL (NUL also makes PostgreSQL refuse
// the row), bidirectional overrides and isolates (they make "evil‮fdp.exe" display as
// "evil.exe.pdf"), and invisible zero-width marks.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * User-supplied text made safe to store and display: lone surrogates (which PostgreSQL cannot
 * encode as UTF-8) become U+FFFD, the text is NFC-normalised and forbidden characters are removed.
 */
export function cleanText(raw: string): string {
  return raw.toWellFormed().normalize("NFC").replace(FORBIDDEN, "");
}

/** cleanText line by line, keeping the line breaks (CR LF and lone CR become LF): for a message written over several lines. */
export function cleanMultilineText(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").split("\n").map(cleanText).join("\n");
}
