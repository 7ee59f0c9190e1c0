// The fields every credential has, the same on the API key and management token forms: Name, Description, Owner
// (fixed once issued), Expires at and Active.
import { field, fromInputTime, h, toInputTime } from "./dom.js";

interface Credential {
  name: string;
  description: string;
  user_id: string;
  expires_at: string | null;
  active: boolean;
}

export function credentialFields(
  what: "key" | "token",
  current: Credential | undefined,
  owner: { name: (id: string) => string; choices: HTMLOptionElement[]; hint: string },
): { elements: HTMLElement[]; values(): Credential } {
  const name = h("input", {
    type: "text",
    required: true,
    maxlength: 200,
    value: current?.name ?? "",
    autocomplete: "off",
  });
  const description = h("textarea", { rows: 2, maxlength: 1000 }, current?.description ?? "");
  const ownerSelect = h(
    "select",
    { required: true, disabled: Boolean(current) },
    current ? h("option", { value: current.user_id }, owner.name(current.user_id)) : owner.choices,
  );
  const expires = h("input", { type: "datetime-local", value: toInputTime(current?.expires_at) });
  const active = h("input", { type: "checkbox", checked: current?.active ?? true });
  return {
    elements: [
      field("Name", name, "name"),
      field("Description", description, "description"),
      field("Owner", ownerSelect, "user_id", current ? `The owner is fixed for the ${what}'s life.` : owner.hint),
      field("Expires at (UTC)", expires, "expires_at", `Leave empty for a ${what} that never expires.`),
      field("Active", active, "active"),
    ],
    values: () => ({
      name: name.value,
      description: description.value,
      user_id: ownerSelect.value,
      expires_at: fromInputTime(expires.value),
      active: active.checked,
    }),
  };
}
