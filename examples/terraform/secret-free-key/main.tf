# A key whose token is in neither plan nor state (Terraform ≥ 1.11.1, OpenTofu ≥ 1.11). The token is made on this
# machine by an ephemeral resource, handed to Keyward through the write-only `token_wo` (Keyward stores only its
# hash) and to the one place that needs it. Here that sink is a file written by `local-exec`, so the example runs
# offline; in production it is a secret store's write-only input (docs/guides/keeping-tokens-out-of-state.md).

terraform {
  # Ephemeral resources and write-only attributes; older CLIs stop here with a clear message.
  required_version = ">= 1.11.1"
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
  ephemeral   = true # the admin token reaches the provider only: never plan, state or a saved plan file
  description = "An admin token (kwa_…); defaults to the KEYWARD_TOKEN environment variable."
}

variable "token_version" {
  type        = number
  default     = 1
  description = "Bump it to rotate the key to a new token."
}

variable "rotation_grace_period_seconds" {
  type        = number
  default     = 300
  description = "How long the previous token keeps working after a rotation."
}

variable "token_file" {
  type        = string
  default     = "website-token.txt"
  description = "Where the sink writes the token (stands in for a secret store)."
}

provider "keyward" {
  endpoint = var.keyward_endpoint
  token    = var.keyward_token
}

resource "keyward_role" "website" {
  name        = "website-secret-free"
  description = "Public event listings for the website."
  permissions = [{ resource = "events", actions = ["read"] }]
}

resource "keyward_integration_user" "website" {
  username = "website-secret-free"
  name     = "Website (secret-free key)"
  role_ids = [keyward_role.website.id]
}

# A new token on every plan and apply; only the runs that bump token_version use it.
ephemeral "keyward_token" "website" {}

resource "keyward_api_key" "website" {
  name                          = "website (secret-free)"
  user_id                       = keyward_integration_user.website.id
  permissions                   = [{ resource = "events", actions = ["read"] }]
  token_wo                      = ephemeral.keyward_token.website.token
  token_wo_version              = var.token_version
  rotation_grace_period_seconds = var.rotation_grace_period_seconds
}

# The sink: written after Keyward accepted the token, and again whenever token_version changes.
resource "terraform_data" "website_token_sink" {
  triggers_replace = [keyward_api_key.website.id, var.token_version]

  provisioner "local-exec" {
    command = "umask 077 && printf '%s' \"$TOKEN\" > \"$TOKEN_FILE\""
    environment = {
      TOKEN      = ephemeral.keyward_token.website.token
      TOKEN_FILE = var.token_file
    }
  }
}

output "key_id" {
  value = keyward_api_key.website.id
}

output "key_prefix" {
  description = "The token's first characters, to recognise it; the token itself is only in the sink."
  value       = keyward_api_key.website.prefix
}
