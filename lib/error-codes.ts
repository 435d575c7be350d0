// Every error code the API answers, with the one status it always comes with. The browser
// imports this too, so nothing here may pull in server code. docs/api.md lists the same table;
// tests/unit/error-codes.test.ts keeps the two equal.
export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_form: 400,

  unauthenticated: 401,
  password_required: 401,

  forbidden: 403,
  account_disabled: 403,
  signup_disabled: 403,
  cross_origin: 403,
  wrong_password: 403,

  not_found: 404,

  method_not_allowed: 405,

  object_missing: 409,
  object_mismatch: 409,
  parts_missing: 409,
  part_size_mismatch: 409,
  not_multipart: 409,
  upload_closed: 409,
  upload_expired: 409,
  upload_not_ready: 409,
  upload_rejected: 409,
  upload_pending_review: 409,
  upload_processing: 409,
  upload_scan_failed: 409,
  upload_infected: 409,
  already_decided: 409,
  not_previewable: 409,
  cannot_modify_self: 409,
  email_taken: 409,
  request_full: 409,
  conflict: 409,

  link_expired: 410,
  link_revoked: 410,
  link_used_up: 410,
  link_file_gone: 410,
  link_suspended: 410,
  request_expired: 410,
  request_revoked: 410,
  request_suspended: 410,

  body_too_large: 413,
  file_too_large: 413,
  quota_exceeded: 413,

  unsupported_media_type: 415,

  validation_failed: 422,
  invalid_name: 422,
  invalid_type: 422,
  type_not_allowed: 422,
  invalid_cursor: 422,
  part_out_of_range: 422,
  md5_not_applicable: 422,
  note_required: 422,

  rate_limited: 429,

  internal: 500,

  storage_unavailable: 503,
  database_busy: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Whether a value read from the network is one of our codes (a proxy's error page carries none). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_STATUS, value);
}
