import { createRequestSchema } from "@/lib/validations/request";

/** Office and text documents: what "documents" means when asking for files. */
const DOCUMENTS = [
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.oasis.opendocument.text",
  "application/rtf",
  "text/plain",
  "text/markdown",
  "text/csv",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.presentation",
];

/** The simple choices of the request form; "custom" takes a typed list. */
export const TYPE_CHOICES = [
  { value: "any", label: "Any type", words: "any type", types: [] as string[] },
  { value: "images", label: "Images", words: "images", types: ["image/*"] },
  { value: "pdfs", label: "PDFs", words: "PDFs", types: ["application/pdf"] },
  { value: "documents", label: "Documents (PDF, Word, text, spreadsheets, slides)", words: "documents (PDF, Word, text, spreadsheets, slides)", types: DOCUMENTS },
  { value: "custom", label: "Custom list…", words: "", types: [] as string[] },
] as const;

export type TypeChoice = (typeof TYPE_CHOICES)[number]["value"];

// The server's own rule, so the form refuses exactly what the API would.
const allowedTypesSchema = createRequestSchema.shape.allowedTypes;

export type TypesResult = { ok: true; types: string[] } | { ok: false; message: string };

/** The content types a choice stands for; a custom list is typed as "image/png, application/pdf, video/*". */
export function allowedTypesFor(choice: TypeChoice, custom: string): TypesResult {
  if (choice !== "custom") return { ok: true, types: [...(TYPE_CHOICES.find((option) => option.value === choice)?.types ?? [])] };
  const types = [
    ...new Set(
      custom
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((type) => type.toLowerCase()),
    ),
  ];
  if (!types.length) return { ok: false, message: "List at least one type, such as image/* or application/pdf, or choose “Any type”." };
  for (const type of types) {
    const refusal = allowedTypesSchema.safeParse([type]).error?.issues[0];
    if (refusal) return { ok: false, message: `“${type}” is not a content type. ${refusal.message}` };
  }
  const refusal = allowedTypesSchema.safeParse(types).error?.issues[0];
  return refusal ? { ok: false, message: refusal.message } : { ok: true, types };
}

const TYPE_WORDS: Record<string, string> = {
  "image/*": "images",
  "video/*": "videos",
  "audio/*": "audio",
  "text/*": "text files",
  "application/pdf": "PDFs",
};

const sameTypes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((type) => b.includes(type));

/** What a request accepts, in words: "any type", "images", "documents (…)", "images or PDFs", "PDFs or image/png". */
export function describeTypes(types: readonly string[]): string {
  const preset = TYPE_CHOICES.find((option) => option.value !== "custom" && sameTypes(option.types, types));
  if (preset) return preset.words;
  const words = types.map((type) => TYPE_WORDS[type] ?? type);
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}
