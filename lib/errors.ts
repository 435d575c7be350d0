import { ZodError } from "zod";
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from "./error-codes";

export interface HttpErrorInit {
  code: ErrorCode;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
}

/** The one error type of the API: a stable machine-readable code, whose status the registry gives. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor({ code, message, details, headers }: HttpErrorInit) {
    super(message);
    this.status = ERROR_STATUS[code];
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

export const notFound = (what = "Resource") => new HttpError({ code: "not_found", message: `${what} not found.` });

/** A keyset cursor that names no row the list can continue from. */
export const invalidCursor = () => new HttpError({ code: "invalid_cursor", message: "That page cursor is not valid here. Start again from the first page." });

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
  if (code === "P2002") return new HttpError({ code: "conflict", message: "That already exists." });
  // The row went away between finding and changing it.
  if (code === "P2025") return notFound();
  if (DATABASE_BUSY.has(code)) {
    console.error("Database busy or unreachable", error);
    return new HttpError({ code: "database_busy", message: "The database is busy or unreachable. Try again in a moment." });
  }
  return undefined;
}

function fromZodError(error: ZodError): HttpError {
  return new HttpError({
    code: "validation_failed",
    message: error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "),
    details: error.issues.map((i) => ({ path: i.path, message: i.message })),
  });
}

function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const known = fromPrismaError(error);
  if (known) return known;
  if (error instanceof ZodError) return fromZodError(error);
  console.error("Unhandled error in API handler", error);
  return new HttpError({ code: "internal", message: "Something went wrong on our side." });
}

/** Maps anything thrown by a handler to a status and the JSON error body. Unknown errors are 500. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  const { status, code, message, details, headers } = asHttpError(error);
  return { status, headers, body: { error: { code, message, ...(details ? { details } : {}) } } };
}
