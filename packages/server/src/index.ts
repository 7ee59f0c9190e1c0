export { keywardTokenChecksum as checksum, parseKeywardToken as parseToken } from "@keyward/contract";
export { hashToken } from "./domain/tokens.js";
export { createLogger, type RunningServer, type ServerOptions, startServer } from "./server.js";
export { LowdbStore } from "./storage/lowdb/lowdb-store.js";
export { PostgresStore } from "./storage/postgres/postgres-store.js";
