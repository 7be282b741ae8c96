"use client";

// The live events of one conversation, for either caller. A widget token opens its own
// socket (auth: {token}): the server puts it in room conversation:<id> only, where
// status_update and inbound_message arrive. A console session uses the console's shared
// socket (SocketProvider), which hears queue:message:* for every message and
// conversation:updated when a customer writes. Either way, every (re)connect refetches:
// what happened while the socket was down was not heard.
import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";
import { useLive } from "@/components/live/socket-provider";
import { MESSAGE_EVENT_NAMES, type HeraldSocket, type LivePayload } from "@/components/live/live-events";
import type { ThreadAuth } from "./thread-api";

export interface ThreadEventHandlers {
  onStatus: (messageId: string, status: string) => void;
  onInbound: (message: LivePayload<"inbound_message">) => void;
  /** Something was missed (a reconnect) or is known only as "changed" (a session's inbound): refetch. */
  onStale: () => void;
}

const RECONNECT_DELAY_MS = 500;
const RECONNECT_DELAY_MAX_MS = 2_000;
const MANUAL_RETRY_MS = 5_000;

/** A widget token's own socket; answers whether it is connected. */
function useTokenSocket(token: string | null, conversationId: string, handlers: React.RefObject<ThreadEventHandlers>) {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!token) return;
    const socket: HeraldSocket = io({ auth: { token }, withCredentials: false, reconnectionDelay: RECONNECT_DELAY_MS, reconnectionDelayMax: RECONNECT_DELAY_MAX_MS });
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    // A refused handshake or a server-side disconnect is not retried by socket.io-client itself.
    const retryLater = () => {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => !socket.connected && socket.connect(), MANUAL_RETRY_MS);
    };
    socket.on("connect", () => {
      clearTimeout(retryTimer);
      setConnected(true);
      handlers.current.onStale();
    });
    // The server closes a token's socket when the token expires, and refuses it afterwards:
    // a refetch then answers 401 and the thread says the link has expired; no point retrying.
    socket.on("disconnect", (reason) => {
      setConnected(false);
      if (reason !== "io server disconnect") return;
      handlers.current.onStale();
      retryLater(); // if the token is still good (another reason), come back
    });
    socket.on("connect_error", (err) => {
      setConnected(false);
      if (err.message === "UNAUTHENTICATED") return handlers.current.onStale();
      if (!socket.active) retryLater();
    });
    socket.on("status_update", (p) => p.conversationId === conversationId && handlers.current.onStatus(p.messageId, p.status));
    socket.on("inbound_message", (p) => p.conversationId === conversationId && handlers.current.onInbound(p));
    return () => {
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [token, conversationId, handlers]);
  return connected;
}

/** The console's shared socket, filtered to this conversation. */
function useSessionEvents(enabled: boolean, conversationId: string, handlers: React.RefObject<ThreadEventHandlers>) {
  const { socket, connected } = useLive();
  useEffect(() => {
    if (!enabled || !socket) return;
    const onMessage = (p: LivePayload<"queue:message:sent">) => p.conversationId === conversationId && handlers.current.onStatus(p.messageId, p.status);
    const onConversation = (c: LivePayload<"conversation:updated">) => c.id === conversationId && c.lastMessage?.direction === "inbound" && handlers.current.onStale();
    for (const name of MESSAGE_EVENT_NAMES) socket.on(name, onMessage);
    socket.on("conversation:updated", onConversation);
    return () => {
      for (const name of MESSAGE_EVENT_NAMES) socket.off(name, onMessage);
      socket.off("conversation:updated", onConversation);
    };
  }, [enabled, socket, conversationId, handlers]);
  // SocketProvider already refetches every query on each (re)connect.
  return connected;
}

export function useThreadEvents(auth: ThreadAuth, conversationId: string, handlers: ThreadEventHandlers): boolean {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  const tokenConnected = useTokenSocket(auth.kind === "token" ? auth.token : null, conversationId, ref);
  const sessionConnected = useSessionEvents(auth.kind === "session", conversationId, ref);
  return auth.kind === "token" ? tokenConnected : sessionConnected;
}
