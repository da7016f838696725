-- Every handset message in (MO) and every message out (MT): the evidence behind any complaint.
CREATE TABLE mo_message (
  id             BIGINT       NOT NULL PRIMARY KEY COMMENT 'our message_id, the one the peer was answered with',
  peer_system_id VARCHAR(16)  NOT NULL,
  session_id     BIGINT       NOT NULL,
  source_addr    VARCHAR(32)  NOT NULL COMMENT 'the handset',
  dest_addr      VARCHAR(32)  NOT NULL COMMENT 'service number with extension',
  data_coding    TINYINT UNSIGNED NOT NULL,
  short_message  VARBINARY(2048) NOT NULL COMMENT 'octets exactly as received',
  text           TEXT         NULL COMMENT 'decoded text; NULL for binary content',
  concat_ref     INT          NULL,
  concat_total   SMALLINT     NULL,
  concat_seq     SMALLINT     NULL,
  dedup_key      BINARY(32)   NOT NULL,
  received_at    TIMESTAMP(3) NOT NULL,
  status         VARCHAR(16)  NOT NULL COMMENT 'RECEIVED, PROCESSED, FAILED, DUPLICATE_PART',
  command        VARCHAR(32)  NULL,
  product_code   VARCHAR(32)  NULL,
  processed_at   TIMESTAMP(3) NULL,
  KEY ix_mo_dedup (dedup_key, received_at),
  KEY ix_mo_source (source_addr, received_at),
  KEY ix_mo_status (status, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE mt_message (
  id               BIGINT       NOT NULL PRIMARY KEY COMMENT 'our message_id for this part',
  mo_id            BIGINT       NULL COMMENT 'the MO this answers, if any',
  peer_system_id   VARCHAR(16)  NOT NULL,
  source_addr      VARCHAR(32)  NOT NULL COMMENT 'service number with extension',
  dest_addr        VARCHAR(32)  NOT NULL COMMENT 'the handset',
  text             TEXT         NOT NULL COMMENT 'the whole reply text (every part carries it)',
  part_seq         SMALLINT     NOT NULL,
  part_total       SMALLINT     NOT NULL,
  data_coding      TINYINT UNSIGNED NOT NULL,
  created_at       TIMESTAMP(3) NOT NULL,
  state            VARCHAR(16)  NOT NULL COMMENT 'SENT, ACKED, FAILED',
  resp_status      INT          NULL COMMENT 'the peer''s deliver_sm_resp command_status',
  updated_at       TIMESTAMP(3) NULL,
  KEY ix_mt_dest (dest_addr, created_at),
  KEY ix_mt_mo (mo_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
