# A management token is imported by its id. An imported token has no secret (Keyward shows it only once, on creation).
terraform import keyward_management_token.ci adm_0123456789abcdef
