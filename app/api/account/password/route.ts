import { NextResponse } from "next/server";
import { changePassword } from "@/lib/accounts/change-password";
import { renewSessionCookie } from "@/lib/accounts/renew-session-cookie";
import { readJson, userRoute } from "@/lib/http";
import { changePasswordSchema } from "@/lib/validations/account";

export const POST = userRoute(async ({ req, user, meta }) => {
  const input = await readJson(req, changePasswordSchema);
  const { sessionVersion } = await changePassword(user.id, input, meta);
  const response = new NextResponse(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  await renewSessionCookie(req, response, sessionVersion);
  return response;
});
