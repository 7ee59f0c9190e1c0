// Audit log: every management change and every refusal, filtered by action and target on the server and by
// actor and time in the page (the API pages by cursor; "Load more" fetches the next page).
import type { Schemas, Session } from "../api.js";
import { formatTime, h, render } from "../dom.js";
import { dataTable, empty, failed, loading, screenHead } from "../ui.js";

type AuditEvent = Schemas["AuditEvent"];
/** Every audit action of the contract, for the filter (an action missing here, or unknown, fails to compile). */
const ACTIONS = Object.keys({
  "user.created": true,
  "user.updated": true,
  "user.deleted": true,
  "role.created": true,
  "role.updated": true,
  "role.deleted": true,
  "key.created": true,
  "key.updated": true,
  "key.rotated": true,
  "key.revoked": true,
  "key.revoked_all": true,
  "key.disabled_inactive": true,
  "key.refused": true,
  "settings.updated": true,
  "admin_token.created": true,
  "management_token.created": true,
  "management_token.updated": true,
  "management_token.rotated": true,
  "management_token.revoked": true,
} satisfies Record<Schemas["AuditAction"], true>) as Schemas["AuditAction"][];

export function auditLogScreen(session: Session, root: HTMLElement): void {
  const { client } = session;
  let events: AuditEvent[] = [];
  let cursor: string | null = null;
  const list = h("div", { class: "list" });
  const action = h(
    "select",
    { id: "audit-action", onChange: () => void load(true) },
    h("option", { value: "" }, "Any action"),
    ACTIONS.map((name) => h("option", { value: name }, name)),
  );
  const target = h("input", {
    id: "audit-target",
    type: "text",
    placeholder: "key_… / usr_… / rol_…",
    onChange: () => void load(true),
  });
  const actor = h("input", {
    id: "audit-actor",
    type: "text",
    placeholder: "admin, key, usr_…",
    onInput: () => show(),
  });
  const from = h("input", { id: "audit-from", type: "datetime-local", onChange: () => show() });
  const to = h("input", { id: "audit-to", type: "datetime-local", onChange: () => show() });
  render(
    root,
    screenHead("Audit log", [], "Every management change (never a secret) and every refused key."),
    h(
      "div",
      { class: "filters", role: "search" },
      h("label", { for: "audit-actor" }, "Actor"),
      actor,
      h("label", { for: "audit-action" }, "Action"),
      action,
      h("label", { for: "audit-target" }, "Target"),
      target,
      h("label", { for: "audit-from" }, "From (UTC)"),
      from,
      h("label", { for: "audit-to" }, "To (UTC)"),
      to,
    ),
    list,
  );

  async function load(reset: boolean): Promise<void> {
    if (reset) {
      events = [];
      cursor = null;
      render(list, loading("the audit log"));
    }
    const { data, error } = await client.GET("/v1/audit-events", {
      params: {
        query: {
          limit: 100,
          ...(cursor && { cursor }),
          ...(action.value && { action: action.value as Schemas["AuditAction"] }),
          ...(target.value.trim() && { target_id: target.value.trim() }),
        },
      },
    });
    if (error) {
      return render(
        list,
        failed(error, () => void load(true)),
      );
    }
    events = [...events, ...data.data];
    cursor = data.next_cursor;
    show();
  }

  function show(): void {
    const who = actor.value.trim().toLowerCase();
    const after = from.value ? Date.parse(`${from.value}:00Z`) : -Infinity;
    const before = to.value ? Date.parse(`${to.value}:59Z`) : Infinity;
    const shown = events.filter((event) => {
      const time = Date.parse(event.time);
      return (
        time >= after &&
        time <= before &&
        (!who || event.actor.type.includes(who) || (event.actor.id ?? "").toLowerCase().includes(who))
      );
    });
    render(
      list,
      shown.length === 0
        ? empty(events.length === 0 ? "No audit events yet." : "No audit events match these filters.")
        : dataTable(
            "Audit events",
            ["Time", "Actor", "Action", "Target", "Details"],
            shown.map((event) =>
              h(
                "tr",
                { class: event.action === "key.refused" ? "refusal" : "" },
                h("td", {}, formatTime(event.time)),
                h("td", {}, `${event.actor.type}${event.actor.id ? ` ${event.actor.id}` : ""}`),
                h("td", {}, event.action),
                h("td", {}, `${event.target.type}${event.target.id ? ` ${event.target.id}` : ""}`),
                h("td", { class: "summary" }, details(event)),
              ),
            ),
          ),
      cursor ? h("button", { type: "button", onClick: () => void load(false) }, "Load more") : null,
    );
  }

  void load(true);
}

function details(event: AuditEvent): string {
  const parts: string[] = [];
  if (event.changes.length > 0) {
    parts.push(`changed ${event.changes.join(", ")}`);
  }
  const extra = event as AuditEvent & { reason?: string; request?: { method: string; path: string; ip?: string } };
  if (extra.reason) {
    parts.push(`reason ${extra.reason}`);
  }
  if (extra.request) {
    parts.push(`${extra.request.method} ${extra.request.path}${extra.request.ip ? ` from ${extra.request.ip}` : ""}`);
  }
  return parts.join("; ") || "—";
}
