-- 常用语: a department's reply phrases, kept by its own staff and offered when they reply.

create table reply_phrase (
    id             bigint generated always as identity primary key,
    department_id  bigint        not null references department (id),
    text           varchar(1000) not null,
    created_by     varchar(40)   not null,
    created_at     timestamptz   not null,
    unique (department_id, text)
);
