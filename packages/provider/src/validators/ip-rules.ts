// The plan-time check of `allowed_ips`: rejecting `010.0.0.1` or `10.0.0.1/8` here saves an apply that would fail.
import { ipRuleError } from "@keyward/contract";
import { type AttributeValidator, errorDiagnostic } from "@keyward/tfplugin";

export const ipRules: AttributeValidator = {
  description: "Each entry must be an IPv4/IPv6 address or a CIDR range without host bits, e.g. 203.0.113.0/24.",
  validate(value, path) {
    const rules = Array.isArray(value) ? value.filter((rule): rule is string => typeof rule === "string") : [];
    return rules.flatMap((rule) => {
      const error = ipRuleError(rule);
      return error ? [errorDiagnostic("Invalid IP rule", `allowed_ips: ${error}.`, path)] : [];
    });
  },
};
