# A calendar sync that needs people's names and nothing else: the key reads people limited to two fields,
# so e-mail, phone and date of birth never leave Keyward.

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

resource "keyward_role" "calendar_sync" {
  name        = "calendar-sync"
  description = "Names of people and the events they attend."
  permissions = [
    { resource = "events", actions = ["read"] },
    { resource = "people", actions = ["read"], fields = ["first_name", "last_name"] },
  ]
}

resource "keyward_integration_user" "calendar_sync" {
  username = "calendar-sync"
  name     = "Calendar sync"
  role_ids = [keyward_role.calendar_sync.id]
}

resource "keyward_api_key" "calendar_sync" {
  name    = "calendar sync"
  user_id = keyward_integration_user.calendar_sync.id
  permissions = [
    { resource = "events", actions = ["read"] },
    { resource = "people", actions = ["read"], fields = ["first_name", "last_name"] },
  ]
  rotate_when_changed = {
    quarter = "2027-Q1"
  }
}

output "token" {
  value     = keyward_api_key.calendar_sync.token
  sensitive = true
}
