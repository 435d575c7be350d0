/** `text` for a LIKE or ILIKE pattern, matched literally: its %, _ and \ (PostgreSQL's default escape character) are escaped. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");
