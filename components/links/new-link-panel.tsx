"use client";

import QRCode from "qrcode";
import { useEffect, useRef, useState } from "react";
import { copyOrSelect } from "../ui/copy-or-select";

interface Props {
  url: string;
  /** Announces what copying did, in the page's or dialog's one status region. */
  onNotice: (message: string) => void;
  /** What the address opens: "share link", "request link". */
  what?: string;
}

/** The new link's address, shown this once (only its hash is stored): copy button and QR code. */
export function NewLinkPanel({ url, onNotice, what = "share link" }: Props) {
  const [qr, setQr] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // The form that had focus is gone: put it on the new address, ready to copy.
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then(
      (svg) => live && setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [url]);

  const copy = async () => onNotice(await copyOrSelect(url, input, "link"));

  return (
    <section className="new-link" aria-labelledby="new-link-title">
      <h3 id="new-link-title">Link created</h3>
      <p className="muted">Copy it now: for your safety Slipway keeps no copy of this address and cannot show it again.</p>
      <div className="new-link__row">
        <label className="visually-hidden" htmlFor="new-link-url">
          {what[0].toUpperCase() + what.slice(1)} address
        </label>
        <input id="new-link-url" ref={input} className="new-link__url" readOnly value={url} onFocus={(event) => event.target.select()} />
        <button type="button" className="button" onClick={copy}>
          Copy link
        </button>
      </div>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made in the page; next/image has nothing to optimise */}
      {qr && <img className="new-link__qr" src={qr} width={160} height={160} alt={`QR code of the ${what}, to open it on a phone`} />}
    </section>
  );
}
