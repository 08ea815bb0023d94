-- 派单设置: automatic dispatch and its threshold as administrators set them while the service runs (one row). Until
-- the first change there is no row and the configuration's values (hotline.dispatch.*) apply.
create table dispatch_setting (
    id                      smallint primary key check (id = 1),
    auto_dispatch           boolean       not null,
    auto_dispatch_threshold numeric(4, 3) not null check (auto_dispatch_threshold between 0.5 and 1),
    changed_by              varchar(100)  not null,
    changed_at              timestamptz   not null
);
