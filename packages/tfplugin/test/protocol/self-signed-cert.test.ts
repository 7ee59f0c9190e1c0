import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSelfSignedCert } from "../../src/protocol/internal/self-signed-cert.js";

describe("self-signed certificate", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  const cert = createSelfSignedCert(now);
  const x509 = new X509Certificate(Buffer.from(cert.der));

  it("is a CA for localhost, signed by its own key", () => {
    expect(x509.ca).toBe(true);
    expect(x509.checkHost("localhost")).toBe("localhost");
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
  });

  it("is valid from 30 s before creation", () => {
    expect(new Date(x509.validFrom).getTime()).toBe(now.getTime() - 30_000);
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(now.getTime());
  });

  it("allows server and client authentication", () => {
    expect(x509.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
  });

  it("comes with a matching PEM pair", () => {
    expect(new X509Certificate(cert.certPem).fingerprint256).toBe(x509.fingerprint256);
    expect(cert.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it("is fresh per call", () => {
    expect(createSelfSignedCert().der).not.toEqual(createSelfSignedCert().der);
  });
});
