import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { adminRoute, json } from "@/lib/http";
import { adminAuditQuerySchema } from "@/lib/validations/admin-audit";

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson" };

export const GET = adminRoute(async ({ req, user, meta }) => {
  const { format, cursor, limit, ...filters } = adminAuditQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  if (format === "json") return json(await listAuditEvents({ ...filters, cursor, limit }));
  const body = await exportAuditEvents(user.id, filters, format, meta);
  const fileName = `slipway-audit-${new Date().toISOString().slice(0, 10)}.${format}`;
  return new Response(body, {
    headers: { "Content-Type": CONTENT_TYPES[format], "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
});
