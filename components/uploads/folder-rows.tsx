import type { FolderJson } from "@/lib/uploads/dashboard-json";
import { LoadMoreButton } from "../ui/load-more-button";
import { FolderRow } from "./folder-row";

interface Props {
  folders: FolderJson[];
  /** The folder listing's pages: a button row fetches more folders when there are. */
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  href: (folder: string) => string;
}

/** The open folder's subfolders, above its files. */
export function FolderRows({ folders, pages, href }: Props) {
  return (
    <>
      {folders.map((folder) => (
        <FolderRow key={folder.path} folder={folder} href={href(folder.path)} />
      ))}
      {pages.hasNextPage && (
        <tr>
          <td colSpan={7}>
            <LoadMoreButton pages={pages} label="Show more folders" />
          </td>
        </tr>
      )}
    </>
  );
}
