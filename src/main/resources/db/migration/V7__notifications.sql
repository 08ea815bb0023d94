-- Notifications to a user or to a whole department, read in the inbox, pushed live over WebSocket, and handed to the
-- outbound channel (SMS and the like) once.

create table notification (
    id                       bigint generated always as identity primary key,
    recipient_user_id        bigint references app_user (id),
    recipient_department_id  bigint references department (id),
    kind                     varchar(20)  not null,
    work_order_number        varchar(20),
    title                    varchar(200) not null,
    body                     text         not null,
    created_at               timestamptz  not null,
    read_at                  timestamptz,
    read_by                  varchar(40),
    sent_at                  timestamptz,
    delivery_attempts        integer      not null default 0,
    check ((recipient_user_id is null) <> (recipient_department_id is null))
);

create index notification_user on notification (recipient_user_id, created_at desc);
create index notification_department on notification (recipient_department_id, created_at desc);
create index notification_unsent on notification (created_at) where sent_at is null and delivery_attempts < 5;
