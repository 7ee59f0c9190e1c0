# A role managed elsewhere, looked up by its id.
data "keyward_role" "events_read" {
  id = "rol_0123456789abcdef"
}

resource "keyward_integration_user" "website" {
  username = "website"
  name     = "Public website"
  role_ids = [data.keyward_role.events_read.id]
}
