// Route wrapper for /api/v1/widget/*: the caller is a widget token (Authorization: Bearer
// wt_… or ?token=wt_…), or what withAuth accepts (an API key, a console session with the
// cross-site rule) holding the route's permission. No or bad credentials answer 401. A
// widget token is its own permission: it may read and write its one conversation.
import { assertMay } from "../auth/principal";
import type { Action } from "../auth/permissions";
import { requestPrincipal, route, type HandlerContext } from "../http/route";
import { AppError } from "../errors";
import { isWidgetToken, verifyWidgetToken } from "./widget-token";
import type { WidgetCaller } from "./widget";

type Params = Record<string, string>;

export function widgetRoute<P extends Params = Params>(action: Action, handler: (ctx: { req: Request; params: P; caller: WidgetCaller } & HandlerContext) => Promise<Response>) {
  return route<P>(async (ctx) => {
    const { req } = ctx;
    const query = new URL(req.url).searchParams.get("token");
    // ?token= carries widget tokens only (an iframe's URL); API keys stay in the header.
    const bearer = req.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? (isWidgetToken(query) ? query : null);
    let caller: WidgetCaller | null;
    if (isWidgetToken(bearer)) {
      const verified = verifyWidgetToken(bearer);
      caller = verified ? { kind: "widget", conversationId: verified.conversationId } : null;
    } else {
      caller = await requestPrincipal(ctx, req, bearer ? `Bearer ${bearer}` : null);
      if (caller) assertMay(caller, action);
    }
    if (!caller) throw new AppError("UNAUTHENTICATED", "missing, invalid or expired credentials (a widget token, an API key or a console session)");
    return handler({ ...ctx, caller });
  });
}
