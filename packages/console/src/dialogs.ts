// Modal dialogs (native <dialog>: focus trapped, Escape closes, focus returns to the opener) and the dialogs more
// than one screen asks: a confirmation that shows its action's failure inside itself, the one-time token, rotation
// with a grace period, and the Active switch that asks before it changes anything.
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

/**
 * Asks a yes/no question; resolves true when confirmed (and, with `action`, once the action succeeded). A failed
 * action keeps the dialog open with its problem shown in it, where the person is looking.
 */
export function confirmDialog(
  title: string,
  message: string,
  confirmLabel: string,
  options: { danger?: boolean; action?: () => Promise<Problem | undefined> } = {},
): Promise<boolean> {
  return new Promise((resolve) => {
    let confirmed = false;
    const handle = openDialog(title, ({ close }) => [
      problemForm(
        async (form) => {
          const problem = await options.action?.();
          if (problem) {
            return showProblem(form, problem);
          }
          confirmed = true;
          close();
        },
        h("p", {}, message),
        h(
          "div",
          { class: "actions" },
          h("button", { type: "button", autofocus: true, onClick: close }, "Cancel"),
          h("button", { type: "submit", class: options.danger ? "danger" : "primary" }, confirmLabel),
        ),
      ),
    ]);
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

/** What a credential's rotate request answers: the new token once, or a problem. */
interface Rotation {
  data?: { token?: string };
  error?: Problem;
}

/** "Rotate" with a grace period: a new token, shown once; the old one keeps working for the grace period. */
export function rotateDialog(
  what: string,
  name: string,
  rotate: (graceSeconds: number) => Promise<Rotation>,
  rotated: () => void,
): void {
  openDialog(`Rotate “${name}”`, ({ close }) => {
    const grace = h("input", { type: "number", min: 0, max: 604800, value: 0, required: true });
    return [
      problemForm(
        async (form) => {
          const { data, error } = await rotate(Number(grace.value));
          if (error) {
            return showProblem(form, error);
          }
          close();
          announce(`${what} ${name} rotated.`);
          if (data?.token !== undefined) {
            tokenDialog(`The rotated ${what}`, data.token);
          }
          rotated();
        },
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
        h(
          "div",
          { class: "actions" },
          h("button", { type: "button", onClick: close }, "Cancel"),
          h("button", { type: "submit", class: "primary" }, "Rotate"),
        ),
      ),
    ];
  });
}

/** The Active switch of a credential's row: it asks before switching, and a refusal shows in that question. */
export function activeSwitch(
  what: string,
  credential: { name: string; prefix: string; active: boolean },
  options: { disabled: boolean; save: (active: boolean) => Promise<Problem | undefined>; saved: () => void },
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
