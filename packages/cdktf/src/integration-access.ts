// The best-practice set-up of one integration in one construct (README, "CDKTF"): a dedicated integration user (never an
// administrator), a role granting exactly what the integration needs, and a key owned by that user with the same
// scope, optionally expiring and limited to some client addresses. What the server would refuse is refused here, at
// construct time, with a sentence naming the construct.
import { TerraformOutput, type TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ApiKey, type ApiKeyPermissions } from "./generated/api-key/index";
import { IntegrationUser } from "./generated/integration-user/index";
import { Role } from "./generated/role/index";
import {
  checkAllowedIps,
  checkExpiry,
  checkLength,
  checkPermissions,
  checkPreset,
  checkUsername,
  type PermissionGrant,
} from "./rules";

export interface IntegrationAccessProps {
  /**
   * The integration's name, e.g. `website`: the username of its user and the name of its key; its role is named
   * `<name>-access`. A valid username: 2-63 lowercase letters, digits, `.`, `_` or `-`.
   */
  readonly name: string;
  /** The user's display name. Defaults to `name`. */
  readonly displayName?: string;
  /** A contact address for the integration's owner. */
  readonly email?: string;
  /** What the key is used for. */
  readonly description?: string;
  /** Exactly what the integration may do. Give either `permissions` or `preset`. */
  readonly permissions?: readonly PermissionGrant[];
  /** A preset of the permission catalog (e.g. `events_read`) instead of `permissions`. */
  readonly preset?: string;
  /**
   * Per resource, the only fields the integration may see or set (`id` is always visible),
   * e.g. `{ people: ["first_name"] }`.
   */
  readonly fieldLimits?: Readonly<Record<string, readonly string[]>>;
  /** When the key stops working: an RFC 3339 timestamp or a Date, in the future. Default: never. */
  readonly expiresAt?: string | Date;
  /** Client addresses or CIDR ranges allowed to use the key. Default: any. */
  readonly allowedIps?: readonly string[];
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
    const owner = `IntegrationAccess "${this.node.path}"`;
    const grants = resolveGrants(owner, props);
    checkUsername(owner, props.name);
    if (props.displayName !== undefined) {
      checkLength(owner, "displayName", props.displayName, 1, 200);
    }
    if (props.description !== undefined) {
      checkLength(owner, "description", props.description, 0, 1000);
    }
    const expiresAt = props.expiresAt instanceof Date ? props.expiresAt.toISOString() : props.expiresAt;
    if (expiresAt !== undefined) {
      checkExpiry(owner, expiresAt);
    }
    if (props.allowedIps) {
      checkAllowedIps(owner, props.allowedIps);
    }
    const scopeConfig = grants.preset !== undefined ? { preset: grants.preset } : { permissions: grants.permissions };
    const provider = props.provider;

    this.role = new Role(this, "role", {
      // A valid username plus "-access" is a valid role name.
      name: `${props.name}-access`,
      description: `Least-privilege access of the ${props.name} integration.`,
      ...scopeConfig,
      provider,
    });
    this.user = new IntegrationUser(this, "user", {
      username: props.name,
      name: props.displayName ?? props.name,
      email: props.email,
      roleIds: [this.role.id],
      provider,
    });
    this.key = new ApiKey(this, "key", {
      name: props.name,
      description: props.description ?? `Key of the ${props.name} integration.`,
      userId: this.user.id,
      expiresAt,
      allowedIps: props.allowedIps ? [...props.allowedIps] : undefined,
      ...scopeConfig,
      provider,
    });
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

/** The grants of role and key: the preset, or the permissions with `fieldLimits` applied, after every check. */
function resolveGrants(
  owner: string,
  props: IntegrationAccessProps,
): { preset?: string; permissions: ApiKeyPermissions[] } {
  if (props.preset !== undefined && props.permissions !== undefined) {
    throw new Error(`${owner}: give either permissions or a preset, not both.`);
  }
  if (props.preset !== undefined) {
    checkPreset(owner, props.preset);
    if (props.fieldLimits !== undefined) {
      throw new Error(`${owner}: fieldLimits need explicit permissions; a preset grants every field of its resources.`);
    }
    return { preset: props.preset, permissions: [] };
  }
  if (props.permissions === undefined) {
    throw new Error(`${owner}: give permissions (or a preset): an integration without access needs no key.`);
  }
  const limits = props.fieldLimits ?? {};
  for (const resource of Object.keys(limits)) {
    const grant = props.permissions.find((g) => g.resource === resource);
    if (!grant) {
      throw new Error(`${owner}: fieldLimits names ${resource}, which permissions don't grant.`);
    }
    if (grant.fields !== undefined) {
      throw new Error(
        `${owner}: fields of ${resource} are given both in its grant and in fieldLimits; give them once.`,
      );
    }
  }
  const permissions = props.permissions.map((grant) => {
    const fields = grant.fields ?? (Object.hasOwn(limits, grant.resource) ? limits[grant.resource] : undefined);
    return { resource: grant.resource, actions: [...grant.actions], ...(fields ? { fields: [...fields] } : {}) };
  });
  checkPermissions(owner, permissions);
  return { permissions };
}
