import { ZodError } from "zod";

/** The one error type of the API: carries the HTTP status and a stable machine-readable code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = "Resource") => new HttpError(404, "not_found", `${what} not found.`);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

// Prisma codes for a database that is overloaded, timing out or briefly gone: worth a retry, not a 500.
const DATABASE_BUSY = new Set([
  "P1001", // cannot reach the server
  "P1002", // server reached, but timed out
  "P1008", // operation timed out
  "P1017", // server closed the connection
  "P2024", // timed out waiting for a pooled connection
  "P2028", // transaction API error (e.g. the transaction timed out)
  "P2034", // write conflict or deadlock
]);

/** The HttpError a Prisma error (duck-typed by its `code`) stands for, when it is not a bug. */
function fromPrismaError(error: unknown): HttpError | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== "string") return undefined;
  // Two requests racing to create the same unique row: the loser's answer is a conflict.
  if (code === "P2002") return new HttpError(409, "conflict", "That already exists.");
  // The row went away between finding and changing it.
  if (code === "P2025") return notFound();
  if (DATABASE_BUSY.has(code)) {
    console.error("Database busy or unreachable", error);
    return new HttpError(503, "database_busy", "The database is busy or unreachable. Try again in a moment.");
  }
  return undefined;
}

/** Maps anything thrown by a handler to a status and the JSON error body. Unknown errors are 500. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  const httpError = error instanceof HttpError ? error : fromPrismaError(error);
  if (httpError) {
    return {
      status: httpError.status,
      headers: httpError.headers,
      body: { error: { code: httpError.code, message: httpError.message, ...(httpError.details ? { details: httpError.details } : {}) } },
    };
  }
  if (error instanceof ZodError) {
    return {
      status: 422,
      body: {
        error: {
          code: "validation_failed",
          message: error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "),
          details: error.issues.map((i) => ({ path: i.path, message: i.message })),
        },
      },
    };
  }
  console.error("Unhandled error in API handler", error);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side." } } };
}
