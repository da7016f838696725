-- Every command that changes a subscription's state used to rewrite five index entries besides the
-- row, because four secondary indexes led with or held `state`. The jobs' indexes now hold a
-- column that is set only while the row is what the job looks for (as live_product does for the
-- one-live-row key), so a state change touches an index only when the row enters or leaves what
-- that index is for. Number lookups use the unique key's msisdn prefix: a number holds few rows.
ALTER TABLE subscription
  ADD COLUMN pending_deadline DATETIME(3) AS (CASE WHEN state = 'PENDING_CONFIRMATION'
    THEN confirm_deadline END) STORED COMMENT 'confirm_deadline while awaiting confirmation',
  ADD COLUMN due_date DATE AS (CASE WHEN state IN ('TRIAL', 'ACTIVE')
    THEN next_charge_date END) STORED COMMENT 'next_charge_date while renewals are charged',
  DROP INDEX subscription_port,
  DROP INDEX subscription_due,
  DROP INDEX subscription_product,
  DROP INDEX subscription_pending,
  ADD KEY subscription_pending (pending_deadline),
  ADD KEY subscription_due (due_date),
  ADD KEY subscription_product (live_product);
