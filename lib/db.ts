import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";

interface Handle {
  client: PrismaClient;
  pglite?: PGlite;
  close: () => Promise<void>;
}

function open(): Handle {
  if (env.DATABASE_URL) {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
    return { client, close: () => client.$disconnect() };
  }
  const pglite = new PGlite(env.pgliteDir);
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    client,
    pglite,
    close: async () => {
      await client.$disconnect();
      await pglite.close();
    },
  };
}

// Opened on first use, not at import: `next build` imports every route module, and PGlite
// holds its data directory exclusively. Cached on globalThis so dev-mode reloads reuse it.
const store = globalThis as unknown as { slipwayDb?: Handle };

function handle(): Handle {
  store.slipwayDb ??= open();
  return store.slipwayDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => {
    const client = handle().client;
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The embedded database, for the job queue to share (it holds one connection); undefined with PostgreSQL. */
export function embeddedDatabase(): PGlite | undefined {
  return handle().pglite;
}

/** Closes the connection (PGlite flushes and releases its directory). Safe to call twice. */
export async function closeDb(): Promise<void> {
  const current = store.slipwayDb;
  store.slipwayDb = undefined;
  await current?.close();
}
