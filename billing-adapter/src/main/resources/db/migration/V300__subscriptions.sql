-- Subscriptions and orders (io.vasgate.billing.subscription). All DATETIME columns hold UTC; DATE
-- columns hold days of the billing zone. No foreign keys to the MO table, which the pipeline owns.

-- One row per order of a monthly or free product; the row becomes the subscription. At most one
-- live row per number and product (live_product is NULL for terminal states, and a unique key
-- ignores NULLs): two concurrent SUBSCRIBEs cannot both create an order.
CREATE TABLE subscription (
  id               BIGINT       NOT NULL AUTO_INCREMENT COMMENT 'order id; first charge key order-<id>',
  msisdn           VARCHAR(32)  NOT NULL,
  product_code     VARCHAR(16)  NOT NULL,
  service_port     VARCHAR(20)  NOT NULL COMMENT 'main port of the product: CONFIRMs match on it',
  state            VARCHAR(24)  NOT NULL,
  price_fen        BIGINT       NOT NULL COMMENT 'monthly price disclosed at order; 0 when free',
  created_at       DATETIME(3)  NOT NULL COMMENT 'UTC',
  confirm_deadline DATETIME(3)  NULL     COMMENT 'UTC: first instant a confirmation is refused',
  activated_at     DATETIME(3)  NULL     COMMENT 'UTC: service began (trial or paid)',
  trial_end        DATE         NULL     COMMENT 'first day after the trial, the first charge day',
  next_charge_date DATE         NULL     COMMENT 'next day a charge is due; NULL when none will be',
  reminded_for     DATE         NULL     COMMENT 'the next_charge_date a reminder was sent for',
  cancelled_at     DATETIME(3)  NULL     COMMENT 'UTC: cancelled, declined, expired or failed',
  order_mo_id      BIGINT       NULL     COMMENT 'the MO that ordered it',
  updated_at       DATETIME(3)  NOT NULL COMMENT 'UTC',
  -- Keep in step with SubscriptionState.isLive(); SubscriptionSchemaTest checks it.
  live_product     VARCHAR(16)  AS (CASE WHEN state IN ('PENDING_CONFIRMATION', 'PENDING_CHARGE',
                                   'TRIAL', 'ACTIVE', 'SUSPENDED') THEN product_code END) STORED,
  PRIMARY KEY (id),
  UNIQUE KEY subscription_one_live (msisdn, live_product),
  KEY subscription_port (msisdn, service_port, state),
  KEY subscription_due (state, next_charge_date),
  KEY subscription_product (product_code, state),
  KEY subscription_pending (state, confirm_deadline),
  CONSTRAINT subscription_state_values CHECK (state IN ('PENDING_CONFIRMATION', 'PENDING_CHARGE',
    'TRIAL', 'ACTIVE', 'SUSPENDED', 'CANCELLED', 'DECLINED', 'EXPIRED', 'CHARGE_FAILED')),
  CONSTRAINT subscription_price_not_negative CHECK (price_fen >= 0),
  CONSTRAINT subscription_pending_has_deadline
    CHECK (state <> 'PENDING_CONFIRMATION' OR confirm_deadline IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per number that ever sent a command: every command's transaction locks it first, so
-- concurrent commands of one number (a resent SMS, an SMSC redelivery, two gateway nodes) run one
-- after the other instead of deadlocking on each other's rows. Jobs never take it.
CREATE TABLE subscription_number_lock (
  msisdn VARCHAR(32) NOT NULL,
  PRIMARY KEY (msisdn)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every state change, with the MO or the job that caused it: the evidence for complaints.
CREATE TABLE subscription_transition (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  subscription_id BIGINT       NOT NULL,
  msisdn          VARCHAR(32)  NOT NULL,
  product_code    VARCHAR(16)  NOT NULL,
  from_state      VARCHAR(24)  NULL     COMMENT 'NULL when the order was created',
  to_state        VARCHAR(24)  NOT NULL,
  at              DATETIME(3)  NOT NULL COMMENT 'UTC',
  cause_mo_id     BIGINT       NULL     COMMENT 'the MO that caused it',
  cause_job       VARCHAR(64)  NULL     COMMENT 'or the job / staff action that did',
  detail          VARCHAR(500) NOT NULL COMMENT 'why; consent records quote the MO',
  PRIMARY KEY (id),
  KEY subscription_transition_subscription (subscription_id, id),
  KEY subscription_transition_msisdn (msisdn, at),
  CONSTRAINT subscription_transition_subscription_fk
    FOREIGN KEY (subscription_id) REFERENCES subscription (id),
  CONSTRAINT subscription_transition_one_cause
    CHECK ((cause_mo_id IS NULL) <> (cause_job IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The numbering of each number's latest 0000 list, so a SELECT reply (1，3) reaching any gateway
-- node cancels the items that list showed.
CREATE TABLE subscription_list (
  msisdn           VARCHAR(32)  NOT NULL,
  listed_at        DATETIME(3)  NOT NULL COMMENT 'UTC',
  selectable_until DATETIME(3)  NOT NULL COMMENT 'UTC: first instant a SELECT is refused',
  subscription_ids TEXT         NOT NULL COMMENT 'comma-separated; item n is the n-th id',
  PRIMARY KEY (msisdn)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every charge the subscription service sends (first charge of an order, renewal, use), written
-- before the billing system is called so that an interrupted attempt is retried with the same key
-- and amount. The primary key makes a second concurrent attempt of one charge impossible.
CREATE TABLE order_charge (
  idempotency_key VARCHAR(128) NOT NULL,
  msisdn          VARCHAR(32)  NOT NULL,
  partner_code    VARCHAR(32)  NOT NULL,
  service_number  VARCHAR(32)  NOT NULL,
  product_code    VARCHAR(16)  NOT NULL,
  charge_type     VARCHAR(16)  NOT NULL COMMENT 'MONTHLY or PER_USE',
  amount_fen      BIGINT       NOT NULL,
  reason          VARCHAR(16)  NOT NULL COMMENT 'ORDER, RENEWAL or PER_USE',
  subscription_id BIGINT       NULL     COMMENT 'NULL for uses',
  mo_id           BIGINT       NULL     COMMENT 'the causing MO; NULL for renewals',
  status          VARCHAR(24)  NOT NULL COMMENT 'ATTEMPTED, UNKNOWN, SUCCESS, INSUFFICIENT_BALANCE, REJECTED',
  attempts        INT          NOT NULL,
  claimed_until   DATETIME(3)  NULL     COMMENT 'UTC: lease of the process sending it (charge or refund)',
  created_at      DATETIME(3)  NOT NULL COMMENT 'UTC',
  settled_at      DATETIME(3)  NULL     COMMENT 'UTC',
  transaction_id  VARCHAR(128) NOT NULL,
  detail          VARCHAR(255) NOT NULL,
  refund_key      VARCHAR(128) NULL     COMMENT 'automatic refund (charge succeeded after a cancel)',
  refund_status   VARCHAR(24)  NULL,
  refund_reason   VARCHAR(255) NULL,
  PRIMARY KEY (idempotency_key),
  KEY order_charge_subscription (subscription_id),
  KEY order_charge_msisdn (msisdn, created_at),
  KEY order_charge_status (status, claimed_until),
  KEY order_charge_refund (refund_status, claimed_until),
  CONSTRAINT order_charge_amount_positive CHECK (amount_fen > 0),
  CONSTRAINT order_charge_status_values
    CHECK (status IN ('ATTEMPTED', 'UNKNOWN', 'SUCCESS', 'INSUFFICIENT_BALANCE', 'REJECTED')),
  CONSTRAINT order_charge_subscription_fk FOREIGN KEY (subscription_id) REFERENCES subscription (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
