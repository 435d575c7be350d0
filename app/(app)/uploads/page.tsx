import { UploadsDashboard } from "@/components/uploads/uploads-dashboard";

export const metadata = { title: "Your files · Slipway" };

export default function UploadsPage() {
  return (
    <>
      <h1>Upload</h1>
      <UploadsDashboard />
    </>
  );
}
