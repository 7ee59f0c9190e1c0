// The contract's types: `paths`, `components`, `operations` and a root alias per component schema (`ApiKey`,
// `Problem`, …), all generated into @keyward/contract from openapi.yaml.
export type * from "@keyward/contract/schema";
