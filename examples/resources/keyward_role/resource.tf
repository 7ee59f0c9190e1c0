# A role listing its permissions: read events, and read people limited to two fields.
resource "keyward_role" "calendar_sync" {
  name        = "calendar-sync"
  description = "Names of people and the events they attend."
  permissions = [
    { resource = "events", actions = ["read"] },
    { resource = "people", actions = ["read"], fields = ["first_name", "last_name"] },
  ]
}

# A role from a preset of the permission catalog (see the keyward_permissions data source).
resource "keyward_role" "events_read" {
  name   = "website-events-read"
  preset = "events_read"
}
