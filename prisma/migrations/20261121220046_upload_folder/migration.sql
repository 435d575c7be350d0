-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "folder" TEXT;
