// Gates every console page before anything renders: no valid session → /login.
// API routes authenticate themselves (keys or the cookie) and answer 401 JSON.
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "./lib/config";
import { SESSION_COOKIE, verifySessionToken } from "./lib/auth/session";

export function proxy(req: NextRequest) {
  const token = req.cookies.get(SESSION_COOKIE)?.value;
  const secret = getConfig().SESSION_SECRET;
  if (secret && verifySessionToken(secret, token)) return NextResponse.next();
  const login = new URL("/login", req.url);
  const target = req.nextUrl.pathname + req.nextUrl.search;
  if (target !== "/") login.searchParams.set("next", target);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except the API, the login page, the embeddable widget, Next's assets and Socket.IO.
  matcher: ["/((?!api|login|widget|_next|socket\\.io|favicon\\.ico).*)"],
};
