-- Who changed what and when, with the entity before and after (io.vasgate.persistence.audit.AuditLog).
-- Rows are only ever inserted; catalog changes write theirs in the transaction of the change itself.
CREATE TABLE audit_log (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  actor       VARCHAR(64)  NOT NULL COMMENT 'admin user name, or system:<what> for automatic changes',
  at          TIMESTAMP(3) NOT NULL COMMENT 'UTC',
  action      VARCHAR(32)  NOT NULL COMMENT 'create, update, retire, delete, ...',
  entity_type VARCHAR(32)  NOT NULL COMMENT 'product, service-number, partner, reply-template, ...',
  entity_id   VARCHAR(128) NOT NULL,
  before_json LONGTEXT     NULL     COMMENT 'NULL for a creation',
  after_json  LONGTEXT     NULL     COMMENT 'NULL for a deletion',
  PRIMARY KEY (id),
  KEY audit_log_entity (entity_type, entity_id, id),
  KEY audit_log_actor (actor, id),
  KEY audit_log_at (at, id),
  CONSTRAINT audit_log_before_is_json CHECK (before_json IS NULL OR JSON_VALID(before_json)),
  CONSTRAINT audit_log_after_is_json CHECK (after_json IS NULL OR JSON_VALID(after_json))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
