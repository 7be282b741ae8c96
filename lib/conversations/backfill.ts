// The data half of the conversations migration: messages stored before every message carried
// its conversation get their conversationId (derived in code: a SHA-256 that SQLite cannot
// compute in SQL), and every conversation those messages and the stored inbound replies form
// gets its Conversation row, with its last message. Idempotent; run by migrateDatabase after
// `prisma migrate deploy`, so it costs one indexed lookup once everything is filled in.
// Backfilled conversations start read: replies that came in before the inbox existed are not
// announced as new.
import type { Database } from "../db/client";
import { runRead, runWrites } from "../db/direct";
import { raw, sql } from "../db/sql";
import { conversationIdFor } from "./conversation-id";

const BATCH = 2000;

async function fillMessageIds(database: Database): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await runRead<{ id: string; clientId: string; channel: string; to: string }>(database,
      sql`SELECT "id", "clientId", "channel", "to" FROM "Message" WHERE "conversationId" IS NULL LIMIT ${BATCH}`);
    if (!rows.length) return total;
    const source = database.dialect.jsonRows({ id: "text", cid: "text" }, rows.map((r) => ({ id: r.id, cid: conversationIdFor(r.clientId, r.channel, r.to) })));
    await runWrites(database, [sql`UPDATE "Message" SET "conversationId" = s."cid" FROM (${source}) AS s WHERE "Message"."id" = s."id"`]);
    total += rows.length;
  }
}

const ADDRESS = (column: string) => raw(`LOWER(TRIM(REPLACE(${column}, 'whatsapp:', '')))`);

/** Conversation rows for every conversationId on a message or an inbound reply that has none yet. */
function insertMissingConversations() {
  return sql`INSERT INTO "Conversation" ("id", "clientId", "channel", "address", "customerId", "unreadCount", "lastInboundAt", "lastMessageId", "lastDirection", "lastText", "createdAt", "updatedAt")
    SELECT t."cid", t."clientId", t."channel", t."address", t."anyCustomer", 0, t."inboundAt", t."mid", t."direction", SUBSTR(t."text", 1, 500), t."firstAt", t."at"
    FROM (
      SELECT a.*,
        ROW_NUMBER() OVER (PARTITION BY a."cid" ORDER BY a."at" DESC, a."mid" DESC) AS "rn",
        MIN(a."at") OVER (PARTITION BY a."cid") AS "firstAt",
        MAX(CASE WHEN a."direction" = 'inbound' THEN a."at" END) OVER (PARTITION BY a."cid") AS "inboundAt",
        MAX(a."customerId") OVER (PARTITION BY a."cid") AS "anyCustomer"
      FROM (
        SELECT m."conversationId" AS "cid", m."clientId", m."channel", ${ADDRESS(`m."to"`)} AS "address", m."customerId", m."id" AS "mid",
          'outbound' AS "direction", CASE WHEN m."channel" = 'email' AND m."subject" IS NOT NULL THEN m."subject" ELSE m."body" END AS "text", m."createdAt" AS "at"
        FROM "Message" m WHERE m."conversationId" IS NOT NULL
        UNION ALL
        SELECT i."conversationId", i."clientId", i."channel", ${ADDRESS(`i."from"`)}, NULL, i."id", 'inbound', i."body", i."createdAt" FROM "InboundMessage" i
      ) AS a
      WHERE NOT EXISTS (SELECT 1 FROM "Conversation" c WHERE c."id" = a."cid")
    ) AS t
    WHERE t."rn" = 1
    ON CONFLICT ("id") DO NOTHING`;
}

export async function backfillConversations(database: Database): Promise<{ messages: number; conversations: number }> {
  const messages = await fillMessageIds(database);
  const [state] = await runRead<{ conversations: number; stored: number }>(database, sql`SELECT
    (SELECT COUNT(*) FROM (SELECT 1 FROM "Conversation" LIMIT 1) AS c) AS "conversations",
    (SELECT COUNT(*) FROM (SELECT 1 FROM "Message" UNION ALL SELECT 1 FROM "InboundMessage" LIMIT 1) AS m) AS "stored"`);
  // Nothing was filled in and conversations exist already (or nothing does): nothing to add.
  if (!messages && (Number(state!.conversations) > 0 || Number(state!.stored) === 0)) return { messages, conversations: 0 };
  const before = await countConversations(database);
  await runWrites(database, [insertMissingConversations()]);
  return { messages, conversations: (await countConversations(database)) - before };
}

async function countConversations(database: Database): Promise<number> {
  const [row] = await runRead<{ n: number }>(database, sql`SELECT COUNT(*) AS "n" FROM "Conversation"`);
  return Number(row!.n);
}
