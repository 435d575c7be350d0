import { randomUUID } from "node:crypto";
import { config } from "./config";

export interface Account {
  email: string;
  password: string;
}

/** A new user through the public sign-up API (each gets DEFAULT_QUOTA_BYTES, set by run.sh). */
export async function signUp(label: string): Promise<Account> {
  const account = { email: `bench-${label}-${randomUUID().slice(0, 8)}@bench.local`, password: "bench-password-0123456789" };
  const response = await fetch(`${config.appUrl}/api/account`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...account, name: `Bench ${label}` }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return account;
}
