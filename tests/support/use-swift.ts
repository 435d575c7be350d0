// The swift project's S3 settings come from SWIFT_S3_ENDPOINT: without it lib/env would fall back
// to the default endpoint (the local radosgw) and the tests would not be about Swift at all.
if (!process.env.SWIFT_S3_ENDPOINT) {
  throw new Error("SWIFT_S3_ENDPOINT is not set: start Swift with scripts/swift-store.sh start and export it (scripts/run-tests.sh does both)");
}
