package org.hotline12345.scorecard;

/** Why a department says a work order should not count against it (申诉理由). */
public enum AppealKind {
    /** 不合理诉求: the request itself is unreasonable (against law or policy, beyond what can be done) */
    UNREASONABLE,
    /** 派单错误: the work order was not the department's to handle */
    WRONG_DISPATCH
}
