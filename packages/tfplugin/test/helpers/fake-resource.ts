import {
  attr,
  block,
  defineResource,
  type Resource,
  type ResourceDefinition,
  type ResourceSchema,
  requiresReplace,
  useStateForUnknown,
} from "../../src/index.js";

/** A schema exercising each plan phase: computed id, a default, a replace-forcing attribute, nested values. */
export const widgetSchema = {
  attributes: {
    id: attr.string({ computed: true, planModifiers: [useStateForUnknown()] }),
    name: attr.string({ required: true }),
    zone: attr.string({ optional: true, planModifiers: [requiresReplace()] }),
    size: attr.number({ optional: true, computed: true, default: 1 }),
    revision: attr.number({ computed: true }),
    settings: attr.singleNested(
      { mode: attr.string({ optional: true }), status: attr.string({ computed: true }) },
      { optional: true },
    ),
  },
  blocks: {
    rule: block.list({
      attributes: {
        port: attr.number({ required: true }),
        protocol: attr.string({ optional: true, computed: true, default: "tcp" }),
      },
    }),
  },
} as const;

/** A resource whose handlers are plain overridable fields, like terraform-plugin-framework's testprovider. */
export function fakeResource(overrides: Partial<ResourceDefinition<ResourceSchema>> = {}): Resource {
  return defineResource({
    typeName: "test_widget",
    schema: widgetSchema,
    create: () => {},
    read: () => {},
    update: () => {},
    delete: () => {},
    ...(overrides as object),
  });
}
