// Shared pieces of every screen: the heading, data tables, loading/empty/error states (a missing management scope
// is its own state), forms whose problem+json errors show next to the fields they name, and a live status line.
import { networkProblem, type Problem } from "./api.js";
import { h } from "./dom.js";

/** The screen's heading with its actions, and the sentence that says what the screen is for. */
export function screenHead(title: string, actions: HTMLElement[], lead?: string): HTMLElement[] {
  const head = h(
    "div",
    { class: "screen-head" },
    h("h1", {}, title),
    actions.length > 0 && h("div", { class: "actions" }, actions),
  );
  return lead ? [head, h("p", { class: "lead" }, lead)] : [head];
}

/** A list as a table: a caption for screen readers, one header cell per column, a row per item. */
export function dataTable(caption: string, columns: readonly string[], rows: HTMLElement[]): HTMLElement {
  return h(
    "table",
    { class: "data" },
    h("caption", { class: "visually-hidden" }, caption),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        columns.map((title) => h("th", { scope: "col" }, title)),
      ),
    ),
    h("tbody", {}, rows),
  );
}

export function loading(what: string): HTMLElement {
  return h("p", { class: "state", role: "status", "aria-busy": "true" }, `Loading ${what}…`);
}

export function empty(message: string): HTMLElement {
  return h("p", { class: "state state-empty" }, message);
}

/**
 * What a failed request means for the person. A 403 `scope_missing` names the management scope the signed-in
 * token lacks (retrying can't help; another token can).
 */
export function problemMessage(problem: Problem): string {
  if (problem.code === "scope_missing" && problem.missing_scope) {
    return `Your token lacks the scope ${problem.missing_scope}. Sign in with a management token that has it, or ask an administrator to grant it.`;
  }
  return problem.detail;
}

/** Said above a list whose references (owners, roles) could not be loaded, so they are shown by id. */
export function shownById(what: string, problem: Problem | undefined): HTMLElement | undefined {
  return problem && h("p", { class: "notice" }, `${what} are shown by id. ${problemMessage(problem)}`);
}

/** A list that could not be loaded: Retry, or, when the token lacks the scope, the lacks-scope state. */
export function failed(problem: Problem, retry: () => void): HTMLElement {
  if (problem.code === "scope_missing") {
    return h("div", { class: "state state-scope", role: "alert" }, h("p", {}, problemMessage(problem)));
  }
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

/**
 * A form that shows its problems itself: on submit its old errors are cleared, its submit buttons wait for
 * `submit`, and a request that never got an answer is shown like a problem. What was typed is never reset here.
 */
export function problemForm(
  submit: (form: HTMLFormElement) => Promise<void>,
  ...children: (Node | null | false | (Node | null | false)[])[]
): HTMLFormElement {
  const form: HTMLFormElement = h(
    "form",
    {
      novalidate: true,
      onSubmit: async (event: Event): Promise<void> => {
        event.preventDefault();
        clearProblem(form);
        const buttons = [...form.querySelectorAll<HTMLButtonElement>("button[type=submit]:not(:disabled)")];
        for (const button of buttons) {
          button.disabled = true;
        }
        try {
          await submit(form);
        } catch (error) {
          showProblem(form, networkProblem(error));
        } finally {
          for (const button of buttons) {
            button.disabled = false;
          }
        }
      },
    },
    formAlert(),
    ...children,
  );
  return form;
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
    alert.textContent = [problemMessage(problem), ...unplaced].join(" ");
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
