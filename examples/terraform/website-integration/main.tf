# A public website that lists events: a dedicated integration user, a role that may only read events
# and sessions, and one key limited to that. Apply, then read the token with
#   tofu output -raw token

terraform {
  required_providers {
    keyward = {
      source  = "keyward.dev/keyward/keyward"
      version = "~> 0.1"
    }
  }
}

variable "keyward_endpoint" {
  type        = string
  default     = null
  description = "The Keyward server's base URL; defaults to the KEYWARD_ENDPOINT environment variable."
}

variable "keyward_token" {
  type        = string
  default     = null
  sensitive   = true
  description = "A management token (kwa_…) with users:write, roles:write and keys:write; defaults to the KEYWARD_TOKEN environment variable."
}

provider "keyward" {
  endpoint = var.keyward_endpoint
  token    = var.keyward_token
}

resource "keyward_role" "events_read" {
  name        = "website-events-read"
  description = "Read events and their sessions for the public website."
  preset      = "events_read"
}

resource "keyward_integration_user" "website" {
  username = "website"
  name     = "Public website"
  email    = "web-team@example.com"
  role_ids = [keyward_role.events_read.id]
}

resource "keyward_api_key" "website" {
  name        = "website production"
  description = "Used by the website's server to list events."
  user_id     = keyward_integration_user.website.id
  expires_at  = "2030-01-01T00:00:00Z"
  permissions = [
    { resource = "events", actions = ["read"] },
    { resource = "sessions", actions = ["read"] },
  ]
}

output "key_id" {
  value = keyward_api_key.website.id
}

output "token" {
  value     = keyward_api_key.website.token
  sensitive = true
}
