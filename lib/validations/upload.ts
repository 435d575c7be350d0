import { z } from "zod";
import { STATUS_GROUPS, TYPE_GROUPS } from "../uploads/upload-groups";
import { queryText, withoutBlanks } from "./query-fields";

export const uploadIdSchema = z.uuid();

const md5Schema = z.string().regex(/^[A-Za-z0-9+/]{22}==$/, "md5 must be the base64 encoding of 16 bytes.");

export const createUploadSchema = z.strictObject({
  name: z.string().max(4096, "The file name is too long."),
  type: z.string().max(255, "The content type is too long."),
  size: z.number().int("Size must be a whole number of bytes.").nonnegative("Size cannot be negative.").max(Number.MAX_SAFE_INTEGER),
  md5: md5Schema.optional(),
  /** Relative folder of a file from a dropped folder, for display. */
  folder: z.string().max(4096, "The folder path is too long.").optional(),
});
export type CreateUploadInput = z.infer<typeof createUploadSchema>;

export const signPartsSchema = z.strictObject({
  parts: z
    .array(z.strictObject({ number: z.number().int().min(1).max(10_000), md5: md5Schema.optional() }))
    .min(1, "Ask for at least one part.")
    .max(100, "Ask for at most 100 parts per call.")
    .refine((parts) => new Set(parts.map((part) => part.number)).size === parts.length, "Each part number may appear once."),
});
export type SignPartsInput = z.infer<typeof signPartsSchema>;

export const LIST_SORTS = ["date", "name", "size"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export type ListOrder = "asc" | "desc";
/** Newest, A to Z and largest first, unless `order` says otherwise. */
export const DEFAULT_ORDER: Record<ListSort, ListOrder> = { date: "desc", name: "asc", size: "desc" };

/** `folder=/` lists the files outside any folder. */
export const TOP_FOLDER = "/";

const limit = z.coerce.number().int().min(1).max(100);
const folderPath = queryText(1024);

/** Query of the owner's list; fields sent blank (a search form's empty ones) are not set. */
export const listUploadsSchema = z.preprocess(
  withoutBlanks,
  z
    .object({
      q: queryText(200).optional(),
      sort: z.enum(LIST_SORTS).default("date"),
      order: z.enum(["asc", "desc"]).optional(),
      status: z.enum(STATUS_GROUPS).optional(),
      type: z.enum(TYPE_GROUPS).optional(),
      received: z
        .enum(["true", "false"])
        .transform((value) => value === "true")
        .optional(),
      folder: folderPath.optional(),
      cursor: z.string().max(2048, "That page cursor is not valid here.").optional(),
      limit: limit.default(25),
    })
    .transform((query) => ({ ...query, order: query.order ?? DEFAULT_ORDER[query.sort] })),
);
export type ListUploadsQuery = z.infer<typeof listUploadsSchema>;

/** Query of the folder listing: the folders directly inside `parent` (the top level without it). */
export const listFoldersSchema = z.preprocess(withoutBlanks, z.object({ parent: folderPath.optional(), cursor: folderPath.optional(), limit: limit.default(100) }));
export type ListFoldersQuery = z.infer<typeof listFoldersSchema>;

export const deleteUploadsSchema = z.strictObject({
  ids: z
    .array(uploadIdSchema)
    .min(1, "Choose at least one file.")
    .max(100, "Delete at most 100 files at once.")
    .refine((ids) => new Set(ids).size === ids.length, "Each id may appear once."),
});
