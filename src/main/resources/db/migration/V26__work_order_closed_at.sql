-- Today's closed work orders, counted for the supervisor's home and the wallboard every half minute: an index on the
-- few recent closing times instead of a scan of every work order ever closed.
create index work_order_closed_at on work_order (closed_at) where closed_at is not null;
