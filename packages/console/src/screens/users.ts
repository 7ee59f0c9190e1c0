// Integration users: create, assign roles, deactivate, delete (saying how many keys were revoked).
import type { Schemas, Session } from "../api.js";
import { field, h, render } from "../dom.js";
import {
  announce,
  clearProblem,
  confirmDialog,
  empty,
  failed,
  formAlert,
  loading,
  openDialog,
  showProblem,
} from "../ui.js";

type User = Schemas["User"];
type Role = Schemas["Role"];

export function usersScreen(session: Session, root: HTMLElement): void {
  const { client } = session;
  let roles: Role[] = [];
  const list = h("div", { class: "list" });
  render(
    root,
    h(
      "div",
      { class: "screen-head" },
      h("h1", {}, "Integration users"),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "primary", onClick: () => editUser(undefined) }, "New integration user"),
      ),
    ),
    h(
      "p",
      { class: "lead" },
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
    if (usersResult.error) {
      return render(
        list,
        failed(usersResult.error, () => void load()),
      );
    }
    if (rolesResult.error) {
      return render(
        list,
        failed(rolesResult.error, () => void load()),
      );
    }
    roles = rolesResult.data.data;
    const users = usersResult.data.data;
    if (users.length === 0) {
      return render(list, empty("No users yet."));
    }
    const roleName = (id: string) => roles.find((role) => role.id === id)?.name ?? id;
    render(
      list,
      h(
        "table",
        { class: "data" },
        h("caption", { class: "visually-hidden" }, "Integration users"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Username", "Name", "Kind", "Roles", "Active", "Actions"].map((title) => h("th", { scope: "col" }, title)),
          ),
        ),
        h(
          "tbody",
          {},
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
      ),
    );
  }

  function editUser(user: User | undefined): void {
    openDialog(user ? `Edit user ${user.username}` : "New integration user", ({ close }) => {
      const username = h("input", {
        type: "text",
        required: true,
        value: user?.username ?? "",
        disabled: Boolean(user),
        autocomplete: "off",
      });
      const name = h("input", { type: "text", required: true, value: user?.name ?? "", autocomplete: "off" });
      const email = h("input", { type: "email", value: user?.email ?? "", autocomplete: "off" });
      const roleBoxes = roles.map((role) => ({
        role,
        box: h("input", {
          type: "checkbox",
          id: `role-${role.id}`,
          checked: user?.role_ids.includes(role.id) ?? false,
        }),
      }));
      const form: HTMLFormElement = h(
        "form",
        {
          novalidate: true,
          onSubmit: async (event: Event): Promise<void> => {
            event.preventDefault();
            clearProblem(form);
            const role_ids = roleBoxes.filter(({ box }) => box.checked).map(({ role }) => role.id);
            const result = user
              ? await client.PATCH("/v1/users/{user_id}", {
                  params: { path: { user_id: user.id } },
                  body: { name: name.value, email: email.value || null, role_ids },
                })
              : await client.POST("/v1/users", {
                  body: {
                    username: username.value,
                    name: name.value,
                    ...(email.value && { email: email.value }),
                    kind: "integration",
                    is_admin: false,
                    role_ids,
                    active: true,
                  },
                });
            if (result.error) {
              return showProblem(form, result.error);
            }
            close();
            announce(`User ${result.data.username} saved.`);
            void load();
          },
        },
        formAlert(),
        field("Username", username, "username"),
        field("Name", name, "name"),
        field("Email", email, "email", "Optional."),
        h(
          "fieldset",
          { "data-field": "role_ids" },
          h("legend", {}, "Roles"),
          roleBoxes.length === 0
            ? h("p", { class: "hint" }, "No roles yet: create one on the Roles screen.")
            : roleBoxes.map(({ role, box }) =>
                h("div", { class: "field field-checkbox" }, box, h("label", { for: box.id }, role.name)),
              ),
        ),
        h(
          "div",
          { class: "actions" },
          h("button", { type: "button", onClick: close }, "Cancel"),
          h("button", { type: "submit", class: "primary" }, user ? "Save" : "Create user"),
        ),
      );
      return [form];
    });
  }

  async function setActive(user: User, active: boolean): Promise<void> {
    if (
      !active &&
      !(await confirmDialog(
        "Deactivate user",
        `Deactivate ${user.username}? Its keys fail with 401 until it is activated again.`,
        "Deactivate",
        { danger: true },
      ))
    ) {
      return;
    }
    const { error } = await client.PATCH("/v1/users/{user_id}", {
      params: { path: { user_id: user.id } },
      body: { active },
    });
    announce(
      error
        ? `Could not update ${user.username}: ${error.detail}`
        : `${user.username} ${active ? "activated" : "deactivated"}.`,
    );
    await load();
  }

  async function deleteUser(user: User): Promise<void> {
    if (
      !(await confirmDialog(
        "Delete user",
        `Delete ${user.username}? All its keys are revoked and the integration stops working.`,
        "Delete user",
        { danger: true },
      ))
    ) {
      return;
    }
    const { data, error } = await client.DELETE("/v1/users/{user_id}", { params: { path: { user_id: user.id } } });
    announce(
      error
        ? `Could not delete ${user.username}: ${error.detail}`
        : `${user.username} deleted; ${data.revoked_keys} ${data.revoked_keys === 1 ? "key" : "keys"} revoked.`,
    );
    await load();
  }

  void load();
}
