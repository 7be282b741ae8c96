-- Routing identifiers become owned rows (ClientRoute, keyed by kind and value), and the
-- error log counts repeats (occurrences, lastSeenAt). From `prisma migrate diff`, reordered
-- so that the data moves before the old columns go.

-- CreateTable
CREATE TABLE "ClientRoute" (
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientRoute_pkey" PRIMARY KEY ("kind","value")
);

-- CreateIndex
CREATE INDEX "ClientRoute_clientId_idx" ON "ClientRoute"("clientId");

-- AddForeignKey
ALTER TABLE "ClientRoute" ADD CONSTRAINT "ClientRoute_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing agentIds / phoneNumbers become routes. Where two clients claimed the same one,
-- the oldest client keeps it: calls already went to the first match, in creation order.
INSERT INTO "ClientRoute" ("kind", "value", "clientId", "position", "createdAt")
SELECT "kind", "value", "clientId", "position", "createdAt" FROM (
    SELECT "kind", "value", "clientId", "position", "createdAt",
           ROW_NUMBER() OVER (PARTITION BY "kind", "value" ORDER BY "createdAt", "clientId", "position") AS "claim"
    FROM (
        SELECT 'agent' AS "kind", v."value" AS "value", c."id" AS "clientId", (j."n" - 1)::integer AS "position", c."createdAt" AS "createdAt"
        FROM "Client" c CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(c."agentIds"::jsonb) = 'array' THEN c."agentIds"::jsonb ELSE '[]'::jsonb END) WITH ORDINALITY AS j("element", "n")
        CROSS JOIN LATERAL (SELECT j."element" #>> '{}' AS "value") AS v
        WHERE jsonb_typeof(j."element") = 'string' AND v."value" <> ''
        UNION ALL
        SELECT 'phone', v."value", c."id", (j."n" - 1)::integer, c."createdAt"
        FROM "Client" c CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(c."phoneNumbers"::jsonb) = 'array' THEN c."phoneNumbers"::jsonb ELSE '[]'::jsonb END) WITH ORDINALITY AS j("element", "n")
        CROSS JOIN LATERAL (SELECT j."element" #>> '{}' AS "value") AS v
        WHERE jsonb_typeof(j."element") = 'string' AND v."value" <> ''
    ) AS "claims"
) AS "ranked"
WHERE "claim" = 1;

-- AlterTable
ALTER TABLE "Client" DROP COLUMN "agentIds",
DROP COLUMN "phoneNumbers";

-- AlterTable
ALTER TABLE "ErrorLog" ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "occurrences" INTEGER NOT NULL DEFAULT 1;

-- Each existing entry was seen once, when it was written.
UPDATE "ErrorLog" SET "lastSeenAt" = "createdAt";

-- CreateIndex
CREATE INDEX "ErrorLog_lastSeenAt_idx" ON "ErrorLog"("lastSeenAt");

-- CreateIndex
CREATE INDEX "ErrorLog_clientId_lastSeenAt_idx" ON "ErrorLog"("clientId", "lastSeenAt");
