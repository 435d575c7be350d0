import Link from "next/link";

/**
 * Where the list is inside a folder: Uploads / photos / 2024, each level a link up (the current one is not).
 * `href` builds the address of a folder (null: the top), keeping the sort.
 */
export function FolderBreadcrumb({ folder, href }: { folder: string; href: (folder: string | null) => string }) {
  const segments = folder.split("/");
  const levels = [{ name: "Uploads", path: null as string | null }, ...segments.map((name, index) => ({ name, path: segments.slice(0, index + 1).join("/") }))];
  return (
    <nav aria-label="Folder" className="breadcrumb">
      <ol>
        {levels.map((level, index) => (
          <li key={level.path ?? ""}>
            {index === levels.length - 1 ? (
              <span aria-current="location">{level.name}</span>
            ) : (
              <Link href={href(level.path)} scroll={false}>
                {level.name}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
