"use client";

import { useRef, useState } from "react";
import { copyOrSelect } from "../ui/copy-or-select";

/**
 * A file's SHA-256, which recipients check their download against: the field shows its start,
 * holds the whole value (focusing it selects it all) and Copy puts it on the clipboard.
 */
export function Sha256Field({ sha256, name }: { sha256: string; name: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState("");
  return (
    <span className="sha256">
      <input ref={field} className="sha256__value" readOnly value={sha256} aria-label={`SHA-256 of ${name}`} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
      <button type="button" className="link-button" aria-label={`Copy the SHA-256 of ${name}`} onClick={async () => setMessage(await copyOrSelect(sha256, field, "SHA-256"))}>
        Copy
      </button>
      <span role="status" className="sha256__message muted">
        {message}
      </span>
    </span>
  );
}
