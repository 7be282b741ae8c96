// The Inbox's live reordering: an updated conversation moves to where its activity puts it
// (the top, for a new message), leaves a list it no longer belongs to, and never shows twice.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ApiConversation } from "../../components/api/types";
import { placeConversation, type Pages } from "../../components/inbox/place-conversation";

const conv = (id: string, minute: number, unreadCount = 0): ApiConversation => ({
  id, clientId: "cl_1", channel: "sms", customer: { id: null, name: null, phone: "+1555", email: null }, address: "+1555",
  lastMessage: null, unreadCount, lastReadAt: null, windowClosesAt: null, updatedAt: new Date(Date.UTC(2026, 11, 3, 12, minute)).toISOString(),
});
const pages = (...lists: [ApiConversation[], string | null][]): Pages => ({
  pages: lists.map(([conversations, nextCursor]) => ({ conversations, nextCursor })),
  pageParams: lists.map((_, i) => (i ? `c${i}` : null)),
});
const ids = (p: Pages) => p.pages.map((page) => page.conversations.map((c) => c.id));

test("a new message moves its conversation from the second page to the top, with its new count", () => {
  const before = pages([[conv("c", 30), conv("b", 20)], "cur"], [[conv("a", 10)], null]);
  const after = placeConversation(before, conv("a", 40, 1), true);
  assert.deepEqual(ids(after), [["a", "c", "b"], []]);
  assert.equal(after.pages[0]!.conversations[0]!.unreadCount, 1);
  assert.deepEqual(ids(before), [["c", "b"], ["a"]], "the cached pages are not changed in place");
});

test("marking read keeps the place (its activity time did not change)", () => {
  const after = placeConversation(pages([[conv("c", 30, 2), conv("b", 20, 1), conv("a", 10)], null]), conv("b", 20, 0), true);
  assert.deepEqual(ids(after), [["c", "b", "a"]]);
  assert.equal(after.pages[0]!.conversations[1]!.unreadCount, 0);
});

test("a conversation that no longer matches the filter leaves the list", () => {
  assert.deepEqual(ids(placeConversation(pages([[conv("c", 30, 2), conv("b", 20, 1)], null]), conv("c", 30, 0), false)), [["b"]]);
});

test("one older than every loaded row waits for Load more, unless the list is complete", () => {
  assert.deepEqual(ids(placeConversation(pages([[conv("c", 30), conv("b", 20)], "cur"]), conv("z", 5), true)), [["c", "b"]]);
  assert.deepEqual(ids(placeConversation(pages([[conv("c", 30), conv("b", 20)], null]), conv("z", 5), true)), [["c", "b", "z"]]);
});

test("ties on the activity time are ordered by id, as the server pages them", () => {
  assert.deepEqual(ids(placeConversation(pages([[conv("d", 30), conv("b", 30)], null]), conv("c", 30), true)), [["d", "c", "b"]]);
});
