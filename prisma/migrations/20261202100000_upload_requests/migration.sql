-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "guestEmail" TEXT,
ADD COLUMN     "guestKeyHash" TEXT,
ADD COLUMN     "guestName" TEXT,
ADD COLUMN     "requestId" TEXT;

-- CreateTable
CREATE TABLE "UploadRequest" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "message" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "maxFiles" INTEGER,
    "maxFileBytes" BIGINT,
    "maxTotalBytes" BIGINT,
    "allowedTypes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "passwordHash" TEXT,
    "askName" BOOLEAN NOT NULL DEFAULT false,
    "askEmail" BOOLEAN NOT NULL DEFAULT false,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UploadRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UploadRequest_tokenHash_key" ON "UploadRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "UploadRequest_ownerId_createdAt_id_idx" ON "UploadRequest"("ownerId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Upload_requestId_status_idx" ON "Upload"("requestId", "status");

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "UploadRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UploadRequest" ADD CONSTRAINT "UploadRequest_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
