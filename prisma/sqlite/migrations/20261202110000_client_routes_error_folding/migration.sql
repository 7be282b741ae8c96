-- Routing identifiers become owned rows (ClientRoute, keyed by kind and value), and the
-- error log counts repeats (occurrences, lastSeenAt). Written by hand from `prisma migrate
-- diff`'s output: no table is rebuilt (ALTER TABLE instead), and the data moves before the
-- old columns go.

-- CreateTable
CREATE TABLE "ClientRoute" (
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("kind", "value"),
    CONSTRAINT "ClientRoute_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ClientRoute_clientId_idx" ON "ClientRoute"("clientId");

-- Existing agentIds / phoneNumbers become routes. Where two clients claimed the same one,
-- the oldest client keeps it: calls already went to the first match, in creation order.
INSERT INTO "ClientRoute" ("kind", "value", "clientId", "position", "createdAt")
SELECT "kind", "value", "clientId", "position", "createdAt" FROM (
    SELECT "kind", "value", "clientId", "position", "createdAt",
           ROW_NUMBER() OVER (PARTITION BY "kind", "value" ORDER BY "clientCreatedAt", "clientId", "position") AS "claim"
    FROM (
        SELECT 'agent' AS "kind", j."value" AS "value", c."id" AS "clientId", j."key" AS "position", c."createdAt" AS "createdAt", c."createdAt" AS "clientCreatedAt"
        FROM "Client" c, json_each(CASE WHEN json_valid(c."agentIds") AND json_type(c."agentIds") = 'array' THEN c."agentIds" ELSE '[]' END) j
        WHERE j."type" = 'text' AND j."value" <> ''
        UNION ALL
        SELECT 'phone', j."value", c."id", j."key", c."createdAt", c."createdAt"
        FROM "Client" c, json_each(CASE WHEN json_valid(c."phoneNumbers") AND json_type(c."phoneNumbers") = 'array' THEN c."phoneNumbers" ELSE '[]' END) j
        WHERE j."type" = 'text' AND j."value" <> ''
    ) AS "claims"
) AS "ranked"
WHERE "claim" = 1;

-- AlterTable
ALTER TABLE "Client" DROP COLUMN "agentIds";
ALTER TABLE "Client" DROP COLUMN "phoneNumbers";

-- AlterTable. SQLite cannot add a column defaulting to CURRENT_TIMESTAMP, and a table rebuild
-- would copy the whole log: the default here is a placeholder, since Prisma writes
-- lastSeenAt itself (as it does every @default(now())). Each existing entry was seen once.
ALTER TABLE "ErrorLog" ADD COLUMN "occurrences" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "ErrorLog" ADD COLUMN "lastSeenAt" DATETIME NOT NULL DEFAULT '1970-01-01T00:00:00.000+00:00';
UPDATE "ErrorLog" SET "lastSeenAt" = "createdAt";

-- CreateIndex
CREATE INDEX "ErrorLog_lastSeenAt_idx" ON "ErrorLog"("lastSeenAt");

-- CreateIndex
CREATE INDEX "ErrorLog_clientId_lastSeenAt_idx" ON "ErrorLog"("clientId", "lastSeenAt");
