// Generated from openapi.yaml by `npm run generate`. Do not edit.

// The permission catalog: every resource of the business API with its actions and fields, and the presets.
import type { ManagementScope, PermissionCatalog } from "./schema.js";

export const permissionCatalog: PermissionCatalog = {
  "resources": [
    {
      "name": "events",
      "description": "Events of the platform.",
      "actions": [
        "create",
        "read",
        "update",
        "delete"
      ],
      "fields": [
        "name",
        "starts_at",
        "ends_at",
        "venue",
        "capacity",
        "status"
      ]
    },
    {
      "name": "sessions",
      "description": "Sessions (talks, workshops) of an event.",
      "actions": [
        "create",
        "read",
        "update",
        "delete"
      ],
      "fields": [
        "event_id",
        "title",
        "starts_at",
        "room",
        "speaker"
      ]
    },
    {
      "name": "attendees",
      "description": "People registered for an event; check-in status.",
      "actions": [
        "create",
        "read",
        "update",
        "delete"
      ],
      "fields": [
        "event_id",
        "person_id",
        "status",
        "badge_name",
        "checked_in_at"
      ]
    },
    {
      "name": "people",
      "description": "Contacts: names, e-mail, phone, company.",
      "actions": [
        "create",
        "read",
        "update",
        "delete"
      ],
      "fields": [
        "first_name",
        "last_name",
        "email",
        "phone",
        "company",
        "date_of_birth"
      ]
    },
    {
      "name": "invoices",
      "description": "Invoices issued to people.",
      "actions": [
        "create",
        "read",
        "update",
        "delete"
      ],
      "fields": [
        "person_id",
        "amount_cents",
        "currency",
        "status",
        "issued_at",
        "due_at"
      ]
    },
    {
      "name": "documents",
      "description": "Documents (read their metadata, download their content).",
      "actions": [
        "read",
        "download"
      ],
      "fields": [
        "title",
        "content_type",
        "size_bytes",
        "created_at"
      ]
    }
  ],
  "presets": [
    {
      "name": "full_access",
      "description": "Every action on every resource.",
      "permissions": [
        {
          "resource": "events",
          "actions": [
            "create",
            "read",
            "update",
            "delete"
          ]
        },
        {
          "resource": "sessions",
          "actions": [
            "create",
            "read",
            "update",
            "delete"
          ]
        },
        {
          "resource": "attendees",
          "actions": [
            "create",
            "read",
            "update",
            "delete"
          ]
        },
        {
          "resource": "people",
          "actions": [
            "create",
            "read",
            "update",
            "delete"
          ]
        },
        {
          "resource": "invoices",
          "actions": [
            "create",
            "read",
            "update",
            "delete"
          ]
        },
        {
          "resource": "documents",
          "actions": [
            "read",
            "download"
          ]
        }
      ]
    },
    {
      "name": "events_read",
      "description": "Read events and their sessions (a public website).",
      "permissions": [
        {
          "resource": "events",
          "actions": [
            "read"
          ]
        },
        {
          "resource": "sessions",
          "actions": [
            "read"
          ]
        }
      ]
    },
    {
      "name": "events_people_read",
      "description": "Read events, sessions, attendees and people (a marketing or reporting tool).",
      "permissions": [
        {
          "resource": "events",
          "actions": [
            "read"
          ]
        },
        {
          "resource": "sessions",
          "actions": [
            "read"
          ]
        },
        {
          "resource": "attendees",
          "actions": [
            "read"
          ]
        },
        {
          "resource": "people",
          "actions": [
            "read"
          ]
        }
      ]
    },
    {
      "name": "events_people_write",
      "description": "Create, read and update events, sessions, attendees and people (a CRM sync).",
      "permissions": [
        {
          "resource": "events",
          "actions": [
            "create",
            "read",
            "update"
          ]
        },
        {
          "resource": "sessions",
          "actions": [
            "create",
            "read",
            "update"
          ]
        },
        {
          "resource": "attendees",
          "actions": [
            "create",
            "read",
            "update"
          ]
        },
        {
          "resource": "people",
          "actions": [
            "create",
            "read",
            "update"
          ]
        }
      ]
    }
  ]
};

/** Every management scope, in the contract's order. */
export const managementScopes: readonly ManagementScope[] = ["users:read","users:write","roles:read","roles:write","keys:read","keys:write","settings:read","settings:write","audit:read","keys:verify","tokens:manage"];
