-- DropIndex
DROP INDEX "Suppression_clientId_address_key";

-- Rows from before opt-outs were per channel covered every channel.
UPDATE "Suppression" SET "channel" = 'all' WHERE "channel" IS NULL;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "timezone" TEXT;

-- AlterTable
ALTER TABLE "Suppression" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'all';

-- CreateTable
CREATE TABLE "SuppressionEvent" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuppressionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "consentedAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SuppressionEvent_clientId_address_createdAt_idx" ON "SuppressionEvent"("clientId", "address", "createdAt");

-- CreateIndex
CREATE INDEX "SuppressionEvent_createdAt_idx" ON "SuppressionEvent"("createdAt");

-- CreateIndex
CREATE INDEX "Consent_clientId_address_idx" ON "Consent"("clientId", "address");

-- CreateIndex
CREATE INDEX "Message_clientId_to_sentAt_idx" ON "Message"("clientId", "to", "sentAt");

-- CreateIndex
CREATE INDEX "Suppression_clientId_createdAt_idx" ON "Suppression"("clientId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_clientId_address_channel_key" ON "Suppression"("clientId", "address", "channel");
