-- The internal ledger (io.vasgate.billing.charging.ledger) and the call detail records
-- (io.vasgate.billing.cdr). All DATETIME columns hold UTC.

-- Balances of prepaid subscribers. A number without a row is a postpaid account that can always
-- pay (the operator bills it later); a row can also bar a number or mark it postpaid explicitly.
CREATE TABLE subscriber_account (
  msisdn      VARCHAR(32) NOT NULL,
  prepaid     BOOLEAN     NOT NULL COMMENT 'false: postpaid, balance_fen is ignored',
  balance_fen BIGINT      NOT NULL COMMENT 'prepaid balance in fen',
  barred      BOOLEAN     NOT NULL COMMENT 'true: every charge is REJECTED',
  updated_at  DATETIME(3) NOT NULL COMMENT 'UTC',
  PRIMARY KEY (msisdn),
  CONSTRAINT subscriber_account_balance_not_negative CHECK (balance_fen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per charge or refund attempt with a definite outcome, keyed by the caller's idempotency
-- key: the first call inserts the row and decides, every later call with the key reads it back.
CREATE TABLE ledger_entry (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  entry_type        VARCHAR(8)   NOT NULL COMMENT 'CHARGE or REFUND',
  idempotency_key   VARCHAR(128) NOT NULL,
  msisdn            VARCHAR(32)  NOT NULL,
  amount_fen        BIGINT       NOT NULL COMMENT 'positive, as requested',
  status            VARCHAR(24)  NOT NULL COMMENT 'SUCCESS, INSUFFICIENT_BALANCE or REJECTED',
  detail            VARCHAR(255) NOT NULL,
  balance_after_fen BIGINT       NULL     COMMENT 'prepaid balance after this entry; NULL when postpaid',
  partner_code      VARCHAR(32)  NULL     COMMENT 'charges only',
  service_number    VARCHAR(32)  NULL     COMMENT 'charges only',
  product_code      VARCHAR(16)  NULL     COMMENT 'charges only',
  charge_type       VARCHAR(16)  NULL     COMMENT 'charges only: MONTHLY, PER_USE or FREE',
  charge_reason     VARCHAR(16)  NULL     COMMENT 'charges only: ORDER, RENEWAL or PER_USE',
  causing_mo_id     BIGINT       NULL     COMMENT 'charges only: the MO that caused it',
  refunded_fen      BIGINT       NOT NULL DEFAULT 0 COMMENT 'charges only: sum of successful refunds',
  charge_key        VARCHAR(128) NULL     COMMENT 'refunds only: idempotency key of the charge',
  refund_reason     VARCHAR(500) NULL     COMMENT 'refunds only: as staff wrote it',
  requested_by      VARCHAR(64)  NULL     COMMENT 'refunds only: the staff user',
  created_at        DATETIME(3)  NOT NULL COMMENT 'UTC',
  PRIMARY KEY (id),
  UNIQUE KEY ledger_entry_key (entry_type, idempotency_key),
  KEY ledger_entry_msisdn (msisdn, created_at),
  CONSTRAINT ledger_entry_type CHECK (entry_type IN ('CHARGE', 'REFUND')),
  CONSTRAINT ledger_entry_amount_positive CHECK (amount_fen > 0),
  CONSTRAINT ledger_entry_refunds_within_charge CHECK (refunded_fen >= 0 AND refunded_fen <= amount_fen)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One call detail record per successful charge (positive fee) and per successful refund (negative
-- fee), whichever billing system moved the money. Settlement and the partner exports read these.
CREATE TABLE cdr (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  cdr_type        VARCHAR(8)   NOT NULL COMMENT 'CHARGE or REFUND',
  idempotency_key VARCHAR(128) NOT NULL COMMENT 'of the charge or refund',
  charge_key      VARCHAR(128) NULL     COMMENT 'refunds only: the charge refunded',
  message_id      VARCHAR(65)  NULL     COMMENT 'message id of the causing MO, if any',
  billed_number   VARCHAR(32)  NOT NULL,
  partner_code    VARCHAR(32)  NOT NULL,
  service_number  VARCHAR(32)  NOT NULL,
  product_code    VARCHAR(16)  NOT NULL,
  charge_type     VARCHAR(16)  NOT NULL COMMENT 'MONTHLY, PER_USE or FREE',
  fee_fen         BIGINT       NOT NULL COMMENT 'positive for charges, negative for refunds',
  charged_at      DATETIME(3)  NOT NULL COMMENT 'UTC: when the billing system answered',
  recorded_at     DATETIME(3)  NOT NULL COMMENT 'UTC: when this row was written',
  causing_mo_id   BIGINT       NULL,
  transaction_id  VARCHAR(128) NOT NULL COMMENT 'the billing system''s reference',
  PRIMARY KEY (id),
  UNIQUE KEY cdr_key (cdr_type, idempotency_key),
  KEY cdr_partner_time (partner_code, charged_at),
  KEY cdr_time (charged_at),
  KEY cdr_billed_number (billed_number, charged_at),
  CONSTRAINT cdr_type_values CHECK (cdr_type IN ('CHARGE', 'REFUND')),
  CONSTRAINT cdr_fee_sign CHECK ((cdr_type = 'CHARGE' AND fee_fen >= 0)
                                 OR (cdr_type = 'REFUND' AND fee_fen < 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
