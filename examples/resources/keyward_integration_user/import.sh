# An integration user is imported by its id.
terraform import keyward_integration_user.website usr_0123456789abcdef
