// Shared pieces of every screen: loading/empty/error states, modal dialogs (native <dialog>: focus trapped,
// Escape closes), problem+json errors shown next to the fields they name, and a live status line.
import type { Problem } from "./api.js";
import { h, render } from "./dom.js";

export function loading(what: string): HTMLElement {
  return h("p", { class: "state", role: "status", "aria-busy": "true" }, `Loading ${what}…`);
}

export function empty(message: string): HTMLElement {
  return h("p", { class: "state state-empty" }, message);
}

export function failed(problem: Problem, retry: () => void): HTMLElement {
  return h(
    "div",
    { class: "state state-error", role: "alert" },
    h("p", {}, `Could not load: ${problem.detail}`),
    h("button", { type: "button", onClick: retry }, "Retry"),
  );
}

/** Announces a result ("Key #3 revoked") to screen readers and shows it. */
export function announce(message: string): void {
  const status = document.getElementById("status");
  if (status) {
    status.textContent = message;
  }
}

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

/** Asks a yes/no question; resolves true when confirmed. */
export function confirmDialog(
  title: string,
  message: string,
  confirmLabel: string,
  options: { danger?: boolean } = {},
): Promise<boolean> {
  return new Promise((resolve) => {
    let confirmed = false;
    const handle = openDialog(title, ({ close }) => [
      h("p", {}, message),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", autofocus: true, onClick: close }, "Cancel"),
        h(
          "button",
          {
            type: "button",
            class: options.danger ? "danger" : "primary",
            onClick: () => {
              confirmed = true;
              close();
            },
          },
          confirmLabel,
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

/**
 * Shows a failed request where the person looks: each `errors[]` entry next to the field it points at
 * (`/body/expires_at` → the control with data-field="expires_at"), the rest in the form's alert. The typed
 * values are left as they are.
 */
export function showProblem(form: HTMLElement, problem: Problem): void {
  clearProblem(form);
  const unplaced: string[] = [];
  // The most specific control first: /body/permissions/0/fields → "permissions/0/fields", then "permissions/0", …
  const fieldFor = (path: string) => {
    const segments = path.replace(/^\/body\//, "").split("/");
    for (let length = segments.length; length > 0; length -= 1) {
      const control = form.querySelector<HTMLElement>(
        `[data-field="${CSS.escape(segments.slice(0, length).join("/"))}"]`,
      );
      if (control) {
        return control;
      }
    }
    return null;
  };
  const errors = problem.errors ?? [];
  for (const error of errors) {
    const control = fieldFor(error.path);
    if (!control) {
      unplaced.push(`${error.path}: ${error.message}`);
      continue;
    }
    const wrapper = control.closest("[data-field-wrapper], fieldset") ?? control.parentElement;
    const message = h("p", { class: "field-error", id: `${control.id || control.dataset.field}-error` }, error.message);
    wrapper?.append(message);
    // aria-invalid belongs on form controls; a group (the permission grid) gets only the description.
    if (control.matches("input, select, textarea")) {
      control.setAttribute("aria-invalid", "true");
    }
    control.setAttribute(
      "aria-describedby",
      [control.getAttribute("aria-describedby"), message.id].filter(Boolean).join(" "),
    );
  }
  // A field-less problem (e.g. expiry_in_past names its field only in the detail) is matched by its code.
  const byCode: Partial<Record<Problem["code"], string>> = {
    expiry_in_past: "expires_at",
    expiry_beyond_policy: "expires_at",
    invalid_cidr: "allowed_ips",
    invalid_permissions: "permissions",
    username_taken: "username",
    role_name_taken: "name",
    unknown_user: "user_id",
  };
  const codeField = byCode[problem.code];
  if (errors.length === 0 && codeField && form.querySelector(`[data-field="${codeField}"]`)) {
    showProblem(form, { ...problem, errors: [{ path: `/body/${codeField}`, message: problem.detail }] });
    return;
  }
  const alert = form.querySelector<HTMLElement>(".form-alert");
  if (alert) {
    alert.hidden = false;
    alert.textContent = [problem.detail, ...unplaced].join(" ");
  }
  (
    form.querySelector<HTMLElement>("[aria-invalid=true]") ??
    (unplaced.length > 0 || errors.length === 0 ? alert : null)
  )?.focus();
}

export function clearProblem(form: HTMLElement): void {
  for (const message of form.querySelectorAll(".field-error")) {
    message.remove();
  }
  for (const control of form.querySelectorAll<HTMLElement>("[aria-invalid], [aria-describedby$='-error']")) {
    control.removeAttribute("aria-invalid");
    const describedBy = (control.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .filter((id) => !id.endsWith("-error"))
      .join(" ");
    if (describedBy) {
      control.setAttribute("aria-describedby", describedBy);
    } else {
      control.removeAttribute("aria-describedby");
    }
  }
  const alert = form.querySelector<HTMLElement>(".form-alert");
  if (alert) {
    alert.hidden = true;
    alert.textContent = "";
  }
}

export function formAlert(): HTMLElement {
  return h("p", { class: "form-alert", role: "alert", tabindex: "-1", hidden: true });
}
