"use client";

import { formatDuration } from "@/lib/format-duration";
import type { LinkJson } from "@/lib/links/serialize-share-link";
import { TableHead } from "../ui/table-head";
import { useNow } from "../ui/use-now";

const STATUS_LABEL: Record<LinkJson["status"], string> = { active: "active", expired: "expired", revoked: "revoked", used_up: "used up" };
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

interface Props {
  links: LinkJson[];
  revoking: string | null;
  onRevoke: (link: LinkJson) => void;
}

/** Every link of one file: status, downloads used of allowed, time left (live), revoke. */
export function LinkList({ links, revoking, onRevoke }: Props) {
  const now = useNow();
  if (!links.length) return <p className="muted">No links yet.</p>;
  return (
    <table className="table table--cards">
      <TableHead caption="Links to this file" columns={["Created", "Status", "Downloads", "Expires"]} />
      <tbody>
        {links.map((link) => {
          // The list is fetched now and then; between fetches the clock can expire a link.
          const status = link.status === "active" && new Date(link.expiresAt) <= now ? "expired" : link.status;
          const left = (new Date(link.expiresAt).getTime() - now.getTime()) / 1000;
          return (
            <tr key={link.id} data-link-id={link.id}>
              <th scope="row">
                {dateFormat.format(new Date(link.createdAt))}
                {link.hasPassword && <span className="muted"> · password</span>}
              </th>
              <td data-label="Status">
                <span className={`badge badge--link-${status}`}>{STATUS_LABEL[status]}</span>
              </td>
              <td data-label="Downloads">
                {link.downloadCount} / {link.maxDownloads ?? "∞"}
              </td>
              <td data-label="Expires">
                <time dateTime={link.expiresAt} title={dateFormat.format(new Date(link.expiresAt))}>
                  {status === "active" ? `in ${formatDuration(left)}` : dateFormat.format(new Date(link.expiresAt))}
                </time>
              </td>
              <td>
                {status === "active" && (
                  <button type="button" className="link-button danger" disabled={revoking === link.id} onClick={() => onRevoke(link)}>
                    {revoking === link.id ? "Revoking…" : "Revoke"}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
