// Roles: permission templates, edited with the same "Select permissions" grid as keys.
import type { Schemas, Session } from "../api.js";
import { confirmDialog, formDialog } from "../dialogs.js";
import { field, h, render } from "../dom.js";
import { permissionGrid, permissionSummary } from "../permission-grid.js";
import { announce, dataTable, empty, failed, loading, screenHead } from "../ui.js";

type Role = Schemas["Role"];

export function rolesScreen(session: Session, root: HTMLElement): void {
  const { client } = session;
  let catalog: Schemas["PermissionCatalog"] | undefined;
  const list = h("div", { class: "list" });
  render(
    root,
    screenHead(
      "Roles",
      [h("button", { type: "button", class: "primary", onClick: () => editRole(undefined) }, "New role")],
      "A role is a permission template. A key never grants more than its owner's roles.",
    ),
    list,
  );

  async function load(): Promise<void> {
    render(list, loading("roles"));
    const [rolesResult, catalogResult] = await Promise.all([
      client.GET("/v1/roles", { params: { query: { limit: 200 } } }),
      client.GET("/v1/permissions"),
    ]);
    // The catalog needs no scope, so "New role" works (or says what is missing) even when roles can't be listed.
    catalog = catalogResult.data ?? catalog;
    const problem = rolesResult.error ?? catalogResult.error;
    if (problem) {
      return render(
        list,
        failed(problem, () => void load()),
      );
    }
    const roles = rolesResult.data?.data ?? [];
    if (roles.length === 0) {
      return render(list, empty("No roles yet. Create one with “New role”."));
    }
    render(
      list,
      dataTable(
        "Roles",
        ["Name", "Description", "Permissions", "Actions"],
        roles.map((role) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, role.name),
            h("td", {}, role.description),
            h("td", { class: "summary" }, permissionSummary(role.permissions)),
            h(
              "td",
              { class: "row-actions" },
              h("button", { type: "button", onClick: () => editRole(role) }, "Edit role"),
              h("button", { type: "button", class: "danger", onClick: () => void deleteRole(role) }, "Delete role"),
            ),
          ),
        ),
      ),
    );
  }

  function editRole(role: Role | undefined): void {
    if (!catalog) {
      return;
    }
    const grid = permissionGrid(catalog, role?.permissions ?? []);
    formDialog(
      role ? `Edit role ${role.name}` : "New role",
      role ? "Save" : "Create role",
      () => {
        const name = h("input", { type: "text", required: true, value: role?.name ?? "", autocomplete: "off" });
        const description = h("textarea", { rows: 2 }, role?.description ?? "");
        return {
          fields: [field("Name", name, "name"), field("Description", description, "description"), grid.element],
          save: () => {
            const body = { name: name.value, description: description.value, permissions: grid.value() };
            return role
              ? client.PATCH("/v1/roles/{role_id}", { params: { path: { role_id: role.id } }, body })
              : client.POST("/v1/roles", { body });
          },
        };
      },
      (saved) => {
        announce(`Role ${saved.name} saved.`);
        void load();
      },
      { wide: true },
    );
  }

  async function deleteRole(role: Role): Promise<void> {
    const deleted = await confirmDialog(
      "Delete role",
      `Delete the role ${role.name}? A role still assigned to a user can't be deleted.`,
      "Delete role",
      {
        danger: true,
        action: () => client.DELETE("/v1/roles/{role_id}", { params: { path: { role_id: role.id } } }),
      },
    );
    if (deleted) {
      announce(`Role ${role.name} deleted.`);
      await load();
    }
  }

  void load();
}
