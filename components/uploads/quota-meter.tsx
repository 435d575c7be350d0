import { formatBytes } from "@/lib/format-bytes";
import type { UsageJson } from "@/lib/uploads/dashboard-json";

/** From this share of the quota on, the meter warns. */
const WARN_AT = 0.9;

/**
 * Storage used of the allowed amount, counted as the server counts it when it accepts or refuses
 * an upload: stored files plus uploads still in progress (until they finish or expire).
 */
export function QuotaMeter({ usage }: { usage: UsageJson | undefined }) {
  if (!usage) return <p className="quota muted">Reading your storage use…</p>;
  const { usedBytes, quotaBytes, openBytes } = usage;
  const share = quotaBytes > 0 ? usedBytes / quotaBytes : 1;
  const percent = Math.min(100, Math.floor(share * 100));
  const summary = `${formatBytes(usedBytes)} of ${formatBytes(quotaBytes)} used (${percent} %)`;
  return (
    <section className="quota" aria-labelledby="quota-title">
      <h2 id="quota-title" className="quota__title">
        Storage
      </h2>
      <meter className="quota__meter" min={0} max={quotaBytes} value={Math.min(usedBytes, quotaBytes)} high={quotaBytes * WARN_AT} optimum={0} aria-label={`Storage: ${summary}`} />
      <p className="quota__figures" data-testid="quota-figures">
        {summary}
        {openBytes > 0 && <span className="muted">, including {formatBytes(openBytes)} of uploads in progress</span>}
      </p>
      {share >= WARN_AT && (
        <p className="alert alert--warn">
          {share >= 1 ? "Your storage is full" : "Your storage is almost full"}: {formatBytes(Math.max(0, quotaBytes - usedBytes))} left. Delete files you no longer need, or ask an
          administrator for more space.
        </p>
      )}
    </section>
  );
}
