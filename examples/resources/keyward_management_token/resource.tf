# A token for a CI pipeline that applies users, roles and keys, and nothing else: it can't change settings, read
# the audit log or issue tokens. A `…:write` scope includes the matching `…:read`. The provider's own token needs
# tokens:manage and every scope it grants here.
resource "keyward_management_token" "ci" {
  name        = "ci pipeline"
  description = "Applies the integration set-up from the infra repository."
  scopes      = ["users:write", "roles:write", "keys:write"]
  expires_at  = "2030-01-01T00:00:00Z"
}

# The token is known only after it is created: hand it to the pipeline's secret store, never to plain outputs.
output "ci_token" {
  value     = keyward_management_token.ci.token
  sensitive = true
}
