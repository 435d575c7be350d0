// Route handlers cannot use react-dom/server in the App Router (Next refuses the import in the
// server-components layer), so the few server-rendered HTML pages use this escaping template.

/** HTML that is already safe: produced by `html`, never by concatenating strings. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Value = SafeHtml | string | number | boolean | null | undefined | Value[];

function render(value: Value): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false || value === true) return "";
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped (text and attribute values alike) unless already SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, string, i) => out + string + (i < values.length ? render(values[i]) : ""), ""));
}
