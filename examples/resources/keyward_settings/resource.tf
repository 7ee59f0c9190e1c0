# The workspace settings (one per Keyward server). Destroying this resource resets every setting to its default.
resource "keyward_settings" "this" {
  key_inactivity_days   = 60
  max_key_lifetime_days = 365
  features = {
    external_connectivity = true
  }
}
