import { ReviewQueue } from "@/components/admin/review/review-queue";

export const metadata = { title: "Review · Slipway admin" };

export default async function AdminReviewPage({ searchParams }: { searchParams: Promise<{ upload?: string | string[] }> }) {
  const { upload } = await searchParams;
  return (
    <>
      <h1>Review</h1>
      <ReviewQueue uploadId={typeof upload === "string" ? upload : undefined} />
    </>
  );
}
