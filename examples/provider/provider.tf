terraform {
  required_providers {
    keyward = {
      source  = "keyward.dev/keyward/keyward"
      version = "~> 0.1"
    }
  }
}

# Both settings may come from the environment instead: KEYWARD_ENDPOINT and KEYWARD_TOKEN.
provider "keyward" {
  endpoint = "http://localhost:8080"
  token    = var.keyward_admin_token
}

variable "keyward_admin_token" {
  type        = string
  sensitive   = true
  description = "A management token (kwa_…) with the scopes this configuration needs."
}
