package org.hotline12345.department;

/** What kind of unit a handling department is. */
public enum DepartmentKind {
    /** 市直部门 */
    CITY_DEPARTMENT,
    /** 区县人民政府 */
    DISTRICT_GOVERNMENT,
    /** 街道办事处 / 乡镇人民政府 */
    STREET_OFFICE,
    /** 供水、供电、燃气等公共服务企业 */
    PUBLIC_UTILITY
}
