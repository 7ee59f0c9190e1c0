// Settings: external connectivity, inactivity days, maximum key lifetime. (No retention field: the contract has
// no `revoked_key_retention_days` yet.)
import type { Session } from "../api.js";
import { field, formatTime, h, render } from "../dom.js";
import { announce, failed, loading, problemForm, screenHead, showProblem } from "../ui.js";

export function settingsScreen(session: Session, root: HTMLElement): void {
  const { client } = session;
  const body = h("div", {});
  render(root, screenHead("Settings", []), body);

  async function load(): Promise<void> {
    render(body, loading("settings"));
    const { data, error } = await client.GET("/v1/settings");
    if (error) {
      return render(
        body,
        failed(error, () => void load()),
      );
    }
    const connectivity = h("input", { type: "checkbox", checked: data.features.external_connectivity });
    const inactivity = h("input", { type: "number", min: 0, max: 3650, value: data.key_inactivity_days });
    const lifetime = h("input", { type: "number", min: 1, max: 3650, value: data.max_key_lifetime_days ?? "" });
    const updated = h("p", { class: "hint" }, `Last changed ${formatTime(data.updated_at)}.`);
    const form = problemForm(
      async (form) => {
        const result = await client.PATCH("/v1/settings", {
          body: {
            features: { external_connectivity: connectivity.checked },
            key_inactivity_days: Number(inactivity.value),
            max_key_lifetime_days: lifetime.value === "" ? null : Number(lifetime.value),
          },
        });
        if (result.error) {
          return showProblem(form, result.error);
        }
        updated.textContent = `Last changed ${formatTime(result.data.updated_at)}.`;
        announce("Settings saved.");
      },
      field(
        "External connectivity",
        connectivity,
        "features",
        "Off: every integration key gets 402 until it is switched on again.",
      ),
      field(
        "Inactivity days",
        inactivity,
        "key_inactivity_days",
        "A key unused this long is disabled automatically; 0 = never.",
      ),
      field(
        "Maximum key lifetime (days)",
        lifetime,
        "max_key_lifetime_days",
        "New keys must expire within it; empty = no limit.",
      ),
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Save settings")),
      updated,
    );
    render(body, form);
  }

  void load();
}
