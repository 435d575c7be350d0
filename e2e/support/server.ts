// The e2e server: scripts/serve.sh (server.ts) on its own port with a fresh embedded database and the test bucket.
// E2E_PORT moves it, for runs side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 3100);

export const e2eServer = {
  port,
  url: `http://127.0.0.1:${port}`,
  admin: { email: "admin@e2e.local", password: "e2e-admin-password-123" },
  bucket: "slipway-test",
  dataDir: ".data/e2e",
  allowedTypes: "image/*,text/plain,application/pdf,application/octet-stream",
  quotaBytes: 1024 * 1024 * 1024,
  // Every object the e2e server writes is encrypted with the local radosgw's testing KMS key
  // (scripts/object-store.sh), so every browser path of the suite runs with the signed SSE headers.
  encryption: { S3_SSE: "aws:kms", S3_SSE_KMS_KEY_ID: "slipway-local" },
};
