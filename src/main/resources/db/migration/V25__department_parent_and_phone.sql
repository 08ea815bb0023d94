-- 上级单位 and 联系电话 of a department, as the administrators' department form keeps them. The parent is named by its
-- code, which never changes; checked at commit, so that a unit and its parent can be written in one transaction in
-- either order.
alter table department add column parent_code varchar(40) references department (code) deferrable initially deferred;
alter table department add column phone varchar(30);

-- a street office belongs to its district's government
update department s set parent_code = d.code
from department d
where s.kind = 'STREET_OFFICE' and d.kind = 'DISTRICT_GOVERNMENT' and d.district = s.district and s.parent_code is null;
