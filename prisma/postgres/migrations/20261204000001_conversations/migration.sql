-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "customerId" TEXT,
    "unreadCount" INTEGER NOT NULL DEFAULT 0,
    "lastReadAt" TIMESTAMP(3),
    "lastInboundAt" TIMESTAMP(3),
    "lastMessageId" TEXT,
    "lastDirection" TEXT,
    "lastText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Conversation_updatedAt_id_idx" ON "Conversation"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_clientId_updatedAt_id_idx" ON "Conversation"("clientId", "updatedAt", "id");

-- Messages from before conversations get their conversationId and the conversation rows
-- from lib/conversations/backfill.ts (the id is a SHA-256 computed the same way on both
-- databases), run after every migrate deploy (lib/migrate.ts).
