# An attendance scanner at the venue door: it reads attendees and checks them in (update), reads events,
# and may only be used from the venue's network.

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

variable "venue_networks" {
  type        = list(string)
  default     = ["127.0.0.0/8", "::1/128", "192.0.2.0/24"]
  description = "The networks the scanner calls from (CIDR ranges)."
}

resource "keyward_role" "scanner" {
  name        = "attendance-scanner"
  description = "Check attendees in at the door."
  permissions = [
    { resource = "events", actions = ["read"] },
    { resource = "attendees", actions = ["read", "update"] },
  ]
}

resource "keyward_integration_user" "scanner" {
  username = "attendance-scanner"
  name     = "Attendance scanner"
  role_ids = [keyward_role.scanner.id]
}

resource "keyward_api_key" "scanner" {
  name        = "door scanner"
  user_id     = keyward_integration_user.scanner.id
  allowed_ips = var.venue_networks
  permissions = [
    { resource = "events", actions = ["read"] },
    { resource = "attendees", actions = ["read", "update"], fields = ["event_id", "status", "badge_name", "checked_in_at"] },
  ]
}

output "token" {
  value     = keyward_api_key.scanner.token
  sensitive = true
}
