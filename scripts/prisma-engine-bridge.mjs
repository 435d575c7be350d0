#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded on this
// offline machine. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. The CLI starts
// this file as `--datamodels <file>... --datasource <json>` and speaks JSON-RPC 2.0 over
// stdio, one message per line, reading JSON log lines from stderr. We answer with the same
// engine compiled to WebAssembly (@prisma/schema-engine-wasm), which reaches PostgreSQL
// through @prisma/adapter-pg instead of a built-in driver.
import { randomUUID } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    datamodels: { type: "string", multiple: true, default: [] },
    datasource: { type: "string", default: "{}" },
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
    version: { type: "boolean", short: "V" },
  },
});
/** @type {{ url?: string, shadowDatabaseUrl?: string }} */
const datasource = JSON.parse(opts.datasource);

// adapter-pg rejects any result holding Postgres's internal one-byte "char" type (OID 18),
// which the engine's catalog queries select (pg_constraint.contype; on PostgreSQL 18 such as
// PGlite those rows exist for every NOT NULL column). Let pg describe these columns as text,
// remember which they were, and hand them to the engine as the Character type it expects.
const charColumns = new WeakMap(); // a result's rows array -> indexes of its "char" columns
const { addFields } = pg.Result.prototype;
pg.Result.prototype.addFields = function (fields) {
  const indexes = fields.flatMap((field, i) => (field.dataTypeID === 18 ? [i] : []));
  for (const i of indexes) fields[i].dataTypeID = 25;
  if (indexes.length) charColumns.set(this.rows, indexes);
  return addFields.call(this, fields);
};

function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query); // adapter-pg passes pg's rows array through
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

async function connectPg(url) {
  const adapter = withCharColumns(await new PrismaPg({ connectionString: url }).connect());
  // adapter-pg splits a migration script at every ";", which cuts a function body ($$ ... $$)
  // apart. Send the script whole, as the native engine does: one simple-protocol query, which
  // PostgreSQL runs as one implicit transaction.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

/** Writes a log line the way the native engine does; the CLI parses these from stderr. */
function log(level, message, extra = {}) {
  const fields = { message, ...extra };
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" })}\n`);
}

/** Tells scripts/prisma.mjs that something failed: the CLI can still exit 0 after an engine error. */
function reportFailure(message) {
  const file = process.env.PRISMA_BRIDGE_ERROR_FILE;
  if (file) appendFileSync(file, `${message}\n`);
}

/** Native error code for a failed connection, so the CLI reacts as it would to the binary. */
function connectionErrorCode(error) {
  if (error.code === "3D000") return "P1003"; // database does not exist: `migrate dev` then creates it
  if (error.code === "28P01" || error.code === "28000") return "P1000";
  return "P1001";
}

// ---- `cli <command>`: one-shot commands run before the JSON-RPC session -----------------

async function runCliCommand(command) {
  const url = new URL(requireUrl());
  const database = decodeURIComponent(url.pathname.slice(1));
  // The CLI ignores the first stderr line of a one-shot command.
  log("INFO", `Starting schema engine CLI (${command})`);
  try {
    if (command === "can-connect-to-database") {
      await withClient(url.href, () => {});
    } else if (command === "create-database") {
      // Connect to the server's maintenance database: the target does not exist yet.
      const admin = new URL(url);
      admin.pathname = "/postgres";
      await withClient(admin.href, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`));
    } else {
      log("ERROR", `The engine bridge does not implement \`cli ${command}\`.`);
      process.exit(1);
    }
  } catch (error) {
    const errorCode = connectionErrorCode(error);
    const message =
      errorCode === "P1003"
        ? `Database \`${database}\` does not exist on the database server at \`${url.host}\`.`
        : `Can't reach or use the database server at \`${url.host}\`: ${error.message}`;
    log("ERROR", message, { error_code: errorCode });
    process.exit(1);
  }
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function requireUrl() {
  if (!datasource.url) throw new Error("No database URL: set DATABASE_URL, or run through scripts/prisma.mjs for PGlite.");
  return datasource.url;
}

// ---- Driver adapter factory handed to the wasm engine -----------------------------------

// Drops every user schema: the engine replays the migration history into the shadow database
// and expects it empty, but does not reset an external one itself (the native engine does).
const WIPE_SQL = `DO $$ DECLARE s name; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$`;

async function connectToShadowDb() {
  if (datasource.shadowDatabaseUrl) {
    const adapter = await connectPg(datasource.shadowDatabaseUrl);
    await adapter.underlyingDriver().query(WIPE_SQL);
    return adapter;
  }
  // No shadow URL: use a throwaway database on the main server. adapter-pg's own version of
  // this drops the database while its pool is still connected, so the DROP fails.
  const url = new URL(requireUrl());
  const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  url.pathname = `/${name}`;
  const adapter = await connectPg(url.href);
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  };
  return adapter;
}

const adapterFactory = bindMigrationAwareSqlAdapterFactory({
  provider: "postgres",
  adapterName: "@prisma/adapter-pg",
  connect: () => connectPg(requireUrl()),
  connectToShadowDb,
});

// ---- JSON-RPC session --------------------------------------------------------------------

// On a Rust panic the engine hands its message to this global, then traps.
let panicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panicMessage = message) };

