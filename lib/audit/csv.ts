/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; null is empty. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRecord(fields: Array<string | null>): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
