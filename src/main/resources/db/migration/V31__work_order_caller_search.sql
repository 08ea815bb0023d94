-- Finding a caller's work orders without the phone system: by phone (work_order_citizen_phone, V11), by the name's
-- beginning, and by any part of the place (district, street and address together).

create extension if not exists pg_trgm;

create index work_order_citizen_name on work_order (citizen_name varchar_pattern_ops, registered_at desc);

-- the place as one text, so that 幸福路 matches whether it was typed as the street or in the address
create function work_order_place(district varchar, street varchar, address varchar) returns text
    language sql immutable parallel safe
    return coalesce(district, '') || ' ' || coalesce(street, '') || ' ' || coalesce(address, '');

create index work_order_place_trgm on work_order using gin (work_order_place(district, street, address) gin_trgm_ops);
