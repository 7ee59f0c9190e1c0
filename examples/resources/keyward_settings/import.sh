# The settings are a singleton whose id is always `settings`.
terraform import keyward_settings.this settings
