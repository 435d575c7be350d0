import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/validations/account";

const signUp = (name: string) => signUpSchema.safeParse({ email: "pat@example.test", password: "correct horse battery", name });

describe("signUpSchema name", () => {
  it("cleans text PostgreSQL would refuse: lone surrogates and NUL", () => {
    expect(signUp("a\ud800").data?.name).toBe("a\ufffd");
    expect(signUp("x\u0000").data?.name).toBe("x");
  });

  it("removes control and bidi characters, then trims", () => {
    expect(signUp(" Pat\u202e \u200bLee\u0007 ").data?.name).toBe("Pat Lee");
  });

  it("refuses a name with nothing left after cleaning", () => {
    expect(signUp("\u0000\u202e ").success).toBe(false);
  });
});
