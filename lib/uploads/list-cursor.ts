import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { invalidCursor } from "../errors";
import type { ListOrder, ListSort } from "../validations/upload";

/** Where a page of the owner's list starts: after the row with this sort key and id. */
export interface ListPosition {
  key: string;
  id: string;
}

const mac = (userId: string, payload: string) => createHmac("sha256", env.authSecret).update(`upload-list-cursor\n${userId}\n${payload}`).digest().subarray(0, 16);

/**
 * The opaque cursor of the owner's list: the sort, its order and the last row's key and id,
 * signed for this user. The signature is what refuses a cursor of another user (or one edited by
 * hand) without reading a row; the sort and order inside refuse a cursor of another sort, whose
 * key would mean something else.
 */
export function encodeCursor(userId: string, sort: ListSort, order: ListOrder, { key, id }: ListPosition): string {
  const payload = Buffer.from(JSON.stringify([sort, order, key, id])).toString("base64url");
  return `${payload}.${mac(userId, payload).toString("base64url")}`;
}

/** The position a cursor names, or 422 invalid_cursor when it is not this user's cursor for this sort and order. */
export function decodeCursor(userId: string, cursor: string, sort: ListSort, order: ListOrder): ListPosition {
  const [payload, signature, extra] = cursor.split(".");
  const given = Buffer.from(signature ?? "", "base64url");
  if (extra !== undefined || !payload || given.length !== 16 || !timingSafeEqual(given, mac(userId, payload))) throw invalidCursor();
  const [cursorSort, cursorOrder, key, id] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown[];
  if (cursorSort !== sort || cursorOrder !== order || typeof key !== "string" || typeof id !== "string") throw invalidCursor();
  return { key, id };
}
