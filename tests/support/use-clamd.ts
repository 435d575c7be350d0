// Imported first by a test file that wants scanning on (vitest turns it off for integration
// tests): points lib/env at the clamd scripts/run-tests.sh started, before lib/env is loaded.
const host = process.env.TEST_CLAMD_HOST;
if (!host) throw new Error("No clamd for this test: run it through `npm test`, or start one with scripts/clamd.sh and set CLAMD_HOST/CLAMD_PORT.");
process.env.CLAMD_HOST = host;
process.env.CLAMD_PORT = process.env.TEST_CLAMD_PORT;
// Small enough that a test file can be larger than the limit (too_large_to_scan) in a second.
process.env.SCAN_MAX_BYTES ??= String(8 * 1024 * 1024);
