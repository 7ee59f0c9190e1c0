# An API key is imported by its id. An imported key has no token (Keyward shows a token only once, on creation).
terraform import keyward_api_key.website key_0123456789abcdef
