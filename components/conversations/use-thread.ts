"use client";

// One conversation's thread: its history 20 at a time (older pages on demand), our own sends
// shown at once (optimistic, with a client-made messageId so a resend is deduplicated by the
// server), live statuses that only move forward, live inbound messages, and Retry.
import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import type { HistoryItem } from "@/lib/conversations/queries";
import type { LivePayload } from "@/components/live/live-events";
import { ApiError } from "@/components/api/api-client";
import { PAGE_SIZE, getConversation, getHistoryPage, markRead, retryMessage, sendMessage, type ThreadAuth } from "./thread-api";
import { laterStatus, type Bubble } from "./thread-status";
import { useThreadEvents } from "./use-thread-events";

type Page = { messages: HistoryItem[]; total: number };
type History = InfiniteData<Page, number>;

/** Our own send until the server has it in the history. */
interface Outgoing { localId: string; text: string; mediaUrl: string | null; at: string; serverId?: string; error?: string }

const newMessageId = () => `wm_${crypto.randomUUID()}`;

export function threadKey(conversationId: string, auth: ThreadAuth) {
  return ["thread", conversationId, auth.kind] as const;
}

/** Puts a message at the newest end of the first page (offset 0), once: the total grows with it so the next older page's offset stays right. */
function withMessage(data: History | undefined, item: HistoryItem): History | undefined {
  if (!data || data.pages.some((p) => p.messages.some((m) => m.id === item.id))) return data;
  const [first, ...rest] = data.pages;
  return { ...data, pages: [{ messages: [...first!.messages, item], total: first!.total + 1 }, ...rest.map((p) => ({ ...p, total: p.total + 1 }))] };
}

export function useThread(conversationId: string, auth: ThreadAuth) {
  const queryClient = useQueryClient();
  const key = useMemo(() => threadKey(conversationId, auth), [conversationId, auth.kind]); // eslint-disable-line react-hooks/exhaustive-deps
  const conversation = useQuery({ queryKey: [...key, "conversation"], queryFn: () => getConversation(auth, conversationId), select: (d) => d.conversation });
  const history = useInfiniteQuery({
    queryKey: [...key, "history"],
    queryFn: ({ pageParam }) => getHistoryPage(auth, conversationId, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, all) => {
      const loaded = all.reduce((n, p) => n + p.messages.length, 0);
      return last.messages.length > 0 && loaded < last.total ? loaded : undefined;
    },
  });

  // Live statuses by message id; a status is kept only if it is later than what we know.
  const [live, setLive] = useState<Record<string, string>>({});
  const [outgoing, setOutgoing] = useState<Outgoing[]>([]);
  const localIdOf = useRef(new Map<string, string>());
  const readPending = useRef(false);

  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: key }), [queryClient, key]);

  const read = useCallback(() => {
    if (auth.kind !== "session" || readPending.current) return;
    readPending.current = true;
    void markRead(auth, conversationId).catch(() => undefined).finally(() => (readPending.current = false));
  }, [auth, conversationId]);

  const connected = useThreadEvents(auth, conversationId, {
    onStatus: (messageId, status) =>
      setLive((s) => {
        const next = laterStatus(s[messageId], status)!;
        return next === s[messageId] ? s : { ...s, [messageId]: next };
      }),
    onInbound: (p: LivePayload<"inbound_message">) => {
      // The same event twice (a redelivery, two tabs of the bus) lands once: withMessage keys by id.
      queryClient.setQueryData<History>([...key, "history"], (d) =>
        withMessage(d, { id: p.messageId, direction: "inbound", text: p.text, mediaUrl: p.mediaUrl, timestamp: p.timestamp, status: "received" }),
      );
      read();
    },
    onStale: () => {
      refetch();
      read();
    },
  });

  const deliver = useCallback(
    async (o: Outgoing) => {
      const c = conversation.data;
      if (!c) return;
      setOutgoing((list) => list.map((x) => (x.localId === o.localId ? { ...x, error: undefined } : x)));
      try {
        const { messageId } = await sendMessage(auth, c, { text: o.text, ...(o.mediaUrl ? { mediaUrl: o.mediaUrl } : {}), messageId: o.localId });
        localIdOf.current.set(messageId, o.localId);
        queryClient.setQueryData<History>([...key, "history"], (d) =>
          withMessage(d, { id: messageId, direction: "outbound", text: o.text, mediaUrl: o.mediaUrl, timestamp: o.at, status: "pending" }),
        );
        setOutgoing((list) => list.filter((x) => x.localId !== o.localId));
      } catch (err) {
        const error = err instanceof ApiError ? err.message : "Not sent: no connection";
        setOutgoing((list) => list.map((x) => (x.localId === o.localId ? { ...x, error } : x)));
      }
    },
    [auth, conversation.data, queryClient, key],
  );

  const send = useCallback(
    (text: string, mediaUrl?: string) => {
      const o: Outgoing = { localId: newMessageId(), text, mediaUrl: mediaUrl ?? null, at: new Date().toISOString() };
      setOutgoing((list) => [...list, o]);
      void deliver(o);
    },
    [deliver],
  );

  const [retrying, setRetrying] = useState<Record<string, true>>({});
  const retry = useCallback(
    async (bubble: Bubble) => {
      // A send the server never acknowledged goes again with the same messageId: deduplicated there.
      const local = outgoing.find((o) => o.localId === bubble.localId);
      if (local) return deliver(local);
      if (retrying[bubble.id]) return;
      setRetrying((r) => ({ ...r, [bubble.id]: true }));
      // The one step back: the bubble is pending again before the request goes, so the
      // retry's own events (pending, processing, then sent or failed), which may arrive before
      // its answer, move it forward from there.
      setLive((s) => ({ ...s, [bubble.id]: "pending" }));
      queryClient.setQueryData<History>([...key, "history"], (d) =>
        d && { ...d, pages: d.pages.map((p) => ({ ...p, messages: p.messages.map((m) => (m.id === bubble.id ? { ...m, status: "pending" } : m)) })) },
      );
      try {
        await retryMessage(auth, conversationId, bubble.id);
      } catch {
        refetch(); // 409: it moved on meanwhile (retried elsewhere); show what it is now
      } finally {
        setRetrying(({ [bubble.id]: _done, ...rest }) => rest);
      }
    },
    [outgoing, deliver, retrying, auth, conversationId, refetch, queryClient, key],
  );

  const bubbles = useMemo<Bubble[]>(() => {
    const seen = new Set<string>();
    const out: Bubble[] = [];
    // Pages are newest first; each page is oldest first.
    for (const page of [...(history.data?.pages ?? [])].reverse()) {
      for (const m of page.messages) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        const status = laterStatus(m.status, live[m.id]) ?? m.status;
        out.push({ ...m, status, key: localIdOf.current.get(m.id) ?? m.id });
      }
    }
    out.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    for (const o of outgoing) {
      out.push({ id: o.localId, key: o.localId, localId: o.localId, direction: "outbound", text: o.text, mediaUrl: o.mediaUrl, timestamp: o.at, status: o.error ? "failed" : "sending", sendError: o.error });
    }
    return out;
  }, [history.data, live, outgoing]);

  return {
    conversation: conversation.data,
    error: conversation.error ?? history.error,
    loading: conversation.isPending || history.isPending,
    bubbles,
    hasOlder: history.hasNextPage,
    loadingOlder: history.isFetchingNextPage,
    loadOlder: history.fetchNextPage,
    send,
    retry,
    retrying,
    connected,
    markRead: read,
    pageSize: PAGE_SIZE,
  };
}
