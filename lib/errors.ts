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

/** Maps anything thrown by a handler to a status and the JSON error body. Unknown errors are 500. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      headers: error.headers,
      body: { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } },
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
  if (isUniqueViolation(error)) {
    return { status: 409, body: { error: { code: "conflict", message: "That already exists." } } };
  }
  console.error("Unhandled error in API handler", error);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side." } } };
}

// Two requests racing to create the same unique row: the loser's answer is a conflict, not a crash.
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
