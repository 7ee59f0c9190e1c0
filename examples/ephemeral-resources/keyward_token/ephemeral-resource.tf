# Needs Terraform ≥ 1.11.1 or OpenTofu ≥ 1.11. A new token in every run; bump token_wo_version to rotate the key to it.
ephemeral "keyward_token" "website" {}

resource "keyward_api_key" "website" {
  name             = "website"
  user_id          = keyward_integration_user.website.id
  preset           = "events_read"
  token_wo         = ephemeral.keyward_token.website.token
  token_wo_version = 1
}
