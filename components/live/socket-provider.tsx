"use client";

// One Socket.IO connection per console tab, shared by every live component through context.
// The server authenticates the handshake with the session cookie and joins the socket to
// room "admin". On every (re)connect all queries are refetched: whatever happened while the
// socket was down, or before it first connected, was not heard.
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import { attachActivityCollector } from "./activity-store";
import type { HeraldSocket } from "./live-events";

interface LiveState {
  socket: HeraldSocket | null;
  connected: boolean;
}

interface LiveContextValue extends LiveState {
  /** Drops whatever connection attempt is under way and starts a fresh one now. */
  reconnect: () => void;
}

const LiveContext = createContext<LiveContextValue>({ socket: null, connected: false, reconnect: () => {} });

/**
 * Socket.IO's own backoff (1 s doubling to 5 s) would leave the console up to 5 s stale after a
 * server restart that took a few seconds; one page's attempt every 2 s at most costs nothing.
 */
const RECONNECT_DELAY_MS = 500;
const RECONNECT_DELAY_MAX_MS = 2_000;

/** After the server refuses or drops us, socket.io-client stops trying; we try again this often. */
const MANUAL_RETRY_MS = 5_000;

export function SocketProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>({ socket: null, connected: false });

  useEffect(() => {
    const socket: HeraldSocket = io({ withCredentials: true, reconnectionDelay: RECONNECT_DELAY_MS, reconnectionDelayMax: RECONNECT_DELAY_MAX_MS });
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const retryLater = () => {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        if (!socket.connected) socket.connect();
      }, MANUAL_RETRY_MS);
    };
    const onConnect = () => {
      clearTimeout(retryTimer);
      setState({ socket, connected: true });
      void queryClient.invalidateQueries();
    };
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      setState({ socket, connected: false });
      // "io server disconnect" is not retried by the client on its own.
      if (reason === "io server disconnect") retryLater();
    };
    const onConnectError = () => {
      setState({ socket, connected: false });
      // A refused handshake (socket.active false) is not retried on its own either.
      if (!socket.active) retryLater();
    };

    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    const detachActivity = attachActivityCollector(socket);
    setState({ socket, connected: socket.connected });

    return () => {
      clearTimeout(retryTimer);
      detachActivity();
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
      socket.disconnect();
    };
  }, [queryClient]);

  const { socket } = state;
  const value = useMemo<LiveContextValue>(
    () => ({
      ...state,
      reconnect: () => {
        if (!socket || socket.connected) return;
        // disconnect() resets the client's backoff; connect() then tries at once.
        socket.disconnect();
        socket.connect();
      },
    }),
    [state, socket],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveContextValue {
  return useContext(LiveContext);
}
