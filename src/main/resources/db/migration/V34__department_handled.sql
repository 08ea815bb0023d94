-- 已办: what a department has acted on, newest first, found from the history by the acting department.
create index work_order_event_actor_department on work_order_event (actor_department_id, occurred_at desc)
    where actor_department_id is not null;
