package org.hotline12345.workorder;

/** The caller's occupation, from the list hotline registration forms use (公务员 … 其他). */
public enum Occupation {
    /** 公务员 */
    CIVIL_SERVANT,
    /** 事业单位人员 */
    PUBLIC_INSTITUTION_STAFF,
    /** 企业人员 */
    ENTERPRISE_EMPLOYEE,
    /** 个体工商户 */
    SELF_EMPLOYED,
    /** 专业技术人员 */
    PROFESSIONAL,
    /** 工人 */
    WORKER,
    /** 农民 */
    FARMER,
    /** 学生 */
    STUDENT,
    /** 离退休人员 */
    RETIREE,
    /** 军人 */
    SOLDIER,
    /** 自由职业者 */
    FREELANCER,
    /** 无业人员 */
    UNEMPLOYED,
    /** 其他 */
    OTHER
}
