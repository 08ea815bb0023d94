-- Draws the next work-order number of a day in one statement. Called in autocommit mode, the counter row is locked,
-- incremented and committed inside the server, with no client round trip while the lock is held; the commit does not
-- wait for the disk (see WorkOrderNumbers for why that is safe).
create function next_work_order_number(for_day date) returns integer language plpgsql as $$
declare
    drawn integer;
begin
    perform set_config('synchronous_commit', 'off', true);
    insert into work_order_number_counter as counter (day, last_value) values (for_day, 1)
    on conflict (day) do update set last_value = counter.last_value + 1
    returning last_value into drawn;
    return drawn;
end;
$$;
