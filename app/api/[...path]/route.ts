import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

// Any other /api path – 404 in the API's error body rather than an HTML page
const notFound = route<{ path: string[] }>(async ({ req }) => {
  throw new AppError("NOT_FOUND", `no route for ${req.method} ${new URL(req.url).pathname}`);
});
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
