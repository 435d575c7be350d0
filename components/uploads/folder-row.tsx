import Link from "next/link";
import type { FolderJson } from "@/lib/uploads/dashboard-json";

/** A folder among the files: its name opens it (a link, so back comes out of it again), with how many files it holds. */
export function FolderRow({ folder, href }: { folder: FolderJson; href: string }) {
  const files = `${folder.files.toLocaleString()} ${folder.files === 1 ? "file" : "files"}`;
  return (
    <tr className="files__folder">
      <td className="table__select" />
      <th scope="row" className="table__name files__name">
        <Link href={href} scroll={false} aria-label={`Folder ${folder.name}, ${files}`}>
          <svg className="files__folder-icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <path d="M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" fill="currentColor" />
          </svg>
          {folder.name}
        </Link>
      </th>
      <td data-label="Holds">{files}</td>
      <td colSpan={4} className="files__folder-rest" />
    </tr>
  );
}
