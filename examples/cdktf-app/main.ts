// Keyward integrations declared with CDKTF: two integrations set up the best-practice way with IntegrationAccess,
// and one key written out resource by resource (user, role, key) with field limits.
//
//   npm run build && node examples/cdktf-app/dist/main.js
//     → examples/cdktf-app/cdktf.out/stacks/integrations/cdk.tf.json
//   cd examples/cdktf-app/cdktf.out/stacks/integrations
//   TF_CLI_CONFIG_FILE=<repo>/dist/terraform-mirror/cli-config.tfrc KEYWARD_ENDPOINT=http://localhost:8080 \
//     KEYWARD_TOKEN=kwa_… tofu init && tofu apply
//
// The provider reads KEYWARD_ENDPOINT and KEYWARD_TOKEN when OpenTofu/Terraform runs it, so no secret is written
// into the synthesised JSON. CDKTF_OUTDIR (set by cdktf-cli) overrides the output folder.
import { join } from "node:path";
import { ApiKey, IntegrationAccess, IntegrationUser, KeywardProvider, Role } from "@keyward/cdktf";
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";

/** Far enough ahead to stay valid, fixed so that every synth gives the same JSON. */
const EXPIRES_AT = "2099-12-31T00:00:00Z";

export class IntegrationsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // State next to the configuration wherever it is applied (the default path is absolute, fixed at synth time).
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    new KeywardProvider(this, "keyward", {});

    // A public website: reads events and their sessions, nothing else.
    new IntegrationAccess(this, "website", {
      name: "website",
      displayName: "Public website",
      preset: "events_read",
      sensitiveOutput: true,
    });

    // An attendance scanner at the venue door: finds people and checks attendees in, from the local network only.
    new IntegrationAccess(this, "scanner", {
      name: "attendance-scanner",
      displayName: "Attendance scanner",
      permissions: [
        { resource: "attendees", actions: ["read", "update"] },
        { resource: "people", actions: ["read"] },
      ],
      fieldLimits: { people: ["first_name", "last_name", "company"] },
      expiresAt: EXPIRES_AT,
      allowedIps: ["127.0.0.0/8", "::1/128"],
      sensitiveOutput: true,
    });

    // The same set-up by hand: a badge printer that may read people's names and nothing more.
    const namesOnly = [{ resource: "people", actions: ["read"], fields: ["first_name", "last_name"] }];
    const role = new Role(this, "badge-printer-role", {
      name: "badge-printer-access",
      description: "Reads people's names for badges.",
      permissions: namesOnly,
    });
    const user = new IntegrationUser(this, "badge-printer-user", {
      username: "badge-printer",
      name: "Badge printer",
      roleIds: [role.id],
    });
    const key = new ApiKey(this, "badge-printer-key", {
      name: "badge-printer",
      description: "Prints name badges at the registration desk.",
      userId: user.id,
      expiresAt: EXPIRES_AT,
      permissions: namesOnly,
    });
    new TerraformOutput(this, "badge_printer_token", { value: key.token, sensitive: true });
  }
}

if (require.main === module) {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? join(__dirname, "..", "cdktf.out") });
  new IntegrationsStack(app, "integrations");
  app.synth();
}
