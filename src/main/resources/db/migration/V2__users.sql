-- People who sign in. Passwords are stored as PBKDF2 hashes only.

create sequence app_user_seq start with 1 increment by 50;

create table app_user (
    id             bigint primary key,
    username       varchar(40)  not null unique,
    password_hash  varchar(200) not null,
    display_name   varchar(50)  not null,
    role           varchar(30)  not null check (role in ('AGENT', 'DEPARTMENT_STAFF', 'DESK', 'SUPERVISOR', 'ADMIN')),
    department_id  bigint references department (id),
    active         boolean      not null default true,
    created_at     timestamptz  not null,
    check ((role = 'DEPARTMENT_STAFF') = (department_id is not null))
);
