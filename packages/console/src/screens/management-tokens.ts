// Management tokens: the `kwa_…` tokens of admin users, each with scopes from the contract's catalog. "New
// management token" shows the token once; "Edit management token", the Active switch, "Rotate" with a grace period
// and "Revoke" (confirmed; the server refuses to revoke the last token with tokens:manage, and says so in the
// confirmation). Without tokens:manage the screen says which scope the signed-in token lacks.
import { managementScopes } from "@keyward/contract";
import type { Problem, Schemas, Session } from "../api.js";
import { activeSwitch, confirmDialog, openDialog, rotateDialog, tokenDialog } from "../dialogs.js";
import { checkboxGroup, field, formatTime, fromInputTime, h, render, toInputTime } from "../dom.js";
import {
  announce,
  dataTable,
  empty,
  failed,
  loading,
  problemForm,
  problemMessage,
  screenHead,
  showProblem,
} from "../ui.js";

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

  const ownerName = (id: string) => users.find((user) => user.id === id)?.username ?? id;

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
      usersProblem && h("p", { class: "notice" }, `Owners are shown by id. ${problemMessage(usersProblem)}`),
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
          save: async (active) =>
            (
              await client.PATCH("/v1/management-tokens/{token_id}", {
                params: { path: { token_id: token.id } },
                body: { active },
              })
            ).error,
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

  /** The fields of both forms; `token` is the one edited (its owner is fixed). */
  function tokenFields(token: ManagementToken | undefined) {
    const name = h("input", {
      type: "text",
      required: true,
      maxlength: 200,
      value: token?.name ?? "",
      autocomplete: "off",
    });
    const description = h("textarea", { rows: 2, maxlength: 1000 }, token?.description ?? "");
    // Left at "yourself", the server makes the caller's own user the owner (so it works without users:read).
    const admins = users.filter((user) => user.is_admin && user.active && user.id !== me.id);
    const owner = h(
      "select",
      { disabled: Boolean(token) },
      token
        ? h("option", { value: token.user_id }, ownerName(token.user_id))
        : [
            h("option", { value: "" }, `${me.username} (you)`),
            ...admins.map((user) => h("option", { value: user.id }, `${user.username} (${user.name})`)),
          ],
    );
    const expires = h("input", { type: "datetime-local", value: toInputTime(token?.expires_at) });
    const active = h("input", { type: "checkbox", checked: token?.active ?? true });
    const scopes = checkboxGroup<Scope>("Scopes", "scopes", SCOPE_OPTIONS, token?.scopes ?? []);
    const ownerHint = token
      ? "The owner is fixed for the token's life."
      : usersProblem
        ? `Other administrators can't be listed. ${problemMessage(usersProblem)}`
        : "An admin user; the token can never do more than its scopes.";
    return {
      values: () => ({
        name: name.value,
        description: description.value,
        user_id: owner.value,
        expires_at: fromInputTime(expires.value),
        active: active.checked,
        scopes: scopes.value(),
      }),
      elements: [
        field("Name", name, "name"),
        field("Description", description, "description"),
        field("Owner", owner, "user_id", ownerHint),
        field("Expires at (UTC)", expires, "expires_at", "Leave empty for a token that never expires."),
        field("Active", active, "active"),
        scopes.element,
      ],
    };
  }

  function newToken(): void {
    const dialog = openDialog(
      "New management token",
      ({ close }) => {
        const fields = tokenFields(undefined);
        return [
          problemForm(
            async (form) => {
              const { user_id, ...values } = fields.values();
              const { data, error } = await client.POST("/v1/management-tokens", {
                body: { ...values, ...(user_id && { user_id }) },
              });
              if (error) {
                return showProblem(form, error);
              }
              close();
              announce(`Management token ${data.name} created.`);
              tokenDialog("Your new management token", data.token);
              void load();
            },
            ...fields.elements,
            h(
              "div",
              { class: "actions" },
              h("button", { type: "button", onClick: close }, "Cancel"),
              h("button", { type: "submit", class: "primary" }, "Create"),
            ),
          ),
        ];
      },
      { wide: true },
    );
    dialog.dialog.querySelector<HTMLInputElement>("input")?.focus();
  }

  function editToken(token: ManagementToken): void {
    openDialog(
      "Edit management token",
      ({ close }) => {
        const fields = tokenFields(token);
        return [
          problemForm(
            async (form) => {
              const { user_id: _owner, ...values } = fields.values();
              // Only what changed: re-sending unchanged scopes would be refused when the caller lacks one of them.
              const changes = {
                ...(values.name !== token.name && { name: values.name }),
                ...(values.description !== token.description && { description: values.description }),
                ...(values.expires_at !== token.expires_at && { expires_at: values.expires_at }),
                ...(values.active !== token.active && { active: values.active }),
                ...(!sameScopes(values.scopes, token.scopes) && { scopes: values.scopes }),
              };
              if (Object.keys(changes).length > 0) {
                const { error } = await client.PATCH("/v1/management-tokens/{token_id}", {
                  params: { path: { token_id: token.id } },
                  body: changes,
                });
                if (error) {
                  return showProblem(form, error);
                }
              }
              close();
              announce(`Management token ${values.name} saved.`);
              void load();
            },
            ...fields.elements,
            h(
              "div",
              { class: "actions" },
              h("button", { type: "button", onClick: close }, "Cancel"),
              h("button", { type: "submit", class: "primary" }, "Save"),
            ),
          ),
        ];
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
        action: async () =>
          (
            await client.DELETE("/v1/management-tokens/{token_id}", {
              params: { path: { token_id: token.id } },
            })
          ).error,
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
