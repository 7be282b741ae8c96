-- Crash-safe sends and idempotency checks (hand-written as ADD COLUMN: Prisma's diff
-- would copy the whole Message table to put the columns in the model's order).
ALTER TABLE "Message" ADD COLUMN "requestHash" TEXT;
ALTER TABLE "Message" ADD COLUMN "sendStartedAt" DATETIME;
ALTER TABLE "Message" ADD COLUMN "possibleDuplicate" BOOLEAN NOT NULL DEFAULT false;
