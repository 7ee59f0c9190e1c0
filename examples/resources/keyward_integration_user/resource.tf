resource "keyward_role" "events_read" {
  name   = "website-events-read"
  preset = "events_read"
}

# A dedicated user for one integration; its keys can never do more than its roles grant.
resource "keyward_integration_user" "website" {
  username = "website"
  name     = "Public website"
  email    = "web-team@example.com"
  role_ids = [keyward_role.events_read.id]
}
