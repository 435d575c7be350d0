import { describe, expect, it } from "vitest";
import { EMPTY_REQUEST_FORM, REQUEST_EXPIRY_PRESETS, requestInput, type RequestFormValues } from "@/components/requests/request-form-values";

const form = (changes: Partial<RequestFormValues>): RequestFormValues => ({ ...EMPTY_REQUEST_FORM, label: "Wedding photos", ...changes });

describe("requestInput", () => {
  it("sends only what was filled in, sizes in bytes", () => {
    expect(requestInput(form({}))).toEqual({ ok: true, input: { label: "Wedding photos", expiresInSeconds: 604800 } });
    const full = requestInput(
      form({
        label: "  Tax papers ",
        message: " Scans please \n",
        expiresInSeconds: "3600",
        maxFiles: "5",
        maxFileSize: { amount: "1.5", unit: "MiB" },
        maxTotalSize: { amount: "1", unit: "GiB" },
        types: "pdfs",
        password: "long enough",
        askName: true,
        askEmail: true,
      }),
    );
    expect(full).toEqual({
      ok: true,
      input: {
        label: "Tax papers",
        message: "Scans please",
        expiresInSeconds: 3600,
        maxFiles: 5,
        maxFileBytes: 1.5 * 1024 ** 2,
        maxTotalBytes: 1024 ** 3,
        allowedTypes: ["application/pdf"],
        password: "long enough",
        askName: true,
        askEmail: true,
      },
    });
  });

  it("offers the presets up to 30 days", () => {
    expect(REQUEST_EXPIRY_PRESETS.map((preset) => Number(preset.value))).toEqual([3600, 86400, 604800, 2592000]);
  });

  it("names the first field that is wrong, in words", () => {
    const refused = (changes: Partial<RequestFormValues>) => {
      const result = requestInput(form(changes));
      return result.ok ? null : result.field;
    };
    expect(refused({ label: "   " })).toBe("label");
    expect(refused({ maxFiles: "0" })).toBe("maxFiles");
    expect(refused({ maxFiles: "2.5" })).toBe("maxFiles");
    expect(refused({ maxFileSize: { amount: "0", unit: "MiB" } })).toBe("maxFileSize");
    expect(refused({ maxTotalSize: { amount: "-1", unit: "GiB" } })).toBe("maxTotalSize");
    expect(refused({ maxFileSize: { amount: "2", unit: "GiB" }, maxTotalSize: { amount: "1", unit: "GiB" } })).toBe("maxTotalSize");
    expect(refused({ types: "custom", customTypes: "" })).toBe("customTypes");
    expect(refused({ password: "short" })).toBe("password");
  });
});
