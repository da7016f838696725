-- The product catalog (io.vasgate.persistence.catalog.CatalogRepository): partners, service numbers with their
-- extension routes and command words, products with their aliases, and per-number reply template overrides.
-- Seeded from conf/catalog.yaml only while empty; afterwards the admin API changes it.
--
-- Every change runs in one transaction that first locks the catalog_version row and bumps it, so writers on
-- several gateway processes are serialised and each reader can tell from one small query that it must reload.

CREATE TABLE catalog_version (
  id         TINYINT      NOT NULL COMMENT 'always 1: a single counter row',
  version    BIGINT       NOT NULL COMMENT 'bumped by every committed change',
  changed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  CONSTRAINT catalog_version_single_row CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO catalog_version (id, version) VALUES (1, 0);

CREATE TABLE partner (
  code       VARCHAR(32)  NOT NULL COMMENT 'the partner (SP) code, e.g. 901234',
  name       VARCHAR(128) NOT NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE service_number (
  id                     BIGINT       NOT NULL AUTO_INCREMENT COMMENT 'creation order, the catalog order',
  port                   VARCHAR(20)  NOT NULL COMMENT 'main port, e.g. 10658880',
  language               VARCHAR(8)   NOT NULL COMMENT 'reply language tag: zh or en',
  cancel_all_means_query BOOLEAN      NOT NULL COMMENT 'true: 00000 lists instead of cancelling all',
  created_at             TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at             TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY service_number_port (port)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Routes a number lists itself (campaigns, partners, extra product extensions). A product's own extension is
-- stored with the product and merged in when the catalog is built.
CREATE TABLE extension_route (
  port        VARCHAR(20) NOT NULL,
  extension   VARCHAR(20) NOT NULL,
  target_type VARCHAR(16) NOT NULL COMMENT 'PRODUCT, CAMPAIGN or PARTNER',
  target      VARCHAR(64) NOT NULL COMMENT 'product code, campaign id or partner code',
  PRIMARY KEY (port, extension),
  CONSTRAINT extension_route_number FOREIGN KEY (port) REFERENCES service_number (port) ON DELETE CASCADE,
  CONSTRAINT extension_route_target_type CHECK (target_type IN ('PRODUCT', 'CAMPAIGN', 'PARTNER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every command word of a number, all commands spelled out (a new number gets the defaults written down), so
-- what a number understands never depends on defaults compiled into some gateway version.
CREATE TABLE command_word (
  port     VARCHAR(20) NOT NULL,
  command  VARCHAR(16) NOT NULL COMMENT 'SUBSCRIBE, UNSUBSCRIBE, QUERY, UNSUBSCRIBE_ALL, CONFIRM, DECLINE, HELP',
  position INT         NOT NULL COMMENT 'order within the command; position 0 is the canonical word',
  word     VARCHAR(32) NOT NULL,
  PRIMARY KEY (port, command, position),
  CONSTRAINT command_word_number FOREIGN KEY (port) REFERENCES service_number (port) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE product (
  id                          BIGINT        NOT NULL AUTO_INCREMENT COMMENT 'creation order, the catalog order',
  code                        VARCHAR(10)   NOT NULL,
  numeric_code                VARCHAR(20)   NULL     COMMENT 'NULL when none',
  name_zh                     VARCHAR(64)   NOT NULL,
  name_en                     VARCHAR(128)  NOT NULL COMMENT 'empty when none',
  partner_code                VARCHAR(32)   NOT NULL,
  service_port                VARCHAR(20)   NOT NULL,
  extension                   VARCHAR(20)   NULL     COMMENT 'NULL when the product has no extension',
  charge_type                 VARCHAR(16)   NOT NULL COMMENT 'MONTHLY, PER_USE or FREE',
  price_fen                   BIGINT        NOT NULL COMMENT 'per month or per use; 0 exactly when FREE',
  trial_days                  INT           NOT NULL,
  first_month_policy          VARCHAR(40)   NOT NULL,
  share_operator              TINYINT       NOT NULL COMMENT 'tenths',
  share_partner               TINYINT       NOT NULL COMMENT 'tenths',
  confirmation_required       BOOLEAN       NOT NULL,
  confirmation_window_seconds INT           NOT NULL COMMENT '0 when no confirmation is required',
  status                      VARCHAR(16)   NOT NULL COMMENT 'ACTIVE, SUSPENDED or RETIRED',
  suspended_reply             VARCHAR(500)  NOT NULL COMMENT 'empty for the default reply',
  created_at                  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at                  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY product_code (code),
  UNIQUE KEY product_numeric_code (numeric_code),
  UNIQUE KEY product_extension (service_port, extension),
  KEY product_partner (partner_code),
  CONSTRAINT product_number FOREIGN KEY (service_port) REFERENCES service_number (port),
  CONSTRAINT product_partner FOREIGN KEY (partner_code) REFERENCES partner (code),
  CONSTRAINT product_price_not_negative CHECK (price_fen >= 0),
  CONSTRAINT product_share_sums_to_ten CHECK (share_operator >= 0 AND share_partner >= 0
                                              AND share_operator + share_partner = 10),
  CONSTRAINT product_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'RETIRED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE product_alias (
  product_code VARCHAR(10) NOT NULL,
  position     INT         NOT NULL,
  alias        VARCHAR(64) NOT NULL,
  PRIMARY KEY (product_code, position),
  CONSTRAINT product_alias_product FOREIGN KEY (product_code) REFERENCES product (code) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Reply texts that replace the shipped default of one key, in one language, on one service number.
CREATE TABLE reply_template (
  port       VARCHAR(20)  NOT NULL,
  language   VARCHAR(8)   NOT NULL,
  reply_key  VARCHAR(64)  NOT NULL COMMENT 'ReplyKey id, e.g. confirm.prompt',
  template   TEXT         NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (port, language, reply_key),
  CONSTRAINT reply_template_number FOREIGN KEY (port) REFERENCES service_number (port) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
