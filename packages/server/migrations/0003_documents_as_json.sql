-- Documents are stored as json, not jsonb: json keeps the text exactly as written, so every string a client may
-- send round-trips as it does in the embedded store (jsonb refuses U+0000, which JSON allows: a 500 for a record
-- named "a\u0000b"), and objects keep their key order. Nothing queries inside a document; the columns beside it
-- serve constraints and lookups.
ALTER TABLE users ALTER COLUMN doc TYPE json USING doc::json;
ALTER TABLE roles ALTER COLUMN doc TYPE json USING doc::json;
ALTER TABLE api_keys ALTER COLUMN doc TYPE json USING doc::json;
ALTER TABLE management_tokens ALTER COLUMN doc TYPE json USING doc::json;
ALTER TABLE business_records ALTER COLUMN doc TYPE json USING doc::json;
