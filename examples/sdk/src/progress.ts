// Readable progress lines for the demo.
export const step = (text: string) => console.log(`\n▸ ${text}`);
export const ok = (text: string) => console.log(`  ✔ ${text}`);
export function fail(text: string): never {
  console.error(`  ✘ ${text}`);
  process.exit(1);
}
export function expectStatus(actual: number, expected: number, what: string): void {
  if (actual === expected) {
    ok(`${what} → ${actual}`);
  } else {
    fail(`${what} → ${actual}, expected ${expected}`);
  }
}
