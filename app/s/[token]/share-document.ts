import { html, type SafeHtml } from "@/lib/html";

// The public share page is plain server-rendered HTML with no script: it loads at once on any
// device, a link preview bot sees the same thing as a person, and it answers with the real
// status (404, 410, 429), which an App Router page cannot. Same palette as app/globals.css.
const STYLE = html`
:root { color-scheme: light dark; --bg: #f7f7f8; --surface: #fff; --text: #1b1b1f; --muted: #5c5c66;
  --border: #d4d4da; --accent: #2456d6; --accent-text: #fff; --danger: #b3261e; --focus: #f59e0b;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
@media (prefers-color-scheme: dark) { :root { --bg: #121216; --surface: #1c1c22; --text: #ececf1;
  --muted: #a3a3ad; --border: #3a3a44; --accent: #7aa2ff; --accent-text: #0b0b0f; --danger: #ff8a80; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); line-height: 1.5; }
main { max-width: 480px; margin: 0 auto; padding: 4rem 1.25rem 1rem; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 1.5rem;
  display: flex; flex-direction: column; gap: 1rem; }
h1 { font-size: 1.3rem; margin: 0; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; margin: 0; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
p { margin: 0; } .muted { color: var(--muted); } .error { color: var(--danger); font-weight: 600; }
form { display: flex; flex-direction: column; gap: 0.75rem; }
label { display: flex; flex-direction: column; gap: 0.3rem; font-weight: 500; }
input { font: inherit; padding: 0.55rem 0.7rem; border: 1px solid var(--border); border-radius: 6px;
  background: var(--bg); color: var(--text); }
button { font: inherit; font-weight: 600; padding: 0.6rem 1.2rem; border-radius: 6px; border: 1px solid var(--accent);
  background: var(--accent); color: var(--accent-text); cursor: pointer; align-self: flex-start; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
code { font-family: ui-monospace, monospace; font-size: 0.9em; }
.hash { word-break: break-all; user-select: all; }
footer { max-width: 480px; margin: 0 auto; padding: 0 1.25rem; font-size: 0.9rem; }
`;

const SHARE_FOOTER = "Shared with Slipway. The link is checked on every download.";

/** The whole document around a public page's card (share links; request links' problem pages). */
export function shareDocument(title: string, body: SafeHtml, footer = SHARE_FOOTER): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title} · Slipway</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="card">${body}</div>
</main>
<footer class="muted">${footer}</footer>
</body>
</html>`;
}
