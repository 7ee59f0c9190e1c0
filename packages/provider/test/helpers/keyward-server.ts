// A real Keyward server in-process: the server package's own test harness (temp lowdb file, demo records,
// responses validated against the contract), so that every package tests against the same set-up.
export { type Harness as TestServer, startHarness as startKeyward } from "../../../server/test/support/harness.js";
