-- 个人信息查阅记录: who was shown a work order's citizen details (name, phone), when, and through which page, API
-- endpoint or screen pop. One row per work order and showing; written in batches by the access feature. The citizen
-- is found through the work order, so that no phone number is copied here. Append-only, like the work-order history.
create table personal_data_read (
    id                 bigint generated always as identity primary key,
    read_at            timestamptz  not null,
    username           varchar(40)  not null,
    role               varchar(30)  not null,
    work_order_number  varchar(20)  not null,
    masked             boolean      not null,
    channel            varchar(20)  not null,
    endpoint           varchar(300) not null
);

create index personal_data_read_work_order on personal_data_read (work_order_number, read_at);
create index personal_data_read_user on personal_data_read (username, read_at);
create index personal_data_read_time on personal_data_read (read_at);

create function personal_data_read_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'personal_data_read is append-only: % refused', tg_op;
end;
$$;

create trigger personal_data_read_append_only
    before update or delete on personal_data_read
    for each row execute function personal_data_read_is_append_only();

create trigger personal_data_read_no_truncate
    before truncate on personal_data_read
    for each statement execute function personal_data_read_is_append_only();
