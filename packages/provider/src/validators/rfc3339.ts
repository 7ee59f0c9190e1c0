import { type AttributeValidator, errorDiagnostic } from "@keyward/tfplugin";

// RFC 3339 date-time as the contract's `format: date-time` demands it (a `T`, seconds, an offset or `Z`).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export const rfc3339: AttributeValidator = {
  description: "Must be an RFC 3339 timestamp, e.g. 2027-06-30T00:00:00Z.",
  validate(value, path) {
    if (typeof value === "string" && RFC3339.test(value) && !Number.isNaN(Date.parse(value))) {
      return [];
    }
    return [errorDiagnostic("Invalid timestamp", `${JSON.stringify(value)} is not an RFC 3339 timestamp; use e.g. "2027-06-30T00:00:00Z".`, path)];
  },
};
