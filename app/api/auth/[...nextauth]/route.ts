import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { HttpError, toErrorResponse } from "@/lib/errors";

const nextAuth = NextAuth(authOptions);

/** next-auth reads a JSON body with `req.json()` and lets its SyntaxError through: malformed JSON is the sender's mistake (400), not a 500. */
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  try {
    return await nextAuth(req, ctx);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const { status, body } = toErrorResponse(new HttpError({ code: "invalid_json", message: "The request body is not valid JSON." }));
    return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  }
}

export { handler as GET, handler as POST };
