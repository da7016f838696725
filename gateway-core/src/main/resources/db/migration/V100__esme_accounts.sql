-- ESME accounts that may bind to the gateway's SMPP server (io.vasgate.account.EsmeAccountRepository).
-- Seeded from conf/ at start-up: missing accounts are inserted, existing ones are never overwritten.
CREATE TABLE esme_account (
  system_id             VARCHAR(15)  NOT NULL COMMENT 'SMPP system_id, visible ASCII, case-sensitive',
  password_hash         VARCHAR(255) NOT NULL COMMENT 'pbkdf2-sha256$iterations$salt$hash',
  bind_types            VARCHAR(64)  NOT NULL COMMENT 'comma-separated: TRANSMITTER,RECEIVER,TRANSCEIVER',
  max_binds             INT          NOT NULL COMMENT 'concurrent binds allowed',
  ip_allowlist          TEXT         NOT NULL COMMENT 'comma-separated CIDR ranges; empty allows any address',
  role                  VARCHAR(16)  NOT NULL COMMENT 'ESME or MO_SOURCE',
  max_submit_per_second INT          NOT NULL,
  window_size           INT          NOT NULL COMMENT 'max outstanding requests per session',
  enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (system_id),
  CONSTRAINT esme_account_max_binds_positive CHECK (max_binds > 0),
  CONSTRAINT esme_account_rate_positive CHECK (max_submit_per_second > 0),
  CONSTRAINT esme_account_window_positive CHECK (window_size > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
