-- DropIndex
DROP INDEX "Message_sentAt_idx";

-- CreateIndex
CREATE INDEX "Message_sentAt_costCents_idx" ON "Message"("sentAt", "costCents");

-- CreateIndex
CREATE INDEX "Message_channel_idx" ON "Message"("channel");

-- CreateIndex
CREATE INDEX "MessageAttempt_outcome_createdAt_idx" ON "MessageAttempt"("outcome", "createdAt");
