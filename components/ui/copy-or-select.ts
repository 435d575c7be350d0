import type { RefObject } from "react";

/**
 * Copies `text` to the clipboard and says so; without clipboard access (permissions, an insecure
 * origin) selects it in `field` so Ctrl+C works, and says that. `what` names it: "link", "password".
 */
export async function copyOrSelect(text: string, field: RefObject<HTMLInputElement | HTMLTextAreaElement | null>, what: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return `${what[0].toUpperCase()}${what.slice(1)} copied to the clipboard.`;
  } catch {
    field.current?.select();
    return `Copying is blocked here: the ${what} is selected, press Ctrl+C (⌘C) to copy it.`;
  }
}
