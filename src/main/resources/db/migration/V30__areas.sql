-- The city's districts (区县) and their streets and towns (街道/乡镇), in the order agents pick them from. The
-- desktop offers only these; work orders keep the names they were registered with.

create table district (
    name      varchar(50) primary key,
    position  integer     not null
);

create table street (
    district_name  varchar(50) not null references district (name) on update cascade on delete cascade,
    name           varchar(50) not null,
    position       integer     not null,
    primary key (district_name, name)
);
