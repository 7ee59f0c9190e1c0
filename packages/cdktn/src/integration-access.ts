// IntegrationAccess for CDK Terrain, secret-free: the user, role and key that @keyward/access-plan plans (after
// refusing at synth what the server would refuse), with a token that never reaches plan or state. An ephemeral
// keyward_token, made on the machine running the CLI, goes to the key's write-only token_wo; Keyward stores its hash.
// The same ephemeral value is what the integration's secret store gets, through the store's own write-only input.
// Needs Terraform ≥ 1.11.1 or OpenTofu ≥ 1.11; on older CLIs use @keyward/cdktf's IntegrationAccess (token in state).
import { type IntegrationAccessOptions, planIntegrationAccess } from "@keyward/access-plan";
import { type TerraformProvider, Token } from "cdktn";
import { Construct } from "constructs";
import { ApiKey } from "./generated/api-key/index";
import { EphemeralKeywardToken } from "./generated/ephemeral-keyward-token/index";
import { IntegrationUser } from "./generated/integration-user/index";
import { Role } from "./generated/role/index";

export interface IntegrationAccessProps extends IntegrationAccessOptions {
  /**
   * The token to give the key, an ephemeral value: e.g. the token read back (ephemerally) from the secret store that
   * holds it, so that an apply retried after a partial failure hands the key the token the store already has.
   * Default: a new `ephemeral keyward_token` (`ephemeralToken`). Never a literal: it would sit in the synthesised JSON.
   */
  readonly token?: string;
  /** The key's `token_wo_version`: bump it to rotate the key to the token of that run. Default 1. */
  readonly tokenVersion?: number;
  /** On rotation, how many seconds the previous token keeps working (at most 7 days). Default: it stops at once. */
  readonly rotationGracePeriodSeconds?: number;
  /** The Keyward provider to use, when the stack configures several. */
  readonly provider?: TerraformProvider;
}

export class IntegrationAccess extends Construct {
  readonly user: IntegrationUser;
  readonly role: Role;
  readonly key: ApiKey;
  /** The ephemeral keyward_token made for the key, unless the props gave a `token`. */
  readonly ephemeralToken?: EphemeralKeywardToken;
  /**
   * The key's token, an ephemeral value: usable only where Terraform takes one (a write-only attribute such as a
   * secret store's `*_wo`, a provider block, a provisioner, another ephemeral resource), never in state or an output.
   */
  readonly token: string;
  /** The version to give a secret store's `*_wo_version` beside `token`, so the store rotates with the key. */
  readonly tokenVersion: number;

  constructor(scope: Construct, id: string, props: IntegrationAccessProps) {
    super(scope, id);
    const owner = `IntegrationAccess "${this.node.path}"`;
    const plan = planIntegrationAccess({ owner, isUnresolved: (value) => Token.isUnresolved(value) }, props);
    if (props.token === undefined) {
      this.ephemeralToken = new EphemeralKeywardToken(this, "token", { provider: props.provider });
      this.token = this.ephemeralToken.token;
    } else if (Token.isUnresolved(props.token)) {
      this.token = props.token;
    } else {
      throw new Error(
        `${owner}: token must be an ephemeral value (e.g. read back from a secret store), not a literal: a literal would be written into the synthesised JSON.`,
      );
    }
    this.tokenVersion = props.tokenVersion ?? 1;

    this.role = new Role(this, "role", { ...plan.role, provider: props.provider });
    this.user = new IntegrationUser(this, "user", {
      ...plan.user,
      roleIds: [this.role.id],
      provider: props.provider,
    });
    this.key = new ApiKey(this, "key", {
      ...plan.key,
      userId: this.user.id,
      tokenWo: this.token,
      tokenWoVersion: this.tokenVersion,
      rotationGracePeriodSeconds: props.rotationGracePeriodSeconds,
      provider: props.provider,
    });
  }
}
