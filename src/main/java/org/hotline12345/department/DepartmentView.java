package org.hotline12345.department;

/** A department as clients see it; also the cached snapshot the directory hands out. */
public record DepartmentView(long id, String code, String name, DepartmentKind kind, String district, boolean active) {

    static DepartmentView of(Department department) {
        return new DepartmentView(department.getId(), department.getCode(), department.getName(), department.getKind(),
                department.getDistrict(), department.isActive());
    }
}
