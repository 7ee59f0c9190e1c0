// Modal dialogs (native <dialog>: focus trapped, Escape closes, focus returns to the opener) and the dialogs more
// than one screen asks: a form that saves with one request, a confirmation that shows its action's failure inside
// itself, the one-time token, rotation with a grace period, and the Active switch that asks before it changes.
import type { Problem } from "./api.js";
import { field, h, render } from "./dom.js";
import { announce, problemForm, showProblem } from "./ui.js";

export interface DialogHandle {
  dialog: HTMLDialogElement;
  close(): void;
}

/** Opens a modal dialog titled `title`; it is removed from the page when closed. Focus returns to the opener. */
export function openDialog(
  title: string,
  body: (handle: DialogHandle) => Node[],
  options: { wide?: boolean } = {},
): DialogHandle {
  const opener = document.activeElement as HTMLElement | null;
  const titleId = `dialog-title-${Math.random().toString(36).slice(2, 8)}`;
  const dialog = h("dialog", { "aria-labelledby": titleId, class: options.wide ? "wide" : "" });
  const handle: DialogHandle = { dialog, close: () => dialog.close() };
  render(dialog, h("h2", { id: titleId }, title), ...body(handle));
  dialog.addEventListener("close", () => {
    dialog.remove();
    if (opener?.isConnected) {
      opener.focus();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  return handle;
}

/** What a request answered, as openapi-fetch gives it: `data`, or the problem in `error`. */
export interface Outcome<T> {
  data?: T;
  error?: Problem;
}

/**
 * A dialog holding one form: its fields, then "Cancel" and the submit button, which runs `save`. A problem is shown
 * in the form (next to the fields it names) and nothing typed is lost; on success the dialog closes, then `saved`.
 */
export function formDialog<T>(
  title: string,
  submitLabel: string,
  build: () => { fields: Node[]; save: () => Promise<Outcome<T>> },
  saved: (data: T) => void,
  options: { wide?: boolean; danger?: boolean; focusCancel?: boolean } = {},
): DialogHandle {
  const handle = openDialog(
    title,
    ({ close }) => {
      const { fields, save } = build();
      return [
        problemForm(
          async (form) => {
            const { data, error } = await save();
            if (error) {
              return showProblem(form, error);
            }
            close();
            // openapi-fetch gives `data` whenever there is no `error` (undefined only for an empty answer).
            saved(data as T);
          },
          ...fields,
          h(
            "div",
            { class: "actions" },
            h("button", { type: "button", autofocus: options.focusCancel, onClick: close }, "Cancel"),
            h("button", { type: "submit", class: options.danger ? "danger" : "primary" }, submitLabel),
          ),
        ),
      ];
    },
    options,
  );
  if (!options.focusCancel) {
    handle.dialog.querySelector<HTMLElement>("input:not(:disabled), select, textarea")?.focus();
  }
  return handle;
}

/**
 * Asks a yes/no question; resolves true when confirmed (and, with `action`, once the action succeeded). A failed
 * action keeps the dialog open with its problem shown in it, where the person is looking.
 */
export function confirmDialog(
  title: string,
  message: string,
  confirmLabel: string,
  options: { danger?: boolean; action?: () => Promise<Outcome<unknown>> } = {},
): Promise<boolean> {
  return new Promise((resolve) => {
    let confirmed = false;
    const handle = formDialog(
      title,
      confirmLabel,
      () => ({ fields: [h("p", {}, message)], save: options.action ?? (async () => ({})) }),
      () => {
        confirmed = true;
      },
      { danger: options.danger, focusCancel: true },
    );
    handle.dialog.addEventListener("close", () => resolve(confirmed));
  });
}

/** The one-time token, with "Copy" and the warning that it can't be shown again. */
export function tokenDialog(title: string, token: string): DialogHandle {
  return openDialog(title, ({ close }) => {
    const copied = h("span", { role: "status", class: "hint" });
    return [
      h(
        "p",
        { class: "warning", id: "token-warning" },
        "Copy this token now. It can't be shown again: Keyward stores only its hash.",
      ),
      h("label", { for: "one-time-token" }, "Token"),
      h("input", {
        id: "one-time-token",
        readonly: true,
        value: token,
        class: "token",
        "aria-describedby": "token-warning",
        spellcheck: "false",
      }),
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          {
            type: "button",
            class: "primary",
            onClick: async () => {
              try {
                await navigator.clipboard.writeText(token);
                copied.textContent = "Copied.";
              } catch {
                (document.getElementById("one-time-token") as HTMLInputElement).select();
                copied.textContent = "Select and copy the token (the clipboard is not available).";
              }
            },
          },
          "Copy",
        ),
        copied,
        h("button", { type: "button", onClick: close }, "Done"),
      ),
    ];
  });
}

/** "Rotate" with a grace period: a new token, shown once; the old one keeps working for the grace period. */
export function rotateDialog(
  what: string,
  name: string,
  rotate: (graceSeconds: number) => Promise<Outcome<{ token?: string }>>,
  rotated: () => void,
): void {
  const grace = h("input", { type: "number", min: 0, max: 604800, value: 0, required: true });
  formDialog(
    `Rotate “${name}”`,
    "Rotate",
    () => ({
      fields: [
        h(
          "p",
          {},
          "A new token is issued. During the grace period the old token keeps working, so whoever uses it can switch without downtime.",
        ),
        field(
          "Grace period (seconds)",
          grace,
          "grace_period_seconds",
          "0 = the old token stops at once; at most 604800 (7 days).",
        ),
      ],
      save: () => rotate(Number(grace.value)),
    }),
    ({ token }) => {
      announce(`${what} ${name} rotated.`);
      if (token !== undefined) {
        tokenDialog(`The rotated ${what}`, token);
      }
      rotated();
    },
  );
}

/** The Active switch of a credential's row: it asks before switching, and a refusal shows in that question. */
export function activeSwitch(
  what: string,
  credential: { name: string; prefix: string; active: boolean },
  options: { disabled: boolean; save: (active: boolean) => Promise<Outcome<unknown>>; saved: () => void },
): HTMLInputElement {
  const toggle = h("input", {
    type: "checkbox",
    role: "switch",
    checked: credential.active,
    disabled: options.disabled,
    "aria-label": `Active: ${credential.name}`,
    onChange: async () => {
      const activate = toggle.checked;
      toggle.checked = !activate;
      const ok = await confirmDialog(
        `${activate ? "Enable" : "Disable"} ${what}`,
        `${activate ? "Enable" : "Disable"} “${credential.name}” (${credential.prefix}…)? ${activate ? "Its token works again." : "Its token stops working at once; you can enable it again later."}`,
        activate ? "Enable" : "Disable",
        { danger: !activate, action: () => options.save(activate) },
      );
      if (ok) {
        announce(`${credential.name} ${activate ? "enabled" : "disabled"}.`);
        options.saved();
      }
    },
  });
  return toggle;
}
