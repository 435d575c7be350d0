import { type ErrorBody, type ErrorCode, isErrorCode } from "../error-codes";

/**
 * An error answered by the Slipway API, with its stable code; "network" when fetch itself
 * failed (status 0), "http_error" when the answer was not the API's error JSON (a proxy's page).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "network" | "http_error",
    message: string,
    readonly details?: unknown,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers },
    });
  } catch {
    throw new ApiError(0, "network", "The network connection was lost.");
  }
  if (!response.ok) throw await refusal(response);
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => null)) as T;
}

/** The ApiError a refused response stands for. */
async function refusal(response: Response): Promise<ApiError> {
  const error = ((await response.json().catch(() => null)) as Partial<ErrorBody> | null)?.error;
  const retryAfter = Number(response.headers.get("Retry-After")) || undefined;
  const code = isErrorCode(error?.code) ? error.code : "http_error";
  return new ApiError(response.status, code, error?.message ?? `The server answered ${response.status}.`, error?.details, retryAfter);
}

export const post = <T>(path: string, body?: unknown) => call<T>(path, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
