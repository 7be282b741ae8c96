// Gates every console page before anything renders: no live session → /login. The session
// is looked up on the server (lib/auth/principal.ts, the same resolver as the API and the
// sockets), so a logged-out or revoked cookie, or one from before a password change, is
// sent to /login too. API routes authenticate themselves and answer 401 JSON.
import { NextResponse, type NextRequest } from "next/server";
import { resolvePrincipal } from "./lib/auth/principal";
import { getDb } from "./lib/context";

export async function proxy(req: NextRequest) {
  const principal = await resolvePrincipal(await getDb(), { cookie: req.headers.get("cookie") });
  if (principal) return NextResponse.next();
  const login = new URL("/login", req.url);
  const target = req.nextUrl.pathname + req.nextUrl.search;
  if (target !== "/") login.searchParams.set("next", target);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except the API, the login page, the invite links (public: the visitor has no session yet), the embeddable widget, Next's assets and Socket.IO.
  matcher: ["/((?!api|login|invite|widget|_next|socket\\.io|favicon\\.ico|icon\\.svg).*)"],
};
