// API keys: the list (filter by status and owner, search), "New API key", the one-time token, "Edit API key",
// the Active toggle (confirmed), "Rotate" with a grace period, "Delete API key" and "Revoke all keys".
import type { Problem, Schemas, Session } from "../api.js";
import { credentialFields } from "../credential-fields.js";
import { activeSwitch, confirmDialog, formDialog, rotateDialog, tokenDialog } from "../dialogs.js";
import { field, formatTime, h, render } from "../dom.js";
import { permissionGrid, permissionSummary } from "../permission-grid.js";
import { announce, dataTable, empty, failed, loading, problemMessage, screenHead, shownById } from "../ui.js";

type ApiKey = Schemas["ApiKey"];
type User = Schemas["User"];
type Catalog = Schemas["PermissionCatalog"];
const STATUSES = ["active", "disabled", "expired", "revoked"] as const;

export function apiKeysScreen(session: Session, root: HTMLElement): void {
  const { client } = session;
  const filters = { status: "", owner: "", search: "" };
  let users: User[] = [];
  /** Why owners are shown by id (a token without `users:read` still lists keys). */
  let usersProblem: Problem | undefined;
  let catalog: Catalog | undefined;
  const list = h("div", { class: "list" });

  const statusFilter = h(
    "select",
    {
      id: "filter-status",
      onChange: () => {
        filters.status = statusFilter.value;
        void load();
      },
    },
    h("option", { value: "" }, "Any status"),
    STATUSES.map((status) => h("option", { value: status }, status)),
  );
  const ownerFilter = h(
    "select",
    {
      id: "filter-owner",
      onChange: () => {
        filters.owner = ownerFilter.value;
        void load();
      },
    },
    h("option", { value: "" }, "Any owner"),
  );
  const search = h("input", {
    id: "filter-search",
    type: "search",
    placeholder: "Name or prefix",
    onInput: () => {
      filters.search = search.value;
      void load();
    },
  });

  render(
    root,
    screenHead(
      "API keys",
      [
        h("button", { type: "button", class: "primary", onClick: () => void newKey() }, "New API key"),
        h("button", { type: "button", class: "danger", onClick: () => void revokeAll() }, "Revoke all keys"),
      ],
      "The API keys screen is where you manage API access for external systems. Each key belongs to an integration user and never exceeds that user's roles.",
    ),
    h(
      "div",
      { class: "filters", role: "search" },
      h("label", { for: "filter-status" }, "Status"),
      statusFilter,
      h("label", { for: "filter-owner" }, "Owner"),
      ownerFilter,
      h("label", { for: "filter-search" }, "Search"),
      search,
    ),
    list,
  );

  const ownerName = (id: string) => users.find((user) => user.id === id)?.username ?? id;

  async function loadReferences(): Promise<boolean> {
    const [usersResult, catalogResult] = await Promise.all([
      client.GET("/v1/users", { params: { query: { limit: 200 } } }),
      client.GET("/v1/permissions"),
    ]);
    // Without `users:read` the keys are still listed, with their owners by id.
    usersProblem = usersResult.error?.code === "scope_missing" ? usersResult.error : undefined;
    const problem = (usersProblem ? undefined : usersResult.error) ?? catalogResult.error;
    if (problem) {
      render(
        list,
        failed(problem, () => void load()),
      );
      return false;
    }
    users = usersResult.data?.data ?? [];
    catalog = catalogResult.data;
    const selected = ownerFilter.value;
    render(
      ownerFilter,
      h("option", { value: "" }, "Any owner"),
      users.map((user) => h("option", { value: user.id }, user.username)),
    );
    ownerFilter.value = selected;
    return true;
  }

  async function load(): Promise<void> {
    render(list, loading("API keys"));
    if (!catalog && !(await loadReferences())) {
      return;
    }
    const { data, error } = await client.GET("/v1/api-keys", {
      params: {
        query: {
          limit: 200,
          ...(filters.status && { status: filters.status as ApiKey["status"] }),
          ...(filters.owner && { user_id: filters.owner }),
        },
      },
    });
    if (error) {
      return render(
        list,
        failed(error, () => void load()),
      );
    }
    const needle = filters.search.trim().toLowerCase();
    const keys = data.data.filter(
      (key) => !needle || key.name.toLowerCase().includes(needle) || key.prefix.toLowerCase().includes(needle),
    );
    if (keys.length === 0) {
      return render(
        list,
        empty(
          data.data.length === 0 && !filters.status && !filters.owner
            ? "No API keys yet. Create one with “New API key”."
            : "No API keys match these filters.",
        ),
      );
    }
    render(
      list,
      shownById("Owners", usersProblem),
      dataTable(
        "API keys",
        ["Name", "Owner", "Prefix", "Expires at", "Active", "Status", "Last used", "Permissions", "Actions"],
        keys.map(row),
      ),
    );
  }

  function row(key: ApiKey): HTMLElement {
    const revoked = key.status === "revoked";
    const toggle = activeSwitch("API key", key, {
      disabled: revoked,
      save: (active) =>
        client.PATCH("/v1/api-keys/{key_id}", { params: { path: { key_id: key.id } }, body: { active } }),
      saved: () => void load(),
    });
    return h(
      "tr",
      { "data-key-id": key.id },
      h("th", { scope: "row" }, key.name),
      h("td", {}, ownerName(key.user_id)),
      h("td", {}, h("code", {}, key.prefix)),
      h("td", {}, formatTime(key.expires_at)),
      h("td", {}, toggle),
      h(
        "td",
        {},
        h("span", { class: `badge badge-${key.status}` }, key.status),
        key.disabled_reason === "inactivity" ? " (inactivity)" : "",
      ),
      h("td", {}, formatTime(key.last_used_at, "Never used")),
      h("td", { class: "summary" }, permissionSummary(key.permissions)),
      h(
        "td",
        { class: "row-actions" },
        h("button", { type: "button", disabled: revoked, onClick: () => editKey(key) }, "Edit API key"),
        h(
          "button",
          {
            type: "button",
            disabled: revoked,
            onClick: () =>
              rotateDialog(
                "API key",
                key.name,
                (graceSeconds) =>
                  client.POST("/v1/api-keys/{key_id}/rotate", {
                    params: { path: { key_id: key.id } },
                    body: { grace_period_seconds: graceSeconds },
                  }),
                () => void load(),
              ),
          },
          "Rotate",
        ),
        h(
          "button",
          { type: "button", class: "danger", disabled: revoked, onClick: () => void deleteKey(key) },
          "Delete API key",
        ),
      ),
    );
  }

  /** The fields of both forms; `key` is the one edited. */
  function keyFields(key: ApiKey | undefined, catalog: Catalog) {
    const credential = credentialFields("key", key, {
      name: ownerName,
      choices: [
        h("option", { value: "" }, "Choose an integration user"),
        ...users
          .filter((user) => !user.is_admin && user.active)
          .map((user) => h("option", { value: user.id }, `${user.username} (${user.name})`)),
      ],
      hint: usersProblem
        ? `No integration users to choose from. ${problemMessage(usersProblem)}`
        : "An integration user; administrators can't own keys.",
    });
    const grid = permissionGrid(catalog, key?.permissions ?? []);
    const ips = h("textarea", { rows: 2, placeholder: "203.0.113.0/24" }, (key?.allowed_ips ?? []).join("\n"));
    return {
      values: (): Schemas["ApiKeyCreate"] => ({
        ...credential.values(),
        permissions: grid.value(),
        allowed_ips: ips.value.split(/[\s,]+/).filter(Boolean),
      }),
      elements: [
        ...credential.elements,
        grid.element,
        field("Allowed IPs", ips, "allowed_ips", "CIDR ranges, one per line; empty = any address."),
      ],
    };
  }

  async function newKey(): Promise<void> {
    if (!catalog && !(await loadReferences())) {
      return;
    }
    const loaded = catalog;
    if (!loaded) {
      return;
    }
    formDialog(
      "New API key",
      "Create",
      () => {
        const fields = keyFields(undefined, loaded);
        return { fields: fields.elements, save: () => client.POST("/v1/api-keys", { body: fields.values() }) };
      },
      (created) => {
        announce(`API key ${created.name} created.`);
        // The console never supplies its own token, so the server always returns the one it generated.
        if (created.token !== undefined) {
          tokenDialog("Your new API key", created.token);
        }
        void load();
      },
      { wide: true },
    );
  }

  function editKey(key: ApiKey): void {
    const loaded = catalog;
    if (!loaded) {
      return;
    }
    formDialog(
      "Edit API key",
      "Save",
      () => {
        const fields = keyFields(key, loaded);
        return {
          fields: fields.elements,
          save: () => {
            const { user_id: _owner, ...changes } = fields.values();
            return client.PATCH("/v1/api-keys/{key_id}", { params: { path: { key_id: key.id } }, body: changes });
          },
        };
      },
      () => {
        announce(`API key ${key.name} saved.`);
        void load();
      },
      { wide: true },
    );
  }

  async function deleteKey(key: ApiKey): Promise<void> {
    const ok = await confirmDialog(
      "Delete API key",
      `Revoke “${key.name}” (${key.prefix}…) for good? Its token stops working and can never come back.`,
      "Delete API key",
      { danger: true, action: () => client.DELETE("/v1/api-keys/{key_id}", { params: { path: { key_id: key.id } } }) },
    );
    if (ok) {
      announce(`API key ${key.name} revoked.`);
      await load();
    }
  }

  function revokeAll(): void {
    const phrase = "REVOKE ALL KEYS";
    const typed = h("input", { type: "text", autocomplete: "off", spellcheck: "false" });
    const { dialog } = formDialog(
      "Revoke all keys",
      "Revoke all keys",
      () => ({
        fields: [
          h(
            "p",
            { class: "warning" },
            "Every integration key stops working at once, irreversibly. Use it after a leak.",
          ),
          field(`Type ${phrase} to confirm`, typed, "confirm"),
        ],
        save: () => client.POST("/v1/api-keys/revoke-all", { body: { confirm: phrase } }),
      }),
      ({ revoked }) => {
        announce(`${revoked} keys revoked.`);
        void load();
      },
      { danger: true },
    );
    // "Revoke all keys" stays disabled until the phrase is typed (Enter in the field does nothing until then).
    const submit = dialog.querySelector<HTMLButtonElement>("button[type=submit]");
    const sync = () => {
      if (submit) {
        submit.disabled = typed.value !== phrase;
      }
    };
    typed.addEventListener("input", sync);
    sync();
  }

  void load();
}
