-- Admin tokens become management tokens (issue 10): named, scoped, expiring, rotatable with a grace period.
-- The existing token (the bootstrap one) could do everything, so it gets every scope that exists now.
ALTER TABLE admin_tokens RENAME TO management_tokens;
ALTER TABLE management_tokens ADD COLUMN previous_token_hash text UNIQUE;
UPDATE management_tokens SET doc = doc || jsonb_build_object(
  'name', 'bootstrap',
  'description', '',
  'scopes', '["users:read","users:write","roles:read","roles:write","keys:read","keys:write","settings:read","settings:write","audit:read","keys:verify","tokens:manage"]'::jsonb,
  'expires_at', NULL,
  'active', true,
  'created_by', 'system',
  'updated_at', doc->'created_at',
  'revoked_at', NULL,
  'previous_token_hash', NULL,
  'previous_token_expires_at', NULL
);
-- The replicas' change feed names mirrored tables by kind.
UPDATE cache_events SET kind = 'management_tokens' WHERE kind = 'admin_tokens';
