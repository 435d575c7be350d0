import { RequestsView } from "@/components/requests/owner/requests-view";
import "@/components/requests/requests.css";

export const metadata = { title: "Upload requests · Slipway" };

export default function RequestsPage() {
  return (
    <>
      <h1>Upload requests</h1>
      <p className="muted">Send a link to anyone: they drop files into your space without an account. The files count against your quota and are marked as received.</p>
      <RequestsView />
    </>
  );
}
