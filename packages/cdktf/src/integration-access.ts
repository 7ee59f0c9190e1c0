// IntegrationAccess for cdktf: the user, role and key that @keyward/access-plan plans (after refusing at synth what
// the server would refuse), declared with the generated bindings. The server makes the token, so it is in state
// (sensitive) and can be a sensitive output: this works on every CLI. On Terraform ≥ 1.11.1 / OpenTofu ≥ 1.11,
// @keyward/cdktn's IntegrationAccess keeps the token out of state.
import { type IntegrationAccessOptions, planIntegrationAccess } from "@keyward/access-plan";
import { TerraformOutput, type TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { ApiKey } from "./generated/api-key/index";
import { IntegrationUser } from "./generated/integration-user/index";
import { Role } from "./generated/role/index";

export interface IntegrationAccessProps extends IntegrationAccessOptions {
  /** Adds a sensitive Terraform output `<id>_token` holding the key's token. */
  readonly sensitiveOutput?: boolean;
  /** The Keyward provider to use, when the stack configures several. */
  readonly provider?: TerraformProvider;
}

export class IntegrationAccess extends Construct {
  readonly user: IntegrationUser;
  readonly role: Role;
  readonly key: ApiKey;
  /** The sensitive output holding the token, when `sensitiveOutput` is set. */
  readonly tokenOutput?: TerraformOutput;

  constructor(scope: Construct, id: string, props: IntegrationAccessProps) {
    super(scope, id);
    const plan = planIntegrationAccess(
      { owner: `IntegrationAccess "${this.node.path}"`, isUnresolved: (value) => Token.isUnresolved(value) },
      props,
    );
    const provider = props.provider;
    this.role = new Role(this, "role", { ...plan.role, provider });
    this.user = new IntegrationUser(this, "user", { ...plan.user, roleIds: [this.role.id], provider });
    this.key = new ApiKey(this, "key", { ...plan.key, userId: this.user.id, provider });
    if (props.sensitiveOutput) {
      this.tokenOutput = new TerraformOutput(this, "token", {
        value: this.key.token,
        sensitive: true,
        description: `The API key token of the ${props.name} integration.`,
      });
      this.tokenOutput.overrideLogicalId(this.tokenOutputName);
    }
  }

  get userId(): string {
    return this.user.id;
  }

  get roleId(): string {
    return this.role.id;
  }

  get keyId(): string {
    return this.key.id;
  }

  /** The key's token (known after apply; sensitive). */
  get token(): string {
    return this.key.token;
  }

  /** The name of the token output: the construct id, made a valid Terraform identifier, plus `_token`. */
  get tokenOutputName(): string {
    return `${this.node.id.replace(/[^A-Za-z0-9_-]/g, "_").replace(/^(?![A-Za-z_])/, "_")}_token`;
  }
}
