-- 已办: what a department has acted on, newest first, found from the history by the acting department.
create index work_order_event_actor_department on work_order_event (actor_department_id, occurred_at desc)
    where actor_department_id is not null;

-- The header of every page counts the reader's unread notifications (通知中心): only the unread ones are indexed.
create index notification_unread_user on notification (recipient_user_id) where read_at is null;
create index notification_unread_department on notification (recipient_department_id) where read_at is null;
