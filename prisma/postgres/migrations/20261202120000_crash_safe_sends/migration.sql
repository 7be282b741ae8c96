-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "possibleDuplicate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "requestHash" TEXT,
ADD COLUMN     "sendStartedAt" TIMESTAMP(3);
