-- Files attached to a work order (a department's reply with its evidence). The bytes live on disk under a random key,
-- never under the name the user gave; the row keeps that name for display, the type the service recognised and a hash.
create sequence work_order_attachment_seq start with 1 increment by 50;

create table work_order_attachment (
    id             bigint       primary key,
    work_order_id  bigint       not null references work_order (id),
    file_name      varchar(200) not null,
    content_type   varchar(100) not null,
    size_bytes     bigint       not null check (size_bytes > 0),
    sha256         varchar(64)  not null,
    storage_key    varchar(100) not null unique,
    uploaded_by    varchar(64)  not null,
    uploaded_at    timestamptz  not null
);

create index work_order_attachment_work_order on work_order_attachment (work_order_id, uploaded_at);
