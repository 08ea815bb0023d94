-- Draws a block of consecutive work-order numbers of a day in one statement, for the registrations written together
-- (group commit); returns the first of the block. Same locking and commit as next_work_order_number.
create function next_work_order_numbers(for_day date, how_many integer) returns integer language plpgsql as $$
declare
    last_drawn integer;
begin
    if how_many < 1 then
        raise exception 'how_many must be at least 1, was %', how_many;
    end if;
    perform set_config('synchronous_commit', 'off', true);
    insert into work_order_number_counter as counter (day, last_value) values (for_day, how_many)
    on conflict (day) do update set last_value = counter.last_value + how_many
    returning last_value into last_drawn;
    return last_drawn - how_many + 1;
end;
$$;

drop function next_work_order_number(date);
