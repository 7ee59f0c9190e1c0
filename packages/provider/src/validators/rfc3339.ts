import { isRfc3339Timestamp } from "@keyward/contract";
import { type AttributeValidator, errorDiagnostic } from "@keyward/tfplugin";

export const rfc3339: AttributeValidator = {
  description: "Must be an RFC 3339 timestamp, e.g. 2027-06-30T00:00:00Z.",
  validate(value, path) {
    if (typeof value === "string" && isRfc3339Timestamp(value)) {
      return [];
    }
    return [
      errorDiagnostic(
        "Invalid timestamp",
        `${JSON.stringify(value)} is not an RFC 3339 timestamp; use e.g. "2027-06-30T00:00:00Z".`,
        path,
      ),
    ];
  },
};
