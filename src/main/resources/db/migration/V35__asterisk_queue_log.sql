-- Asterisk's queue_log, written by Asterisk itself (res_config_pgsql through extconfig.conf, adaptive columns, times
-- in UTC): every queue event of every call and agent, whether or not the service was connected. The telephony feature
-- reads it back to complete the records of calls it missed. Asterisk inserts the named columns only; id is ours.
create table asterisk_queue_log (
    id         bigint generated always as identity primary key,
    time       timestamp    not null,
    callid     varchar(80)  not null default '',
    queuename  varchar(40)  not null default '',
    agent      varchar(80)  not null default '',
    event      varchar(32)  not null default '',
    data1      varchar(100) not null default '',
    data2      varchar(100) not null default '',
    data3      varchar(100) not null default '',
    data4      varchar(100) not null default '',
    data5      varchar(100) not null default ''
);

create index asterisk_queue_log_call on asterisk_queue_log (callid);

-- how far the service has reconciled: the last row it has read
create table queue_log_reconciled (
    id           smallint primary key check (id = 1),
    last_row_id  bigint      not null,
    at           timestamptz not null
);
