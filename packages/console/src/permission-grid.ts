// "Select permissions": the catalog's resources × actions as a grid of checkboxes, with a per-resource field
// limit (empty = every field) and a preset that fills the grid. Used by the API key and role forms.
import type { Schemas } from "./api.js";
import { h } from "./dom.js";

type Catalog = Schemas["PermissionCatalog"];
type Grant = Schemas["PermissionGrant"];
const ACTIONS = ["create", "read", "update", "delete", "download"] as const;

export interface PermissionGrid {
  element: HTMLElement;
  /** The grants ticked, in catalog order; each grant's fields input is tagged with its index for error placement. */
  value(): Grant[];
}

export function permissionGrid(catalog: Catalog, initial: readonly Grant[] = []): PermissionGrid {
  const boxes = new Map<string, HTMLInputElement>();
  const fieldInputs = new Map<string, HTMLInputElement>();

  const fill = (grants: readonly Grant[]) => {
    for (const box of boxes.values()) {
      box.checked = false;
    }
    for (const input of fieldInputs.values()) {
      input.value = "";
    }
    for (const grant of grants) {
      for (const action of grant.actions) {
        const box = boxes.get(`${grant.resource}:${action}`);
        if (box) {
          box.checked = true;
        }
      }
      const input = fieldInputs.get(grant.resource);
      if (input) {
        input.value = (grant.fields ?? []).join(", ");
      }
    }
  };

  const preset = h(
    "select",
    {
      id: "permission-preset",
      "data-field": "preset",
      onChange: () => {
        const chosen = catalog.presets.find((candidate) => candidate.name === preset.value);
        if (chosen) {
          fill(chosen.permissions);
        }
      },
    },
    h("option", { value: "" }, "Custom"),
    catalog.presets.map((candidate) =>
      h("option", { value: candidate.name }, `${candidate.name} — ${candidate.description}`),
    ),
  );

  const rows = catalog.resources.map((resource) => {
    const fieldsId = `fields-${resource.name}`;
    const fieldsHint = `${fieldsId}-hint`;
    const fields = h("input", {
      id: fieldsId,
      type: "text",
      placeholder: "all fields",
      "aria-label": `${resource.name} field limits`,
      "aria-describedby": fieldsHint,
      autocomplete: "off",
    });
    fieldInputs.set(resource.name, fields);
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, resource.name),
      ACTIONS.map((action) => {
        if (!resource.actions.includes(action)) {
          return h("td", { class: "na" }, h("span", { "aria-hidden": "true" }, "—"));
        }
        const box = h("input", { type: "checkbox", "aria-label": `${resource.name}: ${action}` });
        boxes.set(`${resource.name}:${action}`, box);
        return h("td", {}, box);
      }),
      h("td", {}, fields, h("p", { class: "hint", id: fieldsHint }, `Fields: ${resource.fields.join(", ")}`)),
    );
  });

  fill(initial);
  const element = h(
    "fieldset",
    { class: "permission-grid", "data-field": "permissions", id: "permissions" },
    h("legend", {}, "Select permissions"),
    h("div", { class: "field" }, h("label", { for: "permission-preset" }, "Preset"), preset),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Resource"),
            ACTIONS.map((action) => h("th", { scope: "col" }, action)),
            h("th", { scope: "col" }, "Field limits"),
          ),
        ),
        h("tbody", {}, rows),
      ),
    ),
  );

  return {
    element,
    value() {
      const grants: Grant[] = [];
      for (const resource of catalog.resources) {
        const actions = ACTIONS.filter((action) => boxes.get(`${resource.name}:${action}`)?.checked);
        const input = fieldInputs.get(resource.name);
        input?.removeAttribute("data-field");
        if (actions.length === 0) {
          continue;
        }
        const fields = (input?.value ?? "")
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean);
        input?.setAttribute("data-field", `permissions/${grants.length}`);
        grants.push({ resource: resource.name, actions, ...(fields.length > 0 && { fields }) });
      }
      return grants;
    },
  };
}

/** "events: read; people: read (first_name, last_name)". */
export function permissionSummary(grants: readonly Grant[]): string {
  if (grants.length === 0) {
    return "None";
  }
  return grants
    .map(
      (grant) =>
        `${grant.resource}: ${grant.actions.join(", ")}${grant.fields?.length ? ` (${grant.fields.join(", ")})` : ""}`,
    )
    .join("; ");
}
