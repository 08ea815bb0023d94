package org.hotline12345.scorecard;

import org.hotline12345.common.Labels;

/**
 * The indicators of a department's scorecard (考核指标) that carry a weight; each is a share of a base of the
 * department's work orders of the period (docs/insight.md defines each).
 */
public enum Indicator {
    /** 按时签收率: accepted within the accept limit, of those accepted or past their accept deadline */
    ACCEPTED_ON_TIME(true),
    /** 按时办结率: first reply within the reply deadline in force, of those replied or past their reply deadline */
    REPLIED_ON_TIME(true),
    /** 退单率: approved returns, of the work orders dispatched to the department */
    RETURNED(false),
    /** 重办率: reopened after a reply (review failed, dissatisfied callback, upheld bad rating), of those replied */
    REOPENED(false),
    /** 解决率: the citizen said resolved, of callbacks that asked */
    RESOLVED(true),
    /** 满意率: 满意 or 基本满意 (callback, or five-level rating mapped to three), of those with an answer */
    SATISFIED(true),
    /** 督办件数, scored as its share of the work orders dispatched */
    SUPERVISED(false);

    private final boolean higherIsBetter;

    Indicator(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** Its name on the pages, from labels.properties as every enum's. */
    public String label() {
        return Labels.label(this);
    }

    /** Whether a larger share earns more points; otherwise the points are for the complement. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
