resource "keyward_role" "events_read" {
  name   = "website-events-read"
  preset = "events_read"
}

resource "keyward_integration_user" "website" {
  username = "website"
  name     = "Public website"
  role_ids = [keyward_role.events_read.id]
}

# A key that may only read events, from two office networks, until 2030. Changing `rotate_when_changed` replaces
# the key and issues a new token.
resource "keyward_api_key" "website" {
  name        = "website production"
  description = "Used by the website's server to list events."
  user_id     = keyward_integration_user.website.id
  expires_at  = "2030-01-01T00:00:00Z"
  permissions = [
    { resource = "events", actions = ["read"] },
  ]
  allowed_ips = ["203.0.113.0/24", "2001:db8::/32"]
  rotate_when_changed = {
    quarter = "2027-Q1"
  }
}

# The token is known only after the key is created: keep it in a secret store, never in plain outputs.
output "website_token" {
  value     = keyward_api_key.website.token
  sensitive = true
}
