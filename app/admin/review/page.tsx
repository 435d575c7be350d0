import { ReviewQueue } from "@/components/admin/review/review-queue";

export const metadata = { title: "Review · Slipway admin" };

export default function AdminReviewPage() {
  return (
    <>
      <h1>Review</h1>
      <ReviewQueue />
    </>
  );
}
