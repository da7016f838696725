-- A re-sent MO is recognised by its key only within the dedup window (a minute by default), yet the
-- keys lived in an index of mo_message: a random 32-byte entry per MO, for ever, which outgrew the
-- buffer pool and made every MO insert read pages. They now live in a table of their own that holds
-- only the window (the pipeline purges it), and whose primary key also stops two gateways, or one
-- after a restart, from recording the same MO twice.
CREATE TABLE mo_dedup (
  dedup_key   BINARY(32)   NOT NULL,
  mo_id       BIGINT       NOT NULL COMMENT 'the MO first recorded under this key',
  received_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (dedup_key),
  KEY mo_dedup_age (received_at)
) ENGINE=InnoDB;

-- The keys of the last day (the longest window allowed), the first copy of each.
INSERT IGNORE INTO mo_dedup (dedup_key, mo_id, received_at)
  SELECT dedup_key, id, received_at FROM mo_message
  WHERE received_at >= NOW(3) - INTERVAL 1 DAY ORDER BY received_at;

ALTER TABLE mo_message DROP INDEX ix_mo_dedup;
