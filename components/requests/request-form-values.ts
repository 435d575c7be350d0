import type { CreateRequestInput } from "@/lib/validations/request";
import { joinSize, type SizeUnit } from "../ui/size-units";
import { allowedTypesFor, type TypeChoice } from "./type-choices";

/** How long a request stays open: the presets of the form (the API takes up to 30 days). */
export const REQUEST_EXPIRY_PRESETS = [
  { value: "3600", label: "1 hour" },
  { value: "86400", label: "1 day" },
  { value: "604800", label: "7 days" },
  { value: "2592000", label: "30 days" },
] as const;

export interface SizeValue {
  amount: string;
  unit: SizeUnit;
}

/** The request form as typed: strings and choices, checked by requestInput. */
export interface RequestFormValues {
  label: string;
  message: string;
  expiresInSeconds: string;
  maxFiles: string;
  maxFileSize: SizeValue;
  maxTotalSize: SizeValue;
  types: TypeChoice;
  customTypes: string;
  password: string;
  askName: boolean;
  askEmail: boolean;
}

export const EMPTY_REQUEST_FORM: RequestFormValues = {
  label: "",
  message: "",
  expiresInSeconds: "604800",
  maxFiles: "",
  maxFileSize: { amount: "", unit: "MiB" },
  maxTotalSize: { amount: "", unit: "GiB" },
  types: "any",
  customTypes: "",
  password: "",
  askName: false,
  askEmail: false,
};

export type FormField = "label" | "maxFiles" | "maxFileSize" | "maxTotalSize" | "customTypes" | "password";
export type RequestInputResult = { ok: true; input: CreateRequestInput } | { ok: false; field: FormField; message: string };

/** An optional size: undefined when empty, null when it is not a size above zero. */
function optionalSize({ amount, unit }: SizeValue): number | undefined | null {
  if (!amount.trim()) return undefined;
  const bytes = joinSize(amount, unit);
  return bytes && bytes > 0 ? bytes : null;
}

/** The API input for what was typed, or the first problem in words (the server checks again). */
export function requestInput(values: RequestFormValues): RequestInputResult {
  const refuse = (field: FormField, message: string): RequestInputResult => ({ ok: false, field, message });
  const label = values.label.trim();
  if (!label) return refuse("label", "Give the request a name, such as “Photos from the wedding”: the people you send it to will see it.");
  const maxFiles = values.maxFiles.trim() ? Number(values.maxFiles) : undefined;
  if (maxFiles !== undefined && !(Number.isInteger(maxFiles) && maxFiles >= 1))
    return refuse("maxFiles", "The number of files must be a whole number, at least 1 (or empty for no limit).");
  const maxFileBytes = optionalSize(values.maxFileSize);
  if (maxFileBytes === null) return refuse("maxFileSize", "The size per file must be a size above zero, such as 20 MiB (or empty for no limit).");
  const maxTotalBytes = optionalSize(values.maxTotalSize);
  if (maxTotalBytes === null) return refuse("maxTotalSize", "The total size must be a size above zero, such as 2 GiB (or empty for no limit).");
  if (maxFileBytes !== undefined && maxTotalBytes !== undefined && maxTotalBytes < maxFileBytes) {
    return refuse("maxTotalSize", "The total size cannot be smaller than the size allowed per file.");
  }
  const types = allowedTypesFor(values.types, values.customTypes);
  if (!types.ok) return refuse("customTypes", types.message);
  if (values.password && values.password.length < 8) return refuse("password", "Use at least 8 characters for the password, or leave it empty.");
  return {
    ok: true,
    input: {
      label,
      message: values.message.trim() || undefined,
      expiresInSeconds: Number(values.expiresInSeconds),
      maxFiles,
      maxFileBytes,
      maxTotalBytes,
      allowedTypes: types.types.length ? types.types : undefined,
      password: values.password || undefined,
      askName: values.askName || undefined,
      askEmail: values.askEmail || undefined,
    },
  };
}
