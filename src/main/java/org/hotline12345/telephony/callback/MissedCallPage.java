package org.hotline12345.telephony.callback;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.HotlineException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.PageForms;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.telephony.TelephonyConfig;
import org.hotline12345.telephony.callback.MissedCallViews.MissedCallBoard;
import org.hotline12345.telephony.callback.MissedCallViews.MissedCallView;
import org.hotline12345.telephony.callback.MissedCallViews.Taken;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 漏接回拨 as a page: the numbers to call back, oldest first, with each caller's history; 回拨下一个 (Alt+N) takes the
 * oldest due one and rings the agent's phone, then the number; the agent records what came of it with one button.
 */
@Path("/agent/missed-calls")
@RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class MissedCallPage {

    private static final String PAGE = "/agent/missed-calls";
    private static final int SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance missedCalls(boolean telephony, String serviceHours, MissedCallBoard board,
                MissedCallView mine, String mineCallId, List<MissedCallView> open, List<MissedCallView> closed,
                List<MissedCallOutcome> outcomes, String done, String error);
    }

    @Inject
    MissedCalls missedCalls;

    @Inject
    TelephonyConfig telephony;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("done") String done, @QueryParam("error") String error) {
        MissedCallView mine = missedCalls.takenBy(actor.get());
        String mineCallId = mine == null || mine.attemptHistory().isEmpty()
                ? null
                : mine.attemptHistory().get(mine.attemptHistory().size() - 1).callId();
        return Templates.missedCalls(telephony.enabled(), missedCalls.hours().describe(), missedCalls.board(), mine,
                mineCallId, missedCalls.open(SHOWN), missedCalls.closedSince(missedCalls.startOfToday(), SHOWN),
                List.of(MissedCallOutcome.values()), done, error);
    }

    @POST
    @Path("/next")
    public Response next() {
        try {
            Taken taken = missedCalls.takeNext(actor.get());
            return back("done", taken == null
                    ? "暂无到期待回拨的漏接来电"
                    : "正在回拨 " + taken.missedCall().callerNumber() + "：请接起分机 " + taken.extension());
        } catch (HotlineException e) {
            return back("error", e.getMessage());
        }
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response outcome(@PathParam("id") long id, @FormParam("outcome") String outcome) {
        try {
            MissedCallOutcome result = PageForms.option(MissedCallOutcome.class, outcome, "回拨结果");
            if (result == null) {
                return back("error", "回拨结果：请选择");
            }
            MissedCallView entry = missedCalls.record(id, result, actor.get());
            return back("done", "已记录 " + entry.callerNumber() + "：" + Labels.label(result)
                    + (entry.status().open() ? "，稍后再次回拨" : "，" + Labels.label(entry.status())));
        } catch (HotlineException e) {
            return back("error", e.getMessage());
        }
    }

    private static Response back(String kind, String message) {
        return Response.seeOther(URI.create(PAGE + "?" + kind + "=" + PageForms.encode(message))).build();
    }
}
