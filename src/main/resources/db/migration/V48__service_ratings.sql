-- 好差评 (the rating package): one rating per work order, and the hotline's review (差评核实) of the bad ones.
create table work_order_rating (
    work_order_number  varchar(32) primary key,
    rating             varchar(32) not null,
    comment            varchar(500),
    channel            varchar(16) not null,
    rated_at           timestamptz not null,
    lead_department_id bigint,
    review_state       varchar(16) not null,
    review_decision    varchar(16),
    review_reason      varchar(500),
    reviewed_by        varchar(100),
    reviewed_at        timestamptz
);
create index work_order_rating_review on work_order_rating (rated_at) where review_state = 'PENDING';
create index work_order_rating_rated on work_order_rating (rated_at);
