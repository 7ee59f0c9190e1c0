// Generated from openapi.yaml by `npm run generate`. Do not edit.

// The contract's name patterns, compiled as its validator compiles them (Unicode mode).

/** openapi.yaml: UserCreate.username. */
export const usernamePattern = new RegExp("^[a-z0-9][a-z0-9._-]{1,62}$", "u");

/** openapi.yaml: RoleCreate.name. */
export const roleNamePattern = new RegExp("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$", "u");

/** openapi.yaml: PresetName. */
export const presetNamePattern = new RegExp("^[a-z][a-z0-9_]{0,63}$", "u");
