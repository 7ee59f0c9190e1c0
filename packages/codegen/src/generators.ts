// Every generator of the repository, in dependency order (the docs read the provider schema just written).
import { cdktfBindings, cdktnBindings } from "./cdktf-bindings.js";
import { contractRules } from "./contract-rules.js";
import { contractTypes } from "./contract-types.js";
import type { Generator } from "./generator.js";
import { protoDescriptor } from "./proto-descriptor.js";
import { providerDocs } from "./provider-docs.js";
import { providerSchema } from "./provider-schema/index.js";

export const generators: readonly Generator[] = [
  contractTypes,
  contractRules,
  providerSchema,
  cdktfBindings,
  cdktnBindings,
  providerDocs,
  protoDescriptor,
];
