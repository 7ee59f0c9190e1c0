import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import {
  derBitString,
  derBoolean,
  derExplicit,
  derInteger,
  derOctetString,
  derOid,
  derSequence,
  derSet,
  derTime,
  derTlv,
  derUtf8String,
} from "./der.js";

export interface SelfSignedCert {
  /** DER bytes of the certificate (the handshake carries them base64-encoded). */
  readonly der: Uint8Array;
  readonly certPem: string;
  readonly keyPem: string;
}

const ECDSA_WITH_SHA256 = derSequence(derOid("1.2.840.10045.4.3.2"));

/**
 * A fresh ECDSA P-256 self-signed certificate for AutoMTLS, built with node:crypto alone (a few ms, versus tens of
 * ms for an X.509 library): CN and SAN DNS "localhost", CA, key usage incl. certSign, EKU serverAuth+clientAuth,
 * valid from 30 s ago (clock skew) for ten years.
 */
export function createSelfSignedCert(now = new Date()): SelfSignedCert {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const name = derSequence(derSet(derSequence(derOid("2.5.4.3"), derUtf8String("localhost"))));
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01; // positive and minimal-length
  const tbs = derSequence(
    derExplicit(0, derInteger(Uint8Array.of(2))), // X.509 v3
    derInteger(serial),
    ECDSA_WITH_SHA256,
    name,
    derSequence(derTime(new Date(now.getTime() - 30_000)), derTime(new Date(now.getTime() + 10 * 365 * 86_400_000))),
    name,
    new Uint8Array(publicKey.export({ type: "spki", format: "der" })),
    derExplicit(3, derSequence(...extensions())),
  );
  const signature = sign("sha256", tbs, privateKey);
  const der = derSequence(tbs, ECDSA_WITH_SHA256, derBitString(signature));
  return {
    der,
    certPem: toPem("CERTIFICATE", der),
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

function extensions(): Uint8Array[] {
  const extension = (oid: string, critical: boolean, value: Uint8Array) =>
    derSequence(derOid(oid), ...(critical ? [derBoolean(true)] : []), derOctetString(value));
  return [
    extension("2.5.29.19", true, derSequence(derBoolean(true))), // basicConstraints CA:true
    // keyUsage: digitalSignature, keyEncipherment, keyAgreement, keyCertSign (bits 0, 2, 4, 5).
    extension("2.5.29.15", true, derBitString(Uint8Array.of(0b10101100), 2)),
    extension("2.5.29.37", false, derSequence(derOid("1.3.6.1.5.5.7.3.1"), derOid("1.3.6.1.5.5.7.3.2"))),
    extension("2.5.29.17", false, derSequence(derTlv(0x82, new TextEncoder().encode("localhost")))), // SAN dNSName
  ];
}

function toPem(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n").replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}
