-- API bearer tokens: only a SHA-256 of the token is stored; revocation and expiry are checked on every request.
CREATE TABLE access_api_token (
  token_hash CHAR(64)                 NOT NULL,
  user_id    UUID                     NOT NULL,
  issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT access_api_token_pk PRIMARY KEY (token_hash),
  CONSTRAINT access_api_token_user_fk FOREIGN KEY (user_id) REFERENCES access_user (id) ON DELETE CASCADE
);
CREATE INDEX access_api_token_user_idx ON access_api_token (user_id);

-- Failed sign-ins per username as typed (whether or not the account exists, so throttling reveals nothing).
CREATE TABLE access_sign_in_failure (
  username_key  VARCHAR(100)             NOT NULL,
  failures      INTEGER                  NOT NULL,
  window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_until  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT access_sign_in_failure_pk PRIMARY KEY (username_key)
);
