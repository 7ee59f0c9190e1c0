# A role is imported by its id.
terraform import keyward_role.events_read rol_0123456789abcdef
