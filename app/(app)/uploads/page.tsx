import { Suspense } from "react";
import { UploadsDashboard } from "@/components/uploads/uploads-dashboard";
import { getSessionUser } from "@/lib/auth";
import "./uploads.css";

export const metadata = { title: "Your files · Slipway" };

export default async function UploadsPage() {
  // The layout has checked the session; the id keys what this browser remembers per account.
  const user = await getSessionUser();
  return (
    <>
      <h1>Uploads</h1>
      {/* The dashboard reads its folder, search and sort from the address. */}
      <Suspense>
        <UploadsDashboard userId={user?.id ?? ""} />
      </Suspense>
    </>
  );
}
