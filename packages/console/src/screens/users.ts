// Integration users: create, assign roles, deactivate, delete (saying how many keys were revoked).
import type { Problem, Schemas, Session } from "../api.js";
import { confirmDialog, formDialog } from "../dialogs.js";
import { checkboxGroup, field, h, render } from "../dom.js";
import { announce, dataTable, empty, failed, loading, problemMessage, screenHead, shownById } from "../ui.js";

type User = Schemas["User"];
type Role = Schemas["Role"];

export function usersScreen(session: Session, root: HTMLElement): void {
  const { client } = session;
  let roles: Role[] = [];
  /** Why no role can be assigned (a token without `roles:read`). */
  let rolesProblem: Problem | undefined;
  const list = h("div", { class: "list" });
  render(
    root,
    screenHead(
      "Integration users",
      [h("button", { type: "button", class: "primary", onClick: () => editUser(undefined) }, "New integration user")],
      "One dedicated integration user per integration, never an administrator. Users get permissions only through roles.",
    ),
    list,
  );

  async function load(): Promise<void> {
    render(list, loading("integration users"));
    const [usersResult, rolesResult] = await Promise.all([
      client.GET("/v1/users", { params: { query: { limit: 200 } } }),
      client.GET("/v1/roles", { params: { query: { limit: 200 } } }),
    ]);
    // Without `roles:read` the users are still listed (roles by id) and "New integration user" says why no role
    // can be picked.
    rolesProblem = rolesResult.error?.code === "scope_missing" ? rolesResult.error : undefined;
    roles = rolesResult.data?.data ?? [];
    const problem = usersResult.error ?? (rolesProblem ? undefined : rolesResult.error);
    if (problem) {
      return render(
        list,
        failed(problem, () => void load()),
      );
    }
    const users = usersResult.data?.data ?? [];
    if (users.length === 0) {
      return render(list, empty("No users yet."));
    }
    const roleName = (id: string) => roles.find((role) => role.id === id)?.name ?? id;
    render(
      list,
      shownById("Roles", rolesProblem),
      dataTable(
        "Integration users",
        ["Username", "Name", "Kind", "Roles", "Active", "Actions"],
        users.map((user) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, user.username),
            h("td", {}, user.name),
            h("td", {}, user.is_admin ? "administrator" : user.kind),
            h("td", {}, user.role_ids.map(roleName).join(", ") || "None"),
            h("td", {}, user.active ? "Yes" : "No"),
            h(
              "td",
              { class: "row-actions" },
              user.is_admin
                ? h("span", { class: "hint" }, "Administrator")
                : [
                    h("button", { type: "button", onClick: () => editUser(user) }, "Edit user"),
                    h(
                      "button",
                      { type: "button", onClick: () => void setActive(user, !user.active) },
                      user.active ? "Deactivate" : "Activate",
                    ),
                    h(
                      "button",
                      { type: "button", class: "danger", onClick: () => void deleteUser(user) },
                      "Delete user",
                    ),
                  ],
            ),
          ),
        ),
      ),
    );
  }

  function editUser(user: User | undefined): void {
    formDialog(
      user ? `Edit user ${user.username}` : "New integration user",
      user ? "Save" : "Create user",
      () => {
        const username = h("input", {
          type: "text",
          required: true,
          value: user?.username ?? "",
          disabled: Boolean(user),
          autocomplete: "off",
        });
        const name = h("input", { type: "text", required: true, value: user?.name ?? "", autocomplete: "off" });
        const email = h("input", { type: "email", value: user?.email ?? "", autocomplete: "off" });
        const roleGroup = checkboxGroup(
          "Roles",
          "role_ids",
          roles.map((role) => ({ value: role.id, label: role.name })),
          user?.role_ids ?? [],
          rolesProblem ? problemMessage(rolesProblem) : "No roles yet: create one on the Roles screen.",
        );
        return {
          fields: [
            field("Username", username, "username"),
            field("Name", name, "name"),
            field("Email", email, "email", "Optional."),
            roleGroup.element,
          ],
          save: () => {
            // Roles the token can't read are left as they are, never cleared.
            const role_ids = rolesProblem ? undefined : roleGroup.value();
            return user
              ? client.PATCH("/v1/users/{user_id}", {
                  params: { path: { user_id: user.id } },
                  body: { name: name.value, email: email.value || null, ...(role_ids && { role_ids }) },
                })
              : client.POST("/v1/users", {
                  body: {
                    username: username.value,
                    name: name.value,
                    ...(email.value && { email: email.value }),
                    kind: "integration",
                    is_admin: false,
                    ...(role_ids && { role_ids }),
                    active: true,
                  },
                });
          },
        };
      },
      (saved) => {
        announce(`User ${saved.username} saved.`);
        void load();
      },
    );
  }

  async function setActive(user: User, active: boolean): Promise<void> {
    const save = () =>
      client.PATCH("/v1/users/{user_id}", { params: { path: { user_id: user.id } }, body: { active } });
    if (active) {
      const { error } = await save();
      announce(error ? `Could not activate ${user.username}: ${problemMessage(error)}` : `${user.username} activated.`);
    } else if (
      await confirmDialog(
        "Deactivate user",
        `Deactivate ${user.username}? Its keys fail with 401 until it is activated again.`,
        "Deactivate",
        { danger: true, action: save },
      )
    ) {
      announce(`${user.username} deactivated.`);
    }
    await load();
  }

  async function deleteUser(user: User): Promise<void> {
    let revokedKeys = 0;
    const deleted = await confirmDialog(
      "Delete user",
      `Delete ${user.username}? All its keys are revoked and the integration stops working.`,
      "Delete user",
      {
        danger: true,
        action: async () => {
          const result = await client.DELETE("/v1/users/{user_id}", { params: { path: { user_id: user.id } } });
          revokedKeys = result.data?.revoked_keys ?? 0;
          return result;
        },
      },
    );
    if (deleted) {
      announce(`${user.username} deleted; ${revokedKeys} ${revokedKeys === 1 ? "key" : "keys"} revoked.`);
      await load();
    }
  }

  void load();
}
