-- The peer's answer to each MT part was an UPDATE of the part's row (state, resp_status, updated_at):
-- a wide row read, rewritten and later purged for every part sent, some 15% of the gateway's and the
-- database's CPU per handset command at the benchmark's maximum. Answers are now appended here, one
-- narrow row per part in message-id (time) order, and read back joined to their parts.
CREATE TABLE mt_answer (
  mt_id       BIGINT       NOT NULL COMMENT 'the part answered (mt_message.id)',
  resp_status INT          NOT NULL COMMENT 'the peer''s deliver_sm_resp command_status; -1: none came',
  answered_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (mt_id)
) ENGINE=InnoDB;

-- Every part with its answer: ACKED or FAILED once answered (here, or in mt_message for parts answered
-- before this table existed), SENT until then.
CREATE SQL SECURITY INVOKER VIEW mt_message_state AS
  SELECT m.id, m.mo_id, m.peer_system_id, m.source_addr, m.dest_addr, m.text, m.part_seq,
         m.part_total, m.data_coding, m.created_at,
         CASE WHEN a.mt_id IS NULL THEN m.state
              WHEN a.resp_status = 0 THEN 'ACKED'
              ELSE 'FAILED' END AS state,
         COALESCE(a.resp_status, m.resp_status) AS resp_status,
         COALESCE(a.answered_at, m.updated_at) AS updated_at
  FROM mt_message m LEFT JOIN mt_answer a ON a.mt_id = m.id;
