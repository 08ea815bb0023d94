package org.hotline12345.telephony;

import java.time.Instant;
import java.util.List;

import org.hotline12345.knowledge.KnowledgeViews.ArticleHit;
import org.hotline12345.telephony.CallerProfile.EnterpriseBrief;
import org.hotline12345.telephony.CallerProfile.WorkOrderBrief;

/**
 * 弹屏: what the agent's page shows while the call rings. A work order registered with this {@code callId} is linked
 * to the call.
 *
 * @param repeatCall the number called within the repeat-call window before (重复来电)
 * @param enterprise the caller chose the enterprise line or the number belongs to a known enterprise
 */
public record ScreenPop(
        String type,
        String callId,
        String callerNumber,
        String queue,
        IvrChoice ivrChoice,
        boolean repeatCall,
        int recentCalls,
        boolean enterprise,
        EnterpriseBrief knownEnterprise,
        List<WorkOrderBrief> openWorkOrders,
        List<WorkOrderBrief> pastWorkOrders,
        List<ArticleHit> articles,
        Instant ringingAt) {

    static final String TYPE = "screen-pop";
}
