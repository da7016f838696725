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

-- The keys of the last day (the longest window allowed), each held by its newest MO: an MO that took a
-- key over from one past the window is the one a re-send must find. (Gateways of the previous version
-- deduplicate on the index dropped below and never write here: upgrade every gateway of a database
-- together.)
INSERT IGNORE INTO mo_dedup (dedup_key, mo_id, received_at)
  SELECT dedup_key, id, received_at FROM mo_message
  WHERE received_at >= NOW(3) - INTERVAL 1 DAY ORDER BY received_at DESC;

ALTER TABLE mo_message DROP INDEX ix_mo_dedup;
