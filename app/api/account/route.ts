import { createAccount } from "@/lib/accounts/create-account";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/errors";
import { json, publicRoute, readJson } from "@/lib/http";
import { hit } from "@/lib/rate-limit";
import { signUpSchema } from "@/lib/validations/account";

export const POST = publicRoute(
  async ({ req, meta }) => {
    if (!env.SIGNUP_ENABLED) throw new HttpError({ code: "signup_disabled", message: "Sign-up is closed. Ask an administrator for an account." });
    // Across all addresses too: a botnet must not be able to mint accounts without bound.
    await hit("signup-all", { limit: env.SIGNUP_LIMIT_PER_HOUR * 20, windowSeconds: 3600 });
    const input = await readJson(req, signUpSchema);
    const user = await createAccount(input, meta);
    return json({ user }, { status: 201 });
  },
  { rateLimit: { name: "signup", limit: env.SIGNUP_LIMIT_PER_HOUR, windowSeconds: 3600 } },
);
