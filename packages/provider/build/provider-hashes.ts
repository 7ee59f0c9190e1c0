// The package checksums the CLIs write into .terraform.lock.hcl: `h1:` over a package's files (Go's dirhash
// Hash1, the same for a zip and for its unpacked directory) and `zh:` over the zip's bytes (the registry's
// SHA256SUMS line).
import { createHash } from "node:crypto";

export interface PackageFile {
  /** Path inside the package, `/`-separated. */
  readonly name: string;
  readonly content: Buffer;
}

const sha256Hex = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/** dirhash.Hash1: sha256 of the sorted lines `<sha256 hex>  <name>\n`, base64 encoded. */
export function h1Hash(files: readonly PackageFile[]): string {
  const names = files.map((file) => file.name);
  if (names.some((name) => name.includes("\n"))) {
    throw new Error("h1 hash: a file name contains a newline");
  }
  const summary = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((file) => `${sha256Hex(file.content)}  ${file.name}\n`)
    .join("");
  return `h1:${createHash("sha256").update(summary).digest("base64")}`;
}

export const zhHash = (zip: Buffer) => `zh:${sha256Hex(zip)}`;

export const sha256SumsLine = (zip: Buffer, fileName: string) => `${sha256Hex(zip)}  ${fileName}\n`;
