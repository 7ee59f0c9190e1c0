// Sent as `X-Keyward-Client: keyward-sdk/<version>`. Kept as a literal rather than imported from
// package.json because package.json sits outside rootDir and a JSON import would not bundle cleanly
// for browsers; test/version.test.ts keeps the two equal.
export const SDK_VERSION = "0.1.0";
