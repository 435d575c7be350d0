import { useEffect } from "react";

const NOT_TYPING = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/** Whether a key press lands where it types text, so it must not act as a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPING.has(target.type);
}

/**
 * Single-key shortcuts for the whole page (`handlers` by KeyboardEvent.key), off while `enabled`
 * is false (a dialog is open), while typing, and with Ctrl, Alt or Meta (the browser's own).
 */
export function useReviewShortcuts(enabled: boolean, handlers: Record<string, () => void>) {
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return;
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled, handlers]);
}
