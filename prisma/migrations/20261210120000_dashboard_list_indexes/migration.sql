-- The owner's list sorts by date, name or size, either way, in keyset pages (lib/uploads/list-uploads.ts):
-- one index per sort, each walked forwards or backwards from the cursor's (key, id) and stopped after a page.
-- The date index was (ownerId, createdAt DESC, id): with id ascending it could not serve ORDER BY
-- createdAt DESC, id DESC (nor the row comparison of a keyset) in either direction.
DROP INDEX "Upload_ownerId_createdAt_id_idx";
CREATE INDEX "Upload_ownerId_createdAt_id_idx" ON "Upload"("ownerId", "createdAt", "id");
CREATE INDEX "Upload_ownerId_size_id_idx" ON "Upload"("ownerId", "size", "id");
-- Names sort case-insensitively, character by character whatever the database's locale. An expression
-- index: Prisma's schema cannot declare it (and its diff leaves it alone).
CREATE INDEX "Upload_ownerId_lower_originalName_id_idx" ON "Upload"("ownerId", (lower("originalName") COLLATE "C"), "id");
-- The owner's folder listing (file counts per folder) and the unfinished slots the quota counts:
-- both read the index alone, whatever the number of the owner's files.
CREATE INDEX "Upload_ownerId_status_folder_idx" ON "Upload"("ownerId", "status", "folder");
