-- CreateEnum
CREATE TYPE "ProcessingState" AS ENUM ('QUEUED', 'RUNNING', 'CLEAN', 'INFECTED', 'FAILED', 'TOO_LARGE_TO_SCAN', 'OFF');

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "detectedType" TEXT,
ADD COLUMN     "height" INTEGER,
ADD COLUMN     "processedAt" TIMESTAMP(3),
ADD COLUMN     "processing" "ProcessingState",
ADD COLUMN     "processingAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "processingError" TEXT,
ADD COLUMN     "processingQueuedAt" TIMESTAMP(3),
ADD COLUMN     "processingRun" TEXT,
ADD COLUMN     "scanSignature" TEXT,
ADD COLUMN     "scannedWith" TEXT,
ADD COLUMN     "sha256" TEXT,
ADD COLUMN     "thumbnailKey" TEXT,
ADD COLUMN     "typeMismatch" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "width" INTEGER;

-- CreateTable
CREATE TABLE "ScannerState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "fingerprint" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScannerState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Upload_processing_createdAt_id_idx" ON "Upload"("processing", "createdAt", "id");
