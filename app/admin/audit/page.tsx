import { AuditView } from "@/components/admin/audit/audit-view";

export const metadata = { title: "Audit · Slipway admin" };

export default function AdminAuditPage() {
  return (
    <>
      <h1>Audit log</h1>
      <AuditView />
    </>
  );
}
