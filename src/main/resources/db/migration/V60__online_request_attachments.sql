-- Photos and documents a citizen attaches to an online request (the intake package): checked by the work orders'
-- attachment rules when submitted, kept here with the request, and attached to the work order when an agent registers
-- the request.
create table online_request_attachment (
    id           bigserial primary key,
    number       varchar(32) not null references online_request (number),
    position     int not null,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint not null,
    content      bytea not null,
    unique (number, position)
);
