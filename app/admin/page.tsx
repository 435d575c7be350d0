import { StatsView } from "@/components/admin/stats/stats-view";

export const metadata = { title: "Stats · Slipway admin" };

export default function AdminStatsPage() {
  return (
    <>
      <h1>Stats</h1>
      <StatsView />
    </>
  );
}
