import Link from "next/link";
import type { UsageJson } from "@/lib/uploads/dashboard-json";

/** "via Tax papers", "via Tax papers and Photos", "via Tax papers, Photos and other requests". */
function via({ requests }: UsageJson["received"]): string {
  const [first, second, ...more] = requests.map((request) => request.label);
  if (!second) return first;
  return more.length ? `${first}, ${second} and other requests` : `${first} and ${second}`;
}

interface Props {
  news: UsageJson["received"] | null;
  /** The list of received files. */
  href: string;
  onDismiss: () => void;
}

/** Files that came in through request links since the user last looked, announced as they arrive. */
export function ReceivedNotice({ news, href, onDismiss }: Props) {
  return (
    // The live region is always there, so that a notice appearing in it is read out.
    <div aria-live="polite" className="received-notice">
      {news && (
        <div className="alert alert--info received-notice__body">
          <p className="received-notice__text">
            {news.files.toLocaleString()} new {news.files === 1 ? "file" : "files"} received via {via(news)}
          </p>
          <Link href={href} scroll={false}>
            Show received files
          </Link>
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
