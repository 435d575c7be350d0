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

  it("tells a signed-out owner to sign in, and a guest what their link needs", () => {
    expect(describeUploadError(new ApiError(401, "unauthenticated", "Sign in first."))).toBe("Your session has ended. Sign in again, then retry.");
    expect(describeUploadError(new ApiError(401, "password_required", "This upload request needs its password."))).toBe("This upload request needs its password.");
    expect(describeUploadError(new ApiError(410, "request_expired", "This upload request has expired: it takes no more files."))).toBe(
      "This upload request has expired: it takes no more files.",
    );
  });
});
