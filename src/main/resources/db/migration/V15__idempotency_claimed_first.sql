-- A registration claims its Idempotency-Key at the start of its transaction, before its work order is written (group
-- commit writes each table's rows together), so the work order the key names is checked at commit.
alter table idempotency_record
    alter constraint idempotency_record_work_order_number_fkey deferrable initially deferred;
