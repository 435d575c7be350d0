import { notFound } from "@/lib/errors";
import { userRoute } from "@/lib/http";

// Unknown API paths answer JSON like the rest of the API: 401 without a session, else 404.
const unknown = userRoute(async () => {
  throw notFound("API route");
});
export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
