export { startServer, createLogger, type ServerOptions, type RunningServer } from "./server.js";
export { keywardTokenChecksum as checksum, parseKeywardToken as parseToken } from "@keyward/contract";
export { hashToken } from "./domain/tokens.js";
export { LowdbStore } from "./storage/lowdb/lowdb-store.js";
export { PostgresStore } from "./storage/postgres/postgres-store.js";
