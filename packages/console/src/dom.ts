// A tiny element builder: the console's whole "UI library". Attributes are set with setAttribute (never
// innerHTML), so server data can't inject markup, and nothing sets a style attribute (the CSP forbids them).
type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "value" && "value" in element) {
      (element as HTMLInputElement).value = String(value ?? "");
    } else if (name === "checked" && element instanceof HTMLInputElement) {
      element.checked = Boolean(value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function render(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let ids = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A labelled control: `<div class="field"><label>…</label>control<p class="field-error" hidden></p></div>`. */
export function field(
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  name: string,
  hint?: string,
): HTMLDivElement {
  control.id ||= uid(name);
  control.dataset.field = name;
  const hintId = hint ? uid(`${name}-hint`) : undefined;
  if (hintId) {
    control.setAttribute("aria-describedby", hintId);
  }
  const checkbox = control instanceof HTMLInputElement && control.type === "checkbox";
  const labelElement = h("label", { for: control.id }, label);
  return h(
    "div",
    { class: checkbox ? "field field-checkbox" : "field", "data-field-wrapper": name },
    checkbox ? [control, labelElement] : [labelElement, control],
    hint ? h("p", { class: "hint", id: hintId }, hint) : null,
  );
}

/** A labelled group of checkboxes (a `<fieldset>` with a legend); `value()` gives the ticked values, in order. */
export function checkboxGroup<T extends string>(
  legend: string,
  name: string,
  options: readonly { value: T; label: string }[],
  checked: readonly T[],
  empty?: string,
): { element: HTMLFieldSetElement; value(): T[] } {
  const boxes = options.map((option) => ({
    option,
    box: h("input", { type: "checkbox", id: uid(name), value: option.value, checked: checked.includes(option.value) }),
  }));
  const element = h(
    "fieldset",
    { class: "checkbox-group", "data-field": name, id: uid(`${name}-group`) },
    h("legend", {}, legend),
    boxes.length === 0 && empty
      ? h("p", { class: "hint" }, empty)
      : boxes.map(({ option, box }) =>
          h("div", { class: "field field-checkbox" }, box, h("label", { for: box.id }, option.label)),
        ),
  );
  return { element, value: () => boxes.filter(({ box }) => box.checked).map(({ option }) => option.value) };
}

/** `<input type="datetime-local">` (read as UTC) ↔ RFC 3339. */
export const toInputTime = (value: string | null | undefined): string => (value ? value.slice(0, 16) : "");
export const fromInputTime = (value: string): string | null => (value ? new Date(`${value}:00Z`).toISOString() : null);

export function formatTime(value: string | null | undefined, never = "Never"): string {
  if (!value) {
    return never;
  }
  return `${new Date(value).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
