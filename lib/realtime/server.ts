// Socket.IO on the app's HTTP server: handshake auth, rooms, and the forwarding of
// bus events to `admin` and `client:<id>`; a widget token's socket is only in `conversation:<id>`
// (status_update, inbound_message). queue:stats goes out at most once a
// second per room, and only to rooms someone is in.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Database } from "../db/client";
import type { EventBus } from "../events/bus";
import { ownClientOf, resolvePrincipal } from "../auth/principal";
import { isWidgetToken, verifyWidgetToken } from "../conversations/widget-token";
import { getQueueStats } from "../queue/stats";
import type { HeraldIo } from "./contract";
import { isClustered } from "./cluster";
import { logFor } from "../log";
import { announceConversations } from "./conversation-announcer";

/** How often an open console socket checks that its session is still live. */
export const SESSION_RECHECK_MS = 15_000;

export type { HeraldIo };

const STATS_INTERVAL_MS = 1000;

export function attachRealtime(httpServer: HttpServer, database: Database, bus: EventBus): HeraldIo {
  const io: HeraldIo = new Server(httpServer, { path: "/socket.io", serveClient: false });

  io.use(async (socket, next) => {
    try {
      const token = typeof socket.handshake.auth?.token === "string" ? socket.handshake.auth.token : null;
      // A widget token joins its one conversation's room and nothing else (not even with a cookie).
      if (isWidgetToken(token)) {
        const widget = verifyWidgetToken(token);
        if (!widget) return next(new Error("UNAUTHENTICATED"));
        socket.data.conversationId = widget.conversationId;
        socket.data.expiresAt = widget.expiresAt.getTime();
        return next();
      }
      const principal = await resolvePrincipal(database.db, { cookie: socket.handshake.headers.cookie, token });
      if (!principal) return next(new Error("UNAUTHENTICATED"));
      socket.data.principal = principal;
      next();
    } catch (err) {
      next(err as Error);
    }
  });

  io.on("connection", (socket) => {
    if (socket.data.conversationId) {
      void socket.join(`conversation:${socket.data.conversationId}`);
      // A token is good until it expires, and so is the socket it opened: the widget mints a new one and reconnects.
      const expiry = setTimeout(() => socket.disconnect(true), Math.max(0, socket.data.expiresAt - Date.now()));
      expiry.unref();
      socket.on("disconnect", () => clearTimeout(expiry));
      return;
    }
    const principal = socket.data.principal;
    const own = ownClientOf(principal);
    void socket.join(own === null ? "admin" : `client:${own}`);
    if (principal.kind === "user") {
      // A console session can end while its socket is open (logout elsewhere, "sign out
      // everywhere", a deactivation, a timeout): the socket asks again and closes with it.
      const cookie = socket.handshake.headers.cookie;
      const recheck = setInterval(() => {
        resolvePrincipal(database.db, { cookie })
          .then((still) => still?.kind === "user" && still.sessionId === principal.sessionId && ownClientOf(still) === own ? undefined : socket.disconnect(true))
          .catch(() => undefined); // a database hiccup is not a sign-out
      }, SESSION_RECHECK_MS);
      recheck.unref();
      socket.on("disconnect", () => clearInterval(recheck));
    }
    socket.on("ping", (ack) => typeof ack === "function" && ack(new Date().toISOString()));
  });

  const dirty = new Set<string | null>();
  bus.on("message", ({ event, payload }) => {
    io.to("admin").to(`client:${payload.clientId}`).emit(`queue:message:${event}`, payload);
    if (payload.conversationId) io.to(`conversation:${payload.conversationId}`).emit("status_update", { messageId: payload.messageId, conversationId: payload.conversationId, status: payload.status });
    dirty.add(null).add(payload.clientId);
  });

  bus.on("call", ({ event, payload }) => {
    io.to("admin").to(`client:${payload.clientId}`).emit(`call:${event}`, payload);
  });

  bus.on("inbound", (payload) => {
    io.to(`conversation:${payload.conversationId}`).emit("inbound_message", payload);
  });

  bus.on("conversation", ({ clientId, conversation }) => {
    io.to("admin").to(`client:${clientId}`).emit("conversation:updated", conversation);
  });

  bus.on("error", ({ event, payload }) => {
    const target = payload.clientId ? io.to("admin").to(`client:${payload.clientId}`) : io.to("admin");
    target.emit(`error:${event}`, payload);
  });

  // Anyone in a console room (or, in a cluster, maybe elsewhere) wants the inbox's events.
  const consoleListening = () => isClustered(io) || [...io.sockets.adapter.rooms.keys()].some((room) => room === "admin" || room.startsWith("client:"));
  const stopAnnouncing = announceConversations(database, bus, consoleListening);

  // Stats are counts over the whole table (~150 ms at 100,000 messages): after each round
  // the next waits four times as long as this one took, so they never take more than a
  // fifth of the process however busy the queue is.
  let busy = false;
  let notBefore = 0;
  const timer = setInterval(async () => {
    if (busy || dirty.size === 0 || Date.now() < notBefore) return;
    busy = true;
    const started = Date.now();
    const scopes = [...dirty];
    dirty.clear();
    try {
      for (const clientId of scopes) {
        const room = clientId ? `client:${clientId}` : "admin";
        // Alone, only rooms with someone in them; in a cluster the room may be elsewhere.
        if (!io.sockets.adapter.rooms.get(room)?.size && !isClustered(io)) continue;
        const stats = await getQueueStats(database.db, clientId ?? undefined);
        io.to(room).emit("queue:stats", { ...stats, clientId });
      }
    } catch (err) {
      logFor("realtime").error({ err }, "stats failed");
    } finally {
      busy = false;
      notBefore = Date.now() + 4 * (Date.now() - started);
    }
  }, STATS_INTERVAL_MS);
  timer.unref();
  httpServer.on("close", () => (clearInterval(timer), stopAnnouncing()));
  return io;
}
