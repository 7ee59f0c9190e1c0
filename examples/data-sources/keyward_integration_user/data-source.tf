# An integration user managed elsewhere, looked up by username (or by `id`).
data "keyward_integration_user" "website" {
  username = "website"
}

resource "keyward_api_key" "website_staging" {
  name        = "website staging"
  user_id     = data.keyward_integration_user.website.id
  permissions = [{ resource = "events", actions = ["read"] }]
}
