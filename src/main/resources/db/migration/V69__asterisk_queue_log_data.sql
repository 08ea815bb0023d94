-- Asterisk chooses the queue_log's columns once, when its logger starts (or `logger reload`): data1 … data5 where it
-- finds them then (queue_adaptive_realtime), else one `data` column with the fields joined by '|'. An Asterisk that
-- booted while this database was unreachable (PostgreSQL starting after it, a network cut) writes `data` until its
-- next restart; without the column every row of that run was refused and those calls were lost to the
-- reconciliation. The service reads `data` where it is filled (QueueLogReconciler).
alter table asterisk_queue_log add column data varchar(255) not null default '';
