import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-client/call";
import { describeUploadError } from "@/lib/upload-client/describe-error";

describe("describeUploadError", () => {
  it("says storage or the database is unavailable, not that the server broke", () => {
    const storage = new ApiError(503, "storage_unavailable", "File storage is not reachable right now.");
    expect(describeUploadError(storage, { retrying: true })).toBe("File storage is unavailable right now.");
    expect(describeUploadError(storage)).toBe("File storage is unavailable right now. Retry in a moment.");
    const database = new ApiError(503, "database_busy", "The database is busy or unreachable.");
    expect(describeUploadError(database, { retrying: true })).toBe("Slipway is briefly unavailable.");
    expect(describeUploadError(database)).toBe("Slipway is briefly unavailable. Retry in a moment.");
  });

  it("asks the person to act only when the engine has stopped retrying", () => {
    const bug = new ApiError(500, "internal", "Something went wrong on our side.");
    expect(describeUploadError(bug, { retrying: true })).toBe("The server had a problem.");
    expect(describeUploadError(bug)).toBe("The server had a problem. Retry in a moment.");
  });

  it("explains a refusal for quota: the server's figures, what counts, and what to do", () => {
    const refusal = new ApiError(413, "quota_exceeded", "Not enough storage left: this file is 2.00 MB and you have 1.00 MB of 10.0 MB free.", {
      fileBytes: 2 * 1024 ** 2,
      usedBytes: 9 * 1024 ** 2,
      quotaBytes: 10 * 1024 ** 2,
    });
    expect(describeUploadError(refusal)).toBe(
      "Not enough storage left: this file is 2.00 MB and you have 1.00 MB of 10.0 MB free. Uploads still in progress count until they finish or are cancelled. Delete files you no longer need, or ask an administrator for more space.",
    );
    // A guest is told nothing of the owner's storage, and cannot delete anything there.
    const guests = "There is not enough storage left for this file where it is going. Let the person who sent you the link know.";
    expect(describeUploadError(new ApiError(413, "quota_exceeded", guests))).toBe(guests);
  });

  it("tells a signed-out owner to sign in, and a guest what their link needs", () => {
    expect(describeUploadError(new ApiError(401, "unauthenticated", "Sign in first."))).toBe("Your session has ended. Sign in again, then retry.");
    expect(describeUploadError(new ApiError(401, "password_required", "This upload request needs its password."))).toBe("This upload request needs its password.");
    expect(describeUploadError(new ApiError(410, "request_expired", "This upload request has expired: it takes no more files."))).toBe(
      "This upload request has expired: it takes no more files.",
    );
  });
});
