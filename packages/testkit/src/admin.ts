// Plain-fetch management calls for scripts that drive a server they didn't start in-process (fuzzing, soak).
export interface FullAccessIntegration {
  roleId: string;
  userId: string;
  keyId: string;
  token: string;
}

/** A management call with the admin token; throws on anything but 2xx. */
export async function adminCall<T = Record<string, unknown>>(
  url: string,
  adminToken: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${adminToken}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

type Created = { id: string };

/** A dedicated integration user whose role and key both have every permission. */
export async function fullAccessIntegration(
  url: string,
  adminToken: string,
  name: string,
): Promise<FullAccessIntegration> {
  const role = await adminCall<Created>(url, adminToken, "POST", "/v1/roles", {
    name: `${name}-role`,
    preset: "full_access",
  });
  const user = await adminCall<Created>(url, adminToken, "POST", "/v1/users", {
    username: name,
    name: `${name} integration`,
    kind: "integration",
    role_ids: [role.id],
  });
  const key = await adminCall<Created & { token: string }>(url, adminToken, "POST", "/v1/api-keys", {
    name: `${name} key`,
    user_id: user.id,
    preset: "full_access",
  });
  return { roleId: role.id, userId: user.id, keyId: key.id, token: key.token };
}
