package org.hotline12345.department;

/**
 * A department as clients see it; also the cached snapshot the directory hands out.
 *
 * @param parentCode 上级单位, by code; {@code null} for none
 * @param phone 联系电话; {@code null} when not known
 */
public record DepartmentView(long id, String code, String name, DepartmentKind kind, String district, boolean active,
        String parentCode, String phone) {

    static DepartmentView of(Department department) {
        return new DepartmentView(department.getId(), department.getCode(), department.getName(), department.getKind(),
                department.getDistrict(), department.isActive(), department.getParentCode(), department.getPhone());
    }
}
