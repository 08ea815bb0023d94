-- Who uploaded a file, by the name people know them by (as work_order_event.actor_name keeps it for the history);
-- files uploaded before have only the username.
alter table work_order_attachment add column uploaded_by_name varchar(50);
