# The permission catalog: every resource of the business API with its actions and fields, and the named presets.
data "keyward_permissions" "catalog" {}

output "resources" {
  value = [for resource in data.keyward_permissions.catalog.resources : resource.name]
}

output "presets" {
  value = [for preset in data.keyward_permissions.catalog.presets : preset.name]
}
