-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "customerId" TEXT,
    "unreadCount" INTEGER NOT NULL DEFAULT 0,
    "lastReadAt" DATETIME,
    "lastInboundAt" DATETIME,
    "lastMessageId" TEXT,
    "lastDirection" TEXT,
    "lastText" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Conversation_updatedAt_id_idx" ON "Conversation"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_clientId_updatedAt_id_idx" ON "Conversation"("clientId", "updatedAt", "id");

-- Messages from before conversations get their conversationId and the conversation rows
-- from lib/conversations/backfill.ts (the id is a SHA-256 SQLite cannot compute), run after
-- every migrate deploy (lib/migrate.ts).