async function initWasm() {
  // Node 20 cannot `import` a .wasm file (schema_engine.js does), so instantiate it by hand.
  const wasmUrl = new URL("schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmUrl), { "./schema_engine_bg.js": wasmBindings });
  wasmBindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

async function loadEngine() {
  await initWasm();
  const datamodels = opts.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
  // The engine's own log lines are already JSON in the native format: pass them through.
  const onLog = (line) => process.stderr.write(`${line}\n`);
  return wasmBindings.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, onLog, adapterFactory);
}

function send(message) {
  process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
}

let printId = 0;

// Methods the wasm engine implements under the name and with the parameters the CLI uses.
const PASS_THROUGH = new Set([
  "applyMigrations",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

async function handle(engine, { method, params }) {
  switch (method) {
    case "getDatabaseVersion": // the wasm engine's name for it is `version`
      return engine.version(params);
    case "diff": {
      // The native engine prints the diff through a `print` request instead of returning it.
      const { stdout, ...result } = await engine.diff(params);
      if (stdout) send({ id: `print-${++printId}`, method: "print", params: { content: stdout } });
      return result;
    }
    case "evaluateDataLoss":
    case "createMigration":
      try {
        return await engine[method](params);
      } catch (error) {
        // These two cannot reach the shadow database in the wasm engine: they rely on the schema
        // of the migration history that devDiagnostic cached. When `migrate dev` has just
        // applied pending migrations, that cache misses; diagnoseMigrationHistory can use the
        // shadow database and fills it for the current history, so retry once after it.
        if (!/shadow DB must be provided/.test(error.message)) throw error;
        const { migrationsList, filters } = params;
        await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
        return engine[method](params);
      }
    default:
      if (!PASS_THROUGH.has(method)) {
        throw new Error(`The engine bridge does not support the \`${method}\` method.`);
      }
      return engine[method](params);
  }
}

/** The error a driver adapter threw, which the engine only reports as "External error id#N". */
function originalError(error) {
  const id = /External error id#(\d+)/.exec(error?.message)?.[1];
  return (id && adapterFactory.errorRegistry.consumeError(Number(id))?.error) || error;
}

async function serve() {
  // A failure here (e.g. an unreachable database) is answered to each request rather than by
  // exiting: the CLI silently exits 0 when the engine dies before its first reply.
  const engine = loadEngine();
  engine.catch(() => {});
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const request = JSON.parse(line);
    if (request.method === undefined) continue; // the CLI's acknowledgement of a `print`
    try {
      send({ id: request.id, result: (await handle(await engine, request)) ?? null });
    } catch (caught) {
      const error = originalError(caught);
      // A Rust panic surfaces as a wasm trap; the instance cannot be used afterwards.
      const isPanic = error instanceof WebAssembly.RuntimeError;
      const message = isPanic && panicMessage ? panicMessage : error.message;
      const errorCode = /^P\d{4}$/.test(error.code) ? error.code : undefined; // not driver codes like 42P01
      reportFailure(`${request.method}: ${errorCode ? `${errorCode} ` : ""}${message}`);
      const data = { is_panic: isPanic, message, error_code: errorCode, meta: error.meta };
      send({ id: request.id, error: { code: 4466, message, data } }); // the CLI shows `message` for panics
      if (isPanic) process.exit(101);
    }
  }
  process.exit(0); // the CLI closed stdin; open pools must not keep us alive
}

// The CLI treats a zero exit mid-request as success and prints nothing; never exit 0 on a crash.
process.on("uncaughtException", (caught) => {
  const error = originalError(caught);
  const message = panicMessage ? `schema engine panicked: ${panicMessage}` : `engine bridge crashed: ${error.stack ?? error}`;
  log("ERROR", message);
  reportFailure(message);
  process.exit(101);
});

if (opts.version) {
  await initWasm();
  console.log(`schema-engine-cli ${wasmBindings.version()}`);
} else if (positionals[0] === "cli") {
  await runCliCommand(positionals[1]);
} else {
  await serve();
}
