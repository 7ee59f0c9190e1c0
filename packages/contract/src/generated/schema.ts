// Generated from openapi.yaml by `npm run generate`. Do not edit.
export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness check
         * @description Answers 200 while the server can serve requests. Needs no token.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Lists users in creation order, a page at a time.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description Creates a user. Best practice is one dedicated integration user per integration, never an
         *     administrator: an `integration` user can't be an admin.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** Get a user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Deletes the user and revokes all its keys; the integration stops working at once.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /**
         * Update a user
         * @description Changes the given fields. Deactivating a user (`active: false`) makes all its keys fail with 401.
         *     A user who owns keys can't be promoted to admin, and an integration user can't be an admin (409).
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List roles */
        get: operations["listRoles"];
        put?: never;
        /**
         * Create a role
         * @description Creates a permission template. Give either `permissions` or a `preset` from the catalog
         *     (`GET /v1/permissions`), not both.
         */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roles/{role_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The role's id. */
                role_id: components["parameters"]["RoleId"];
            };
            cookie?: never;
        };
        /** Get a role */
        get: operations["getRole"];
        put?: never;
        post?: never;
        /**
         * Delete a role
         * @description A role that is still assigned to a user can't be deleted (409 `role_in_use`).
         */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        /**
         * Update a role
         * @description Changes the given fields. Setting `permissions` clears `preset`, and the other way round.
         */
        patch: operations["updateRole"];
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Lists keys in creation order, a page at a time. Tokens are never listed.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description Creates a key for an integration user and returns its **token, once**. Give either `permissions` or
         *     a `preset`, not both. The owner must not be an admin. If the workspace sets `max_key_lifetime_days`,
         *     `expires_at` is required and must fall within it. A client may supply the `token` itself (e.g. one made
         *     by Terraform's `ephemeral "keyward_token"`); then only its hash is stored and the response omits it.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/revoke-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke every key
         * @description Revokes every integration key at once, irreversibly (for a leak). The body must carry
         *     `confirm: "REVOKE ALL KEYS"`. Admin tokens are not affected.
         */
        post: operations["revokeAllApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's id. */
                key_id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        /**
         * Get an API key
         * @description The key without its token (the token is never returned again).
         */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Revokes the key, irreversibly. The record stays (status `revoked`) for the audit trail.
         *     Revoking an already revoked key answers 200 with the key unchanged.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        /**
         * Update an API key
         * @description Changes the given fields; the token stays the same and is not shown. `active: false` disables the
         *     key (reversible); a revoked key can't be changed (409 `key_revoked`).
         */
        patch: operations["updateApiKey"];
        trace?: never;
    };
    "/v1/api-keys/{key_id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's id. */
                key_id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an API key's token
         * @description Issues a new token for the key and returns it **once**. The old token keeps working for
         *     `grace_period_seconds` (default 0: it stops at once), for zero-downtime rotation. A client may supply
         *     the new `token` itself; then only its hash is stored and the response omits it.
         */
        post: operations["rotateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The permission catalog
         * @description Every resource of the business API with its actions and field names, and the named presets.
         *     Readable with an admin token or any valid integration key.
         */
        get: operations["getPermissionCatalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the workspace settings */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update the workspace settings */
        patch: operations["updateSettings"];
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description Newest last. Every management change and every refused key; never a secret.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the calling key may do
         * @description The calling integration key's name, owner and **effective** permissions (the key's permissions
         *     intersected with its owner's roles).
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask whether a token may do something
         * @description Lets another service (a gateway) use Keyward as its authorisation back end: is this token allowed
         *     to perform `action` on `resource` (and write `fields`) from `ip`? Always answers 200 with the
         *     decision, a stable `reason` and the allowed fields. A refusal is written to the audit log. A replica
         *     that could not catch up with its database for longer than its staleness bound answers 503 instead
         *     (fail closed: the key may have been revoked meanwhile).
         */
        post: operations["verifyKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling management token
         * @description The management token this request is made with, its scopes included. Needs no scope, so that any management
         *     token can learn what it may do (the Terraform provider checks its token with it).
         */
        get: operations["getCurrentManagementToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List management tokens
         * @description Lists management tokens in creation order, a page at a time. Tokens are never listed.
         */
        get: operations["listManagementTokens"];
        put?: never;
        /**
         * Create a management token
         * @description Issues a management token (`kwa_…`) for an admin user (the caller's own user when `user_id` is left out)
         *     and returns it **once**. A token can't grant a scope its creator lacks (403 `scope_escalation`).
         */
        post: operations["createManagementToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management-tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The management token's id. */
                token_id: components["parameters"]["ManagementTokenId"];
            };
            cookie?: never;
        };
        /**
         * Get a management token
         * @description The token's record without its secret (the secret is never returned again).
         */
        get: operations["getManagementToken"];
        put?: never;
        post?: never;
        /**
         * Revoke a management token
         * @description Revokes the token, irreversibly; the record stays (status `revoked`). The last usable token with
         *     `tokens:manage` can't be revoked (409 `last_manage_token`): issue another one first. Revoking an already
         *     revoked token answers 200 with it unchanged.
         */
        delete: operations["revokeManagementToken"];
        options?: never;
        head?: never;
        /**
         * Update a management token
         * @description Changes the given fields; the secret stays the same. `active: false` disables the token (reversible).
         *     Scopes can't be widened beyond the caller's own (403 `scope_escalation`); the last usable token with
         *     `tokens:manage` can't lose it or be disabled (409 `last_manage_token`); a revoked token can't be changed
         *     (409 `token_revoked`).
         */
        patch: operations["updateManagementToken"];
        trace?: never;
    };
    "/v1/management-tokens/{token_id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The management token's id. */
                token_id: components["parameters"]["ManagementTokenId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a management token
         * @description Issues a new secret for the token and returns it **once**. The old secret keeps working for
         *     `grace_period_seconds` (default 0: it stops at once). A revoked token can't be rotated (409 `token_revoked`).
         */
        post: operations["rotateManagementToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current console session
         * @description The session of the `keyward_session` cookie, with its `csrf_token` (a reloaded console page reads it
         *     here, since the cookie is HttpOnly). 404 when the request carries no session (a bearer token instead).
         */
        get: operations["getConsoleSession"];
        put?: never;
        /**
         * Sign in to the admin console
         * @description Exchanges the management token sent as `Authorization: Bearer kwa_…` for a short-lived console session:
         *     the answer sets the `keyward_session` cookie (`HttpOnly; SameSite=Strict; Path=/`, `Secure` over HTTPS)
         *     and carries the session's `csrf_token`. The cookie is accepted wherever a management token is, with that
         *     token's scopes (so signing in needs no scope); a request that changes something (POST, PATCH, DELETE)
         *     with the cookie must also send the `csrf_token` as the `X-Keyward-CSRF` header, or it is refused with
         *     403 `csrf_token_invalid`. The token itself is never stored in the session or in the browser; revoking,
         *     disabling or rotating it (after its grace period) ends the session.
         */
        post: operations["createConsoleSession"];
        /**
         * Sign out of the admin console
         * @description Ends the session on the server (the cookie no longer works, even if kept) and clears the cookie.
         */
        delete: operations["deleteConsoleSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events
         * @description Requires `events:read`. Objects contain only the allowed fields.
         */
        get: operations["listEvents"];
        put?: never;
        /**
         * Create an event
         * @description Requires `events:create`; every field sent must be allowed.
         */
        post: operations["createEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{record_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        /**
         * Get an event
         * @description Requires `events:read`.
         */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        /**
         * Delete an event
         * @description Requires `events:delete`.
         */
        delete: operations["deleteEvent"];
        options?: never;
        head?: never;
        /**
         * Update an event
         * @description Requires `events:update`; every field sent must be allowed.
         */
        patch: operations["updateEvent"];
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sessions
         * @description Requires `sessions:read`.
         */
        get: operations["listSessions"];
        put?: never;
        /**
         * Create a session
         * @description Requires `sessions:create`; every field sent must be allowed.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{record_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        /**
         * Get a session
         * @description Requires `sessions:read`.
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        /**
         * Delete a session
         * @description Requires `sessions:delete`.
         */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        /**
         * Update a session
         * @description Requires `sessions:update`; every field sent must be allowed.
         */
        patch: operations["updateSession"];
        trace?: never;
    };
    "/v1/attendees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List attendees
         * @description Requires `attendees:read`.
         */
        get: operations["listAttendees"];
        put?: never;
        /**
         * Register an attendee
         * @description Requires `attendees:create`; every field sent must be allowed.
         */
        post: operations["createAttendee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attendees/{record_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        /**
         * Get an attendee
         * @description Requires `attendees:read`.
         */
        get: operations["getAttendee"];
        put?: never;
        post?: never;
        /**
         * Delete an attendee
         * @description Requires `attendees:delete`.
         */
        delete: operations["deleteAttendee"];
        options?: never;
        head?: never;
        /**
         * Update an attendee (e.g. check in)
         * @description Requires `attendees:update`; every field sent must be allowed. Check in with `{"status":"checked_in"}`.
         */
        patch: operations["updateAttendee"];
        trace?: never;
    };
    "/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List people
         * @description Requires `people:read`.
         */
        get: operations["listPeople"];
        put?: never;
        /**
         * Create a person
         * @description Requires `people:create`; every field sent must be allowed.
         */
        post: operations["createPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{record_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        /**
         * Get a person
         * @description Requires `people:read`.
         */
        get: operations["getPerson"];
        put?: never;
        post?: never;
        /**
         * Delete a person
         * @description Requires `people:delete`.
         */
        delete: operations["deletePerson"];
        options?: never;
        head?: never;
        /**
         * Update a person
         * @description Requires `people:update`; every field sent must be allowed.
         */
        patch: operations["updatePerson"];
        trace?: never;
    };
    "/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List invoices
         * @description Requires `invoices:read`.
         */
        get: operations["listInvoices"];
        put?: never;
        /**
         * Create an invoice
         * @description Requires `invoices:create`; every field sent must be allowed.
         */
        post: operations["createInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{record_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        /**
         * Get an invoice
         * @description Requires `invoices:read`.
         */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        /**
         * Delete an invoice
         * @description Requires `invoices:delete`.
         */
        delete: operations["deleteInvoice"];
        options?: never;
        head?: never;
        /**
         * Update an invoice
         * @description Requires `invoices:update`; every field sent must be allowed.
         */
        patch: operations["updateInvoice"];
        trace?: never;
    };
    "/v1/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List documents
         * @description Requires `documents:read`.
         */
        get: operations["listDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/documents/{record_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        /**
         * Get a document's metadata
         * @description Requires `documents:read`.
         */
        get: operations["getDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/documents/{record_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        /**
         * Download a document
         * @description Requires `documents:download`.
         */
        get: operations["downloadDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An RFC 9457 problem detail. */
        Problem: {
            /** @description A URI identifying the problem type. */
            type: string;
            /** @description A short summary of the problem type. */
            title: string;
            /** @description The HTTP status code. */
            status: number;
            /** @description What went wrong, for a human. */
            detail: string;
            code: components["schemas"]["ProblemCode"];
            /** @description For validation problems, one entry per offending field. */
            errors?: components["schemas"]["FieldError"][];
            /** @description For `permission_denied`, the missing permission as `resource:action`. */
            missing_permission?: string;
            /** @description For `scope_missing`, the management scope the operation needs. */
            missing_scope?: string;
            /** @description For `scope_escalation`, the scopes the caller lacks. */
            scopes?: string[];
            /** @description For `field_not_allowed`, the fields that may not be written. */
            fields?: string[];
        };
        FieldError: {
            /** @description A JSON pointer into the request (`/body/permissions/0/resource`, `/query/limit`, `/params/user_id` for path parameters). */
            path: string;
            message: string;
        };
        /**
         * @description A stable machine-readable error code.
         * @enum {string}
         */
        ProblemCode: "validation_failed" | "invalid_json" | "payload_too_large" | "unsupported_media_type" | "not_found" | "method_not_allowed" | "missing_token" | "malformed_token" | "invalid_token" | "key_revoked" | "key_expired" | "key_disabled" | "owner_inactive" | "ip_not_allowed" | "feature_disabled" | "permission_denied" | "field_not_allowed" | "admin_required" | "integration_key_required" | "username_taken" | "token_in_use" | "token_checksum_mismatch" | "role_name_taken" | "integration_user_cannot_be_admin" | "user_is_admin" | "user_owns_keys" | "role_in_use" | "unknown_role" | "invalid_permissions" | "expiry_in_past" | "expiry_beyond_policy" | "invalid_cidr" | "unknown_user" | "last_admin" | "cors_origin_not_allowed" | "csrf_token_invalid" | "rate_limited" | "internal_error" | "store_unavailable" | "scope_missing" | "scope_escalation" | "last_manage_token" | "token_revoked" | "user_not_admin";
        /**
         * Format: date-time
         * @description An RFC 3339 timestamp in UTC.
         * @example 2026-11-23T10:00:00.000Z
         */
        Timestamp: string;
        /**
         * @description A user id.
         * @example usr_7Hq2LmP0aZ4xYb9c
         */
        UserIdValue: string;
        /**
         * @description A role id.
         * @example rol_4fJ2kq9ZxW1mN8pL
         */
        RoleIdValue: string;
        /**
         * @description An API key id.
         * @example key_Zp3Wq8Lr2Nx6Yb1T
         */
        KeyIdValue: string;
        /**
         * @description A business record id.
         * @example evt_Q1w2E3r4T5y6U7i8
         */
        RecordIdValue: string;
        /** @description Pass as `cursor` to get the next page; null on the last page. */
        NextCursor: string | null;
        Health: {
            /** @constant */
            status: "ok";
            version: string;
            /**
             * @description The storage adapter this server runs on.
             * @enum {string}
             */
            store: "embedded" | "postgres";
            /** @description False while this replica is further behind the database than its staleness bound; it then answers key verification with 503 `store_unavailable`. Route traffic on this flag. */
            ready: boolean;
            /** @description How far this replica's in-memory copy may be behind the database (0 on the embedded store). */
            lag_ms: number;
        };
        /**
         * @description `integration`: a dedicated user for one integration (never an admin). `person`: a human.
         * @enum {string}
         */
        UserKind: "integration" | "person";
        User: {
            id: components["schemas"]["UserIdValue"];
            /** @description Unique login-style name. */
            username: string;
            /** @description Display name. */
            name: string;
            /**
             * Format: email
             * @description Contact address for the integration's owner.
             */
            email: string | null;
            kind: components["schemas"]["UserKind"];
            /** @description Admins manage Keyward; they can't own integration keys. */
            is_admin: boolean;
            /** @description The roles granting this user's permissions. */
            role_ids: components["schemas"]["RoleIdValue"][];
            /** @description An inactive user's keys fail with 401. */
            active: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        UserCreate: {
            /** @description Unique; lower-case letters, digits, `.`, `_`, `-`. */
            username: string;
            name: string;
            /** Format: email */
            email?: string | null;
            /** @default integration */
            kind?: components["schemas"]["UserKind"];
            /** @default false */
            is_admin?: boolean;
            /** @default [] */
            role_ids?: components["schemas"]["RoleIdValue"][];
            /** @default true */
            active?: boolean;
        };
        UserUpdate: {
            username?: string;
            name?: string;
            /** Format: email */
            email?: string | null;
            is_admin?: boolean;
            role_ids?: components["schemas"]["RoleIdValue"][];
            active?: boolean;
        };
        UserDeleted: {
            id: components["schemas"]["UserIdValue"];
            /** @description How many of the user's keys were revoked. */
            revoked_keys: number;
        };
        UserPage: {
            data: components["schemas"]["User"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        /**
         * @description A resource of the business API.
         * @enum {string}
         */
        ResourceName: "events" | "sessions" | "attendees" | "people" | "invoices" | "documents";
        /**
         * @description An action on a resource.
         * @enum {string}
         */
        Action: "create" | "read" | "update" | "delete" | "download";
        /**
         * @description Grants `actions` on `resource`, optionally limited to `fields` (absent = every field; `id` is always visible).
         * @example {
         *       "resource": "people",
         *       "actions": [
         *         "read"
         *       ],
         *       "fields": [
         *         "first_name",
         *         "last_name"
         *       ]
         *     }
         */
        PermissionGrant: {
            resource: components["schemas"]["ResourceName"];
            actions: components["schemas"]["Action"][];
            fields?: string[];
        };
        PermissionList: components["schemas"]["PermissionGrant"][];
        /**
         * @description A preset from the catalog, e.g. `events_people_read`.
         * @example events_people_read
         */
        PresetName: string;
        Role: {
            id: components["schemas"]["RoleIdValue"];
            /** @description Unique name. */
            name: string;
            description: string;
            /** @description The granted permissions (a preset's, expanded, when `preset` is set). */
            permissions: components["schemas"]["PermissionGrant"][];
            /** @description The preset this role was given, if any. */
            preset: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        /** @description Give exactly one of `permissions` or `preset`. */
        RoleCreate: {
            name: string;
            /** @default  */
            description?: string;
            permissions?: components["schemas"]["PermissionList"];
            preset?: components["schemas"]["PresetName"];
        } & ({
            permissions: components["schemas"]["PermissionList"];
            preset?: never;
        } | {
            preset: components["schemas"]["PresetName"];
            permissions?: never;
        });
        /** @description Give at most one of `permissions` or `preset`. */
        RoleUpdate: {
            name?: string;
            description?: string;
            permissions?: components["schemas"]["PermissionList"];
            preset?: components["schemas"]["PresetName"];
        } & ({
            preset?: never;
        } | {
            preset: components["schemas"]["PresetName"];
            permissions?: never;
        });
        RolePage: {
            data: components["schemas"]["Role"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        /**
         * @description `revoked` wins over `expired`, which wins over `disabled`. Only `active` keys authenticate.
         * @enum {string}
         */
        ApiKeyStatus: "active" | "disabled" | "expired" | "revoked";
        /** @description An API key. Its token is never part of it. */
        ApiKey: components["schemas"]["ApiKeyFields"];
        /** @description The fields of an API key (open, so that `ApiKey` and `ApiKeyWithToken` can close it each their own way). */
        ApiKeyFields: {
            id: components["schemas"]["KeyIdValue"];
            /** @description Sequential number shown to humans ("key #12"). */
            number: number;
            name: string;
            description: string;
            user_id: components["schemas"]["UserIdValue"];
            /** @description The id of the admin user who created the key. */
            created_by: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /**
             * Format: date-time
             * @description When the key stops working; null = never.
             */
            expires_at: string | null;
            /** @description False when disabled (by hand or for inactivity). */
            active: boolean;
            status: components["schemas"]["ApiKeyStatus"];
            /** @enum {string|null} */
            disabled_reason: "manual" | "inactivity" | null;
            /**
             * @description The first characters of the token, to recognise it.
             * @example kw_3fZq9Lx
             */
            prefix: string;
            permissions: components["schemas"]["PermissionGrant"][];
            /** @description The preset this key was given, if any. */
            preset: string | null;
            /** @description Client addresses or CIDR ranges allowed to use the key; empty = any. */
            allowed_ips: string[];
            /** Format: date-time */
            last_used_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
        };
        /** @description A key with its token; the token is shown only here, once. */
        ApiKeyWithToken: {
            /**
             * @description The secret, when Keyward generated it. Store it now; it is never shown again. Absent when the request supplied the token.
             * @example kw_3fZq9LxB7mN2pQ8rT1vW4yZ6aC0dE51Mw4NF
             */
            token?: string;
        } & components["schemas"]["ApiKeyFields"];
        /** @description Give exactly one of `permissions` or `preset`. */
        ApiKeyCreate: {
            name: string;
            /** @default  */
            description?: string;
            user_id: components["schemas"]["UserIdValue"];
            /**
             * Format: date-time
             * @description Must be in the future; null = never (unless a lifetime policy applies).
             */
            expires_at?: string | null;
            /** @default true */
            active?: boolean;
            permissions?: components["schemas"]["PermissionList"];
            preset?: components["schemas"]["PresetName"];
            allowed_ips?: components["schemas"]["AllowedIps"];
            token?: components["schemas"]["SuppliedToken"];
        } & ({
            permissions: components["schemas"]["PermissionList"];
            preset?: never;
        } | {
            preset: components["schemas"]["PresetName"];
            permissions?: never;
        });
        /** @description Give at most one of `permissions` or `preset`. */
        ApiKeyUpdate: {
            name?: string;
            description?: string;
            /** Format: date-time */
            expires_at?: string | null;
            active?: boolean;
            permissions?: components["schemas"]["PermissionList"];
            preset?: components["schemas"]["PresetName"];
            allowed_ips?: components["schemas"]["AllowedIps"];
        } & ({
            preset?: never;
        } | {
            preset: components["schemas"]["PresetName"];
            permissions?: never;
        });
        /**
         * @description IPv4/IPv6 addresses or CIDR ranges; empty = any address.
         * @example [
         *       "203.0.113.0/24",
         *       "2001:db8::/32"
         *     ]
         */
        AllowedIps: string[];
        ApiKeyPage: {
            data: components["schemas"]["ApiKey"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        RotateRequest: {
            /**
             * @description How long the old token keeps working (at most 7 days).
             * @default 0
             */
            grace_period_seconds?: number;
            token?: components["schemas"]["SuppliedToken"];
        };
        /**
         * @description A token made by the client instead of by Keyward: `kw_`, 30 random base62 characters, then the 6-character
         *     base62 CRC32 checksum of everything before it (422 `token_checksum_mismatch` otherwise: a rule JSON Schema can't
         *     state). It must be new (409 `token_in_use` if any key has or had it) and
         *     must come from a cryptographic random source: Keyward can check its format, not its randomness.
         * @example kw_3fZq9LxB7mN2pQ8rT1vW4yZ6aC0dE51Mw4NF
         */
        SuppliedToken: string;
        RevokeAllRequest: {
            /**
             * @description Must be exactly `REVOKE ALL KEYS`.
             * @constant
             */
            confirm: "REVOKE ALL KEYS";
        };
        RevokeAllResult: {
            /** @description How many keys were revoked. */
            revoked: number;
        };
        PermissionCatalog: {
            resources: components["schemas"]["CatalogResource"][];
            presets: components["schemas"]["CatalogPreset"][];
        };
        CatalogResource: {
            name: components["schemas"]["ResourceName"];
            description: string;
            actions: components["schemas"]["Action"][];
            fields: string[];
        };
        CatalogPreset: {
            name: string;
            description: string;
            permissions: components["schemas"]["PermissionGrant"][];
        };
        Settings: {
            features: components["schemas"]["Features"];
            /** @description Keys unused for this many days are disabled automatically (0 = never). */
            key_inactivity_days: number;
            /** @description When set, every new key must expire within this many days. */
            max_key_lifetime_days: number | null;
            /** @description Revoked keys are purged this many days after their revocation (0 = kept forever). The audit log keeps the record of their life. */
            revoked_key_retention_days: number;
            updated_at: components["schemas"]["Timestamp"];
        };
        Features: {
            /** @description When off, the business API answers 402 to every key. */
            external_connectivity: boolean;
        };
        SettingsUpdate: {
            features?: {
                external_connectivity?: boolean;
            };
            key_inactivity_days?: number;
            max_key_lifetime_days?: number | null;
            revoked_key_retention_days?: number;
        };
        /** @enum {string} */
        AuditAction: "user.created" | "user.updated" | "user.deleted" | "role.created" | "role.updated" | "role.deleted" | "key.created" | "key.updated" | "key.rotated" | "key.revoked" | "key.revoked_all" | "key.disabled_inactive" | "key.refused" | "settings.updated" | "admin_token.created" | "management_token.created" | "management_token.updated" | "management_token.rotated" | "management_token.revoked";
        AuditEvent: {
            id: string;
            time: components["schemas"]["Timestamp"];
            action: components["schemas"]["AuditAction"];
            actor: {
                /** @enum {string} */
                type: "admin" | "key" | "system" | "anonymous";
                /** @description The admin user, the key or null. */
                id: string | null;
                /** @description For an admin actor, the management token the change was made with. */
                token_id?: string | null;
            };
            target: {
                /** @enum {string} */
                type: "user" | "role" | "key" | "settings" | "admin_token" | "management_token" | "request";
                id: string | null;
            };
            /** @description The names of the fields that changed (never their secret values). */
            changes: string[];
            /** @description For refusals, the stable reason code. */
            reason?: string;
            /** @description For refusals, what was asked. */
            request?: {
                method?: string;
                path?: string;
                ip?: string;
            };
        };
        AuditEventPage: {
            data: components["schemas"]["AuditEvent"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        /**
         * @description What a management token may do; each management operation names the scope it needs (`x-keyward-scope`).
         *     A `…:write` scope includes the matching `…:read`.
         * @enum {string}
         */
        ManagementScope: "users:read" | "users:write" | "roles:read" | "roles:write" | "keys:read" | "keys:write" | "settings:read" | "settings:write" | "audit:read" | "keys:verify" | "tokens:manage";
        ManagementScopeList: components["schemas"]["ManagementScope"][];
        /**
         * @description A management token id.
         * @example adm_4Tq9ZxW1mN8pLr2K
         */
        ManagementTokenIdValue: string;
        /** @description A management token. Its secret is never part of it. */
        ManagementToken: components["schemas"]["ManagementTokenFields"];
        /** @description The fields of a management token (open, so that `ManagementToken` and `ManagementTokenWithToken` can close it each their own way). */
        ManagementTokenFields: {
            id: components["schemas"]["ManagementTokenIdValue"];
            user_id: components["schemas"]["UserIdValue"];
            name: string;
            description: string;
            scopes: components["schemas"]["ManagementScope"][];
            /**
             * Format: date-time
             * @description When the token stops working; null = never.
             */
            expires_at: string | null;
            /** @description False when disabled. */
            active: boolean;
            status: components["schemas"]["ApiKeyStatus"];
            /**
             * @description The first characters of the token, to recognise it.
             * @example kwa_3fZq9L
             */
            prefix: string;
            /** @description The id of the admin user who issued the token (`system` for the first one). */
            created_by: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            last_used_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
        };
        /** @description A management token with its secret; the secret is shown only here, once. */
        ManagementTokenWithToken: {
            /**
             * @description The secret. Store it now; it is never shown again.
             * @example kwa_3fZq9LxB7mN2pQ8rT1vW4yZ6aC0dE51Mw4NF
             */
            token: string;
        } & components["schemas"]["ManagementTokenFields"];
        ManagementTokenCreate: {
            name: string;
            /** @default  */
            description?: string;
            /** @description The admin user the token belongs to; the caller's own user when left out. */
            user_id?: components["schemas"]["UserIdValue"];
            scopes: components["schemas"]["ManagementScopeList"];
            /**
             * Format: date-time
             * @description Must be in the future; null = never.
             */
            expires_at?: string | null;
            /** @default true */
            active?: boolean;
        };
        ManagementTokenUpdate: {
            name?: string;
            description?: string;
            scopes?: components["schemas"]["ManagementScopeList"];
            /** Format: date-time */
            expires_at?: string | null;
            active?: boolean;
        };
        ManagementTokenPage: {
            data: components["schemas"]["ManagementToken"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        ConsoleSession: {
            user: {
                id: components["schemas"]["UserIdValue"];
                username: string;
            };
            /** @description Send it as `X-Keyward-CSRF` with every POST, PATCH and DELETE made with the session cookie. */
            csrf_token: string;
            /**
             * Format: date-time
             * @description When the session ends (it is short-lived; sign in again after it).
             */
            expires_at: string;
        };
        Me: {
            key: {
                id: components["schemas"]["KeyIdValue"];
                name: string;
                prefix: string;
                /** Format: date-time */
                expires_at: string | null;
            };
            user: {
                id: components["schemas"]["UserIdValue"];
                username: string;
            };
            /** @description Effective permissions (the key's, within its owner's roles). */
            permissions: components["schemas"]["PermissionGrant"][];
        };
        VerifyRequest: {
            /** @description The token to check. It is never logged or stored. */
            token: string;
            resource: components["schemas"]["ResourceName"];
            action: components["schemas"]["Action"];
            /** @description Fields the caller wants to write; each must be allowed. */
            fields?: string[];
            /** @description The client address to check against the key's `allowed_ips`. */
            ip?: string;
        };
        VerifyResult: {
            allowed: boolean;
            /**
             * @description A stable reason code.
             * @enum {string}
             */
            reason: "ok" | "malformed_token" | "invalid_token" | "key_revoked" | "key_expired" | "key_disabled" | "owner_inactive" | "ip_not_allowed" | "feature_disabled" | "permission_denied" | "field_not_allowed";
            key_id: string | null;
            user_id: string | null;
            /** @description The fields visible for this action (null when refused). */
            allowed_fields: string[] | null;
            /** @description For `field_not_allowed`, the requested fields that may not be written. */
            refused_fields?: string[];
        };
        /** @description An event. Fields the key may not read are left out. */
        Event: {
            id: components["schemas"]["RecordIdValue"];
            name?: string;
            starts_at?: components["schemas"]["Timestamp"];
            ends_at?: components["schemas"]["Timestamp"];
            venue?: string;
            capacity?: number;
            /** @enum {string} */
            status?: "draft" | "published" | "cancelled";
        };
        EventInput: {
            name: string;
            starts_at: components["schemas"]["Timestamp"];
            ends_at?: components["schemas"]["Timestamp"];
            venue?: string;
            capacity?: number;
            /** @enum {string} */
            status?: "draft" | "published" | "cancelled";
        };
        EventPatch: {
            name?: string;
            starts_at?: components["schemas"]["Timestamp"];
            ends_at?: components["schemas"]["Timestamp"];
            venue?: string;
            capacity?: number;
            /** @enum {string} */
            status?: "draft" | "published" | "cancelled";
        };
        EventPage: {
            data: components["schemas"]["Event"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        Session: {
            id: components["schemas"]["RecordIdValue"];
            event_id?: components["schemas"]["RecordIdValue"];
            title?: string;
            starts_at?: components["schemas"]["Timestamp"];
            room?: string;
            speaker?: string;
        };
        SessionInput: {
            event_id: components["schemas"]["RecordIdValue"];
            title: string;
            starts_at?: components["schemas"]["Timestamp"];
            room?: string;
            speaker?: string;
        };
        SessionPatch: {
            event_id?: components["schemas"]["RecordIdValue"];
            title?: string;
            starts_at?: components["schemas"]["Timestamp"];
            room?: string;
            speaker?: string;
        };
        SessionPage: {
            data: components["schemas"]["Session"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        Attendee: {
            id: components["schemas"]["RecordIdValue"];
            event_id?: components["schemas"]["RecordIdValue"];
            person_id?: components["schemas"]["RecordIdValue"];
            /** @enum {string} */
            status?: "registered" | "checked_in" | "cancelled";
            badge_name?: string;
            /** Format: date-time */
            checked_in_at?: string | null;
        };
        AttendeeInput: {
            event_id: components["schemas"]["RecordIdValue"];
            person_id: components["schemas"]["RecordIdValue"];
            /** @enum {string} */
            status?: "registered" | "checked_in" | "cancelled";
            badge_name?: string;
            /** Format: date-time */
            checked_in_at?: string | null;
        };
        AttendeePatch: {
            event_id?: components["schemas"]["RecordIdValue"];
            person_id?: components["schemas"]["RecordIdValue"];
            /** @enum {string} */
            status?: "registered" | "checked_in" | "cancelled";
            badge_name?: string;
            /** Format: date-time */
            checked_in_at?: string | null;
        };
        AttendeePage: {
            data: components["schemas"]["Attendee"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        Person: {
            id: components["schemas"]["RecordIdValue"];
            first_name?: string;
            last_name?: string;
            email?: string;
            phone?: string;
            company?: string;
            /** Format: date */
            date_of_birth?: string;
        };
        PersonInput: {
            first_name: string;
            last_name: string;
            /** Format: email */
            email?: string;
            phone?: string;
            company?: string;
            /** Format: date */
            date_of_birth?: string;
        };
        PersonPatch: {
            first_name?: string;
            last_name?: string;
            /** Format: email */
            email?: string;
            phone?: string;
            company?: string;
            /** Format: date */
            date_of_birth?: string;
        };
        PersonPage: {
            data: components["schemas"]["Person"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        Invoice: {
            id: components["schemas"]["RecordIdValue"];
            person_id?: components["schemas"]["RecordIdValue"];
            amount_cents?: number;
            currency?: string;
            /** @enum {string} */
            status?: "draft" | "issued" | "paid" | "void";
            issued_at?: components["schemas"]["Timestamp"];
            due_at?: components["schemas"]["Timestamp"];
        };
        InvoiceInput: {
            person_id: components["schemas"]["RecordIdValue"];
            amount_cents: number;
            currency: string;
            /** @enum {string} */
            status?: "draft" | "issued" | "paid" | "void";
            issued_at?: components["schemas"]["Timestamp"];
            due_at?: components["schemas"]["Timestamp"];
        };
        InvoicePatch: {
            person_id?: components["schemas"]["RecordIdValue"];
            amount_cents?: number;
            currency?: string;
            /** @enum {string} */
            status?: "draft" | "issued" | "paid" | "void";
            issued_at?: components["schemas"]["Timestamp"];
            due_at?: components["schemas"]["Timestamp"];
        };
        InvoicePage: {
            data: components["schemas"]["Invoice"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        Document: {
            id: components["schemas"]["RecordIdValue"];
            title?: string;
            content_type?: string;
            size_bytes?: number;
            created_at?: components["schemas"]["Timestamp"];
        };
        DocumentPage: {
            data: components["schemas"]["Document"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
    };
    responses: {
        /** @description The request is malformed (bad JSON, wrong types, unknown fields, bad ids or parameters). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://keyward.dev/problems/validation_failed",
                 *       "title": "Request validation failed",
                 *       "status": 400,
                 *       "detail": "request/body/expires_at must match format \"date-time\"",
                 *       "code": "validation_failed",
                 *       "errors": [
                 *         {
                 *           "path": "/body/expires_at",
                 *           "message": "must match format \"date-time\""
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid token (missing, malformed, bad checksum, unknown, revoked, expired, disabled, owner inactive or deleted, or client IP not allowed). */
        Unauthorized: {
            headers: {
                /** @description The authentication scheme to use. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://keyward.dev/problems/key_expired",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "The API key expired at 2026-01-01T00:00:00.000Z.",
                 *       "code": "key_expired"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The workspace feature `external_connectivity` is off. */
        PaymentRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The token is valid but not allowed to do this: a missing permission (`permission_denied`, checked before the
         *     request is validated), a field not allowed, an admin token required, a missing scope (`scope_missing`) or a
         *     token that would get scopes its creator lacks (`scope_escalation`).
         */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://keyward.dev/problems/permission_denied",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "The key lacks the permission events:create.",
                 *       "code": "permission_denied"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such object. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The change conflicts with the current state (a rule of Keyward would be broken). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://keyward.dev/problems/user_owns_keys",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The user owns 2 API keys and can't be made an admin; revoke them first.",
                 *       "code": "user_owns_keys"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the server accepts. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is well-formed but breaks a rule (unknown field in the catalog, expiry in the past, bad CIDR, policy). */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description `store_unavailable` (PostgreSQL store only): the database can't be reached (a write: nothing was
         *     written), or this replica is further behind it than its staleness bound, so it refuses to authenticate
         *     credentials and verify keys (fails closed). Retry after `Retry-After` seconds.
         */
        StoreUnavailable: {
            headers: {
                /** @description Seconds to wait before retrying. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Too many failed guesses from this client address (well-formed tokens that match no usable credential):
         *     until the window ends, every further guess from it is answered 429 instead of 401. A valid token is
         *     never refused for someone else's failures, and a missing or malformed token always gets 401. Retry after
         *     the number of seconds in `Retry-After`.
         */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait before retrying. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description The `next_cursor` of the previous page. */
        Cursor: string;
        /** @description Page size. */
        Limit: number;
        /** @description The user's id. */
        UserId: components["schemas"]["UserIdValue"];
        /** @description The role's id. */
        RoleId: components["schemas"]["RoleIdValue"];
        /** @description The key's id. */
        KeyId: components["schemas"]["KeyIdValue"];
        /** @description The management token's id. */
        ManagementTokenId: components["schemas"]["ManagementTokenIdValue"];
        /** @description The business record's id. */
        RecordId: components["schemas"]["RecordIdValue"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];
export type ProblemCode = components['schemas']['ProblemCode'];
export type Timestamp = components['schemas']['Timestamp'];
export type UserIdValue = components['schemas']['UserIdValue'];
export type RoleIdValue = components['schemas']['RoleIdValue'];
export type KeyIdValue = components['schemas']['KeyIdValue'];
export type RecordIdValue = components['schemas']['RecordIdValue'];
export type NextCursor = components['schemas']['NextCursor'];
export type Health = components['schemas']['Health'];
export type UserKind = components['schemas']['UserKind'];
export type User = components['schemas']['User'];
export type UserCreate = components['schemas']['UserCreate'];
export type UserUpdate = components['schemas']['UserUpdate'];
export type UserDeleted = components['schemas']['UserDeleted'];
export type UserPage = components['schemas']['UserPage'];
export type ResourceName = components['schemas']['ResourceName'];
export type Action = components['schemas']['Action'];
export type PermissionGrant = components['schemas']['PermissionGrant'];
export type PermissionList = components['schemas']['PermissionList'];
export type PresetName = components['schemas']['PresetName'];
export type Role = components['schemas']['Role'];
export type RoleCreate = components['schemas']['RoleCreate'];
export type RoleUpdate = components['schemas']['RoleUpdate'];
export type RolePage = components['schemas']['RolePage'];
export type ApiKeyStatus = components['schemas']['ApiKeyStatus'];
export type ApiKey = components['schemas']['ApiKey'];
export type ApiKeyFields = components['schemas']['ApiKeyFields'];
export type ApiKeyWithToken = components['schemas']['ApiKeyWithToken'];
export type ApiKeyCreate = components['schemas']['ApiKeyCreate'];
export type ApiKeyUpdate = components['schemas']['ApiKeyUpdate'];
export type AllowedIps = components['schemas']['AllowedIps'];
export type ApiKeyPage = components['schemas']['ApiKeyPage'];
export type RotateRequest = components['schemas']['RotateRequest'];
export type SuppliedToken = components['schemas']['SuppliedToken'];
export type RevokeAllRequest = components['schemas']['RevokeAllRequest'];
export type RevokeAllResult = components['schemas']['RevokeAllResult'];
export type PermissionCatalog = components['schemas']['PermissionCatalog'];
export type CatalogResource = components['schemas']['CatalogResource'];
export type CatalogPreset = components['schemas']['CatalogPreset'];
export type Settings = components['schemas']['Settings'];
export type Features = components['schemas']['Features'];
export type SettingsUpdate = components['schemas']['SettingsUpdate'];
export type AuditAction = components['schemas']['AuditAction'];
export type AuditEvent = components['schemas']['AuditEvent'];
export type AuditEventPage = components['schemas']['AuditEventPage'];
export type ManagementScope = components['schemas']['ManagementScope'];
export type ManagementScopeList = components['schemas']['ManagementScopeList'];
export type ManagementTokenIdValue = components['schemas']['ManagementTokenIdValue'];
export type ManagementToken = components['schemas']['ManagementToken'];
export type ManagementTokenFields = components['schemas']['ManagementTokenFields'];
export type ManagementTokenWithToken = components['schemas']['ManagementTokenWithToken'];
export type ManagementTokenCreate = components['schemas']['ManagementTokenCreate'];
export type ManagementTokenUpdate = components['schemas']['ManagementTokenUpdate'];
export type ManagementTokenPage = components['schemas']['ManagementTokenPage'];
export type ConsoleSession = components['schemas']['ConsoleSession'];
export type Me = components['schemas']['Me'];
export type VerifyRequest = components['schemas']['VerifyRequest'];
export type VerifyResult = components['schemas']['VerifyResult'];
export type Event = components['schemas']['Event'];
export type EventInput = components['schemas']['EventInput'];
export type EventPatch = components['schemas']['EventPatch'];
export type EventPage = components['schemas']['EventPage'];
export type Session = components['schemas']['Session'];
export type SessionInput = components['schemas']['SessionInput'];
export type SessionPatch = components['schemas']['SessionPatch'];
export type SessionPage = components['schemas']['SessionPage'];
export type Attendee = components['schemas']['Attendee'];
export type AttendeeInput = components['schemas']['AttendeeInput'];
export type AttendeePatch = components['schemas']['AttendeePatch'];
export type AttendeePage = components['schemas']['AttendeePage'];
export type Person = components['schemas']['Person'];
export type PersonInput = components['schemas']['PersonInput'];
export type PersonPatch = components['schemas']['PersonPatch'];
export type PersonPage = components['schemas']['PersonPage'];
export type Invoice = components['schemas']['Invoice'];
export type InvoiceInput = components['schemas']['InvoiceInput'];
export type InvoicePatch = components['schemas']['InvoicePatch'];
export type InvoicePage = components['schemas']['InvoicePage'];
export type Document = components['schemas']['Document'];
export type DocumentPage = components['schemas']['DocumentPage'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponsePaymentRequired = components['responses']['PaymentRequired'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponsePayloadTooLarge = components['responses']['PayloadTooLarge'];
export type ResponseUnsupportedMediaType = components['responses']['UnsupportedMediaType'];
export type ResponseUnprocessableEntity = components['responses']['UnprocessableEntity'];
export type ResponseStoreUnavailable = components['responses']['StoreUnavailable'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ParameterCursor = components['parameters']['Cursor'];
export type ParameterLimit = components['parameters']['Limit'];
export type ParameterUserId = components['parameters']['UserId'];
export type ParameterRoleId = components['parameters']['RoleId'];
export type ParameterKeyId = components['parameters']['KeyId'];
export type ParameterManagementTokenId = components['parameters']['ManagementTokenId'];
export type ParameterRecordId = components['parameters']['RecordId'];
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Only users of this kind. */
                kind?: components["schemas"]["UserKind"];
                /** @description Only active (`true`) or inactive (`false`) users. */
                active?: boolean;
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description The user was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user was deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDeleted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description The updated user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listRoles: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of roles. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleCreate"];
            };
        };
        responses: {
            /** @description The role was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The role's id. */
                role_id: components["parameters"]["RoleId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The role. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The role's id. */
                role_id: components["parameters"]["RoleId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The role was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    updateRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The role's id. */
                role_id: components["parameters"]["RoleId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleUpdate"];
            };
        };
        responses: {
            /** @description The updated role. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description Only keys owned by this user. */
                user_id?: components["schemas"]["UserIdValue"];
                /** @description Only keys with this status. */
                status?: components["schemas"]["ApiKeyStatus"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description The key was created. `token` is shown only in this response. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    revokeAllApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeAllRequest"];
            };
        };
        responses: {
            /** @description The keys were revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokeAllResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's id. */
                key_id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's id. */
                key_id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    updateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's id. */
                key_id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyUpdate"];
            };
        };
        responses: {
            /** @description The updated key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    rotateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's id. */
                key_id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateRequest"];
            };
        };
        responses: {
            /** @description The key with its new token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getPermissionCatalog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalog. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PermissionCatalog"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsUpdate"];
            };
        };
        responses: {
            /** @description The updated settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Only events of this action. */
                action?: components["schemas"]["AuditAction"];
                /** @description Only events about this object. */
                target_id?: string;
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    verifyKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyRequest"];
            };
        };
        responses: {
            /** @description The decision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getCurrentManagementToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementToken"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listManagementTokens: {
        parameters: {
            query?: {
                /** @description Only tokens of this admin user. */
                user_id?: components["schemas"]["UserIdValue"];
                /** @description Only tokens with this status. */
                status?: components["schemas"]["ApiKeyStatus"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of management tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementTokenPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    createManagementToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManagementTokenCreate"];
            };
        };
        responses: {
            /** @description The token was created. `token` is shown only in this response. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementTokenWithToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getManagementToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The management token's id. */
                token_id: components["parameters"]["ManagementTokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The management token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    revokeManagementToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The management token's id. */
                token_id: components["parameters"]["ManagementTokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    updateManagementToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The management token's id. */
                token_id: components["parameters"]["ManagementTokenId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManagementTokenUpdate"];
            };
        };
        responses: {
            /** @description The updated token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    rotateManagementToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The management token's id. */
                token_id: components["parameters"]["ManagementTokenId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateRequest"];
            };
        };
        responses: {
            /** @description The token with its new secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementTokenWithToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    createConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session was opened; `Set-Cookie` carries it. */
            201: {
                headers: {
                    /** @description `keyward_session=…; HttpOnly; SameSite=Strict; Path=/; Max-Age=…` */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deleteConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is over. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    createEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventInput"];
            };
        };
        responses: {
            /** @description The created event. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deleteEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    updateEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventPatch"];
            };
        };
        responses: {
            /** @description The updated event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listSessions: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sessions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionInput"];
            };
        };
        responses: {
            /** @description The created session. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    updateSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionPatch"];
            };
        };
        responses: {
            /** @description The updated session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listAttendees: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of attendees. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendeePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    createAttendee: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttendeeInput"];
            };
        };
        responses: {
            /** @description The created attendee. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attendee"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getAttendee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attendee. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attendee"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deleteAttendee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attendee was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    updateAttendee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttendeePatch"];
            };
        };
        responses: {
            /** @description The updated attendee. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attendee"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listPeople: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of people. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    createPerson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonInput"];
            };
        };
        responses: {
            /** @description The created person. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deletePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    updatePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonPatch"];
            };
        };
        responses: {
            /** @description The updated person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of invoices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoicePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    createInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceInput"];
            };
        };
        responses: {
            /** @description The created invoice. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    deleteInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    updateInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoicePatch"];
            };
        };
        responses: {
            /** @description The updated invoice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    listDocuments: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document's metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
    downloadDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The business record's id. */
                record_id: components["parameters"]["RecordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document's content. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["StoreUnavailable"];
        };
    };
}
