// Management tokens: the `kwa_…` tokens of admin users, each with scopes from the contract's catalog. "New
// management token" shows the token once; "Edit management token", the Active switch, "Rotate" with a grace period
// and "Revoke" (confirmed; the server refuses to revoke the last token with tokens:manage, and says so in the
// confirmation). Without tokens:manage the screen says which scope the signed-in token lacks.
import { managementScopes } from "@keyward/contract";
import type { Problem, Schemas, Session } from "../api.js";
import { credentialFields } from "../credential-fields.js";
import { activeSwitch, confirmDialog, formDialog, rotateDialog, tokenDialog } from "../dialogs.js";
import { checkboxGroup, formatTime, h, render } from "../dom.js";
import { announce, dataTable, empty, failed, loading, problemMessage, screenHead, shownById } from "../ui.js";

type ManagementToken = Schemas["ManagementToken"];
type Scope = Schemas["ManagementScope"];
type User = Schemas["User"];

const SCOPE_OPTIONS = managementScopes.map((scope) => ({ value: scope, label: scope }));

export function managementTokensScreen(session: Session, root: HTMLElement): void {
  const { client } = session;
  const me = session.info.user;
  let users: User[] = [];
  /** Why owners are shown by id and no other admin can be chosen (a token without users:read). */
  let usersProblem: Problem | undefined;
  /** The token this console is signed in with, so rotating or revoking it can say what follows. */
  let currentTokenId: string | undefined;
  const list = h("div", { class: "list" });
  render(
    root,
    screenHead(
      "Management tokens",
      [h("button", { type: "button", class: "primary", onClick: () => newToken() }, "New management token")],
      "Management tokens (kwa_…) let administrators and automation use the management API. Give each one only the scopes it needs; a token can't grant a scope it lacks.",
    ),
    list,
  );

  const ownerName = (id: string) => users.find((user) => user.id === id)?.username ?? (id === me.id ? me.username : id);

  async function load(): Promise<void> {
    render(list, loading("management tokens"));
    const [tokensResult, usersResult, currentResult] = await Promise.all([
      client.GET("/v1/management-tokens", { params: { query: { limit: 200 } } }),
      client.GET("/v1/users", { params: { query: { limit: 200 } } }),
      client.GET("/v1/management-token"),
    ]);
    if (tokensResult.error) {
      return render(
        list,
        failed(tokensResult.error, () => void load()),
      );
    }
    usersProblem = usersResult.error;
    users = usersResult.data?.data ?? [];
    currentTokenId = currentResult.data?.id;
    const tokens = tokensResult.data.data;
    if (tokens.length === 0) {
      return render(list, empty("No management tokens yet. Create one with “New management token”."));
    }
    render(
      list,
      shownById("Owners", usersProblem),
      dataTable(
        "Management tokens",
        ["Name", "Owner", "Prefix", "Scopes", "Expires at", "Active", "Status", "Last used", "Actions"],
        tokens.map(row),
      ),
    );
  }

  function row(token: ManagementToken): HTMLElement {
    const revoked = token.status === "revoked";
    return h(
      "tr",
      { "data-token-id": token.id },
      h(
        "th",
        { scope: "row" },
        token.name,
        token.id === currentTokenId && h("span", { class: "hint" }, " (this session)"),
      ),
      h("td", {}, ownerName(token.user_id)),
      h("td", {}, h("code", {}, token.prefix)),
      h("td", { class: "summary" }, token.scopes.join(", ")),
      h("td", {}, formatTime(token.expires_at)),
      h(
        "td",
        {},
        activeSwitch("management token", token, {
          disabled: revoked,
          save: (active) =>
            client.PATCH("/v1/management-tokens/{token_id}", {
              params: { path: { token_id: token.id } },
              body: { active },
            }),
          saved: () => void load(),
        }),
      ),
      h("td", {}, h("span", { class: `badge badge-${token.status}` }, token.status)),
      h("td", {}, formatTime(token.last_used_at, "Never used")),
      h(
        "td",
        { class: "row-actions" },
        h("button", { type: "button", disabled: revoked, onClick: () => editToken(token) }, "Edit management token"),
        h("button", { type: "button", disabled: revoked, onClick: () => rotate(token) }, "Rotate"),
        h(
          "button",
          { type: "button", class: "danger", disabled: revoked, onClick: () => void revoke(token) },
          "Revoke",
        ),
      ),
    );
  }

  /** The fields of both forms; `token` is the one edited. */
  function tokenFields(token: ManagementToken | undefined) {
    // "you" needs no users:read: the session names its own user.
    const credential = credentialFields("token", token, {
      name: ownerName,
      choices: [
        h("option", { value: me.id }, `${me.username} (you)`),
        ...users
          .filter((user) => user.is_admin && user.active && user.id !== me.id)
          .map((user) => h("option", { value: user.id }, `${user.username} (${user.name})`)),
      ],
      hint: usersProblem
        ? `Other administrators can't be listed. ${problemMessage(usersProblem)}`
        : "An admin user; the token can never do more than its scopes.",
    });
    const scopes = checkboxGroup<Scope>("Scopes", "scopes", SCOPE_OPTIONS, token?.scopes ?? []);
    return {
      values: () => ({ ...credential.values(), scopes: scopes.value() }),
      elements: [...credential.elements, scopes.element],
    };
  }

  function newToken(): void {
    formDialog(
      "New management token",
      "Create",
      () => {
        const fields = tokenFields(undefined);
        return {
          fields: fields.elements,
          save: () => client.POST("/v1/management-tokens", { body: fields.values() }),
        };
      },
      (created) => {
        announce(`Management token ${created.name} created.`);
        tokenDialog("Your new management token", created.token);
        void load();
      },
      { wide: true },
    );
  }

  function editToken(token: ManagementToken): void {
    formDialog(
      "Edit management token",
      "Save",
      () => {
        const fields = tokenFields(token);
        return {
          fields: fields.elements,
          save: async () => {
            const { name, description, expires_at, active, scopes } = fields.values();
            // Only what changed: re-sending unchanged scopes would be refused when the caller lacks one of them.
            const changes = {
              ...(name !== token.name && { name }),
              ...(description !== token.description && { description }),
              ...(expires_at !== token.expires_at && { expires_at }),
              ...(active !== token.active && { active }),
              ...(!sameScopes(scopes, token.scopes) && { scopes }),
            };
            return Object.keys(changes).length === 0
              ? { data: token }
              : client.PATCH("/v1/management-tokens/{token_id}", {
                  params: { path: { token_id: token.id } },
                  body: changes,
                });
          },
        };
      },
      (saved) => {
        announce(`Management token ${saved.name} saved.`);
        void load();
      },
      { wide: true },
    );
  }

  function rotate(token: ManagementToken): void {
    const current = token.id === currentTokenId;
    rotateDialog(
      "management token",
      token.name,
      (graceSeconds) =>
        client.POST("/v1/management-tokens/{token_id}/rotate", {
          params: { path: { token_id: token.id } },
          body: { grace_period_seconds: graceSeconds },
        }),
      // This console's own session ends with the old token; reloading now would sign out over the new token.
      current
        ? () => announce("This session ends when the old token stops working: sign in again with the new token.")
        : () => void load(),
    );
  }

  async function revoke(token: ManagementToken): Promise<void> {
    const current = token.id === currentTokenId;
    const revoked = await confirmDialog(
      "Revoke management token",
      `Revoke “${token.name}” (${token.prefix}…) for good? It stops working at once and can never come back.${current ? " It is the token this console is signed in with: you will be signed out." : ""}`,
      "Revoke",
      {
        danger: true,
        action: () => client.DELETE("/v1/management-tokens/{token_id}", { params: { path: { token_id: token.id } } }),
      },
    );
    if (revoked) {
      announce(`Management token ${token.name} revoked.`);
      await load();
    }
  }

  void load();
}

function sameScopes(a: readonly Scope[], b: readonly Scope[]): boolean {
  return a.length === b.length && a.every((scope) => b.includes(scope));
}
