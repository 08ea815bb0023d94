package org.hotline12345.desktop;

import static org.hotline12345.common.TextInput.blankToNull;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.PageForms;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.dispatch.DispatchSuggester;
import org.hotline12345.dispatch.DispatchSuggestion;
import org.hotline12345.dispatch.RuleService;
import org.hotline12345.knowledge.KnowledgeSearch;
import org.hotline12345.knowledge.KnowledgeService;
import org.hotline12345.knowledge.KnowledgeViews.ArticleHit;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.security.Role;
import org.hotline12345.telephony.AgentService;
import org.hotline12345.telephony.AgentState;
import org.hotline12345.telephony.IvrChoice;
import org.hotline12345.telephony.TelephonyConfig;
import org.hotline12345.telephony.TelephonyRequests;
import org.hotline12345.telephony.TelephonyViews.AgentView;
import org.hotline12345.workorder.Occupation;
import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.Urgency;
import org.hotline12345.workorder.WorkOrderRequests;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderViews.Summary;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 坐席工作台: the agent's phone (sign in at the seat's extension, 示忙 with a reason, 示闲), the screen pop arriving
 * over {@code /ws/telephony} while a call rings, and the registration form the pop fills in. Forms post back here and
 * return to the desktop with what happened, or why not.
 */
@Path("/agent")
@RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR})
public class AgentDesktop {

    /** The reasons an agent pauses for, as the pause menu offers them. */
    static final List<String> PAUSE_REASONS = List.of("小休", "就餐", "培训", "会议", "整理工单");

    private static final int ARTICLES_OFFERED = 3;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desktop(boolean telephony, AgentView phone, List<String> pauseReasons,
                List<CategoryView> categories, List<DepartmentView> departments, List<RequestType> requestTypes,
                List<Occupation> occupations, List<Urgency> urgencies, List<WorkOrderStatus> statuses,
                List<IvrChoice> ivrChoices, List<AgentState> agentStates, List<Summary> mine, RegistrationForm form,
                String registered,
                String done, String error);
    }

    @Inject
    TelephonyConfig telephony;

    @Inject
    AgentService agents;

    @Inject
    WorkOrderService workOrders;

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    @Inject
    Validator validator;

    @Inject
    DispatchSuggester suggester;

    @Inject
    RuleService rules;

    @Inject
    KnowledgeSearch knowledge;

    @Inject
    KnowledgeService articles;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance desktop(@QueryParam("registered") String registered, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        return page(new RegistrationForm(), registered, done, error);
    }

    private TemplateInstance page(RegistrationForm form, String registered, String done, String error) {
        List<CategoryView> leaves = categories.all().stream().filter(c -> c.active() && c.level() == 3)
                .sorted(Comparator.comparing(CategoryView::code)).toList();
        List<DepartmentView> active = departments.all().stream().filter(DepartmentView::active).toList();
        return Templates.desktop(telephony.enabled(), telephony.enabled() ? agents.me(actor.get()) : null,
                PAUSE_REASONS, leaves, active, List.of(RequestType.values()), List.of(Occupation.values()),
                List.of(Urgency.values()), List.of(WorkOrderStatus.values()), List.of(IvrChoice.values()),
                List.of(AgentState.values()), workOrders.registeredBy(actor.get(), 10), form,
                registered, done, error);
    }

    @POST
    @Path("/phone/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("extension") String extension) {
        TelephonyRequests.Login login = new TelephonyRequests.Login(blankToNull(extension), List.of());
        return act("已签入分机 " + extension, () -> {
            PageForms.requireValid(validator, login, RegistrationForm::fieldLabel);
            return agents.login(actor.get(), login);
        });
    }

    @POST
    @Path("/phone/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@FormParam("reason") String reason) {
        TelephonyRequests.Pause pause = new TelephonyRequests.Pause(blankToNull(reason));
        return act("已示忙：" + reason, () -> {
            PageForms.requireValid(validator, pause, RegistrationForm::fieldLabel);
            return agents.pause(actor.get(), true, pause.reason());
        });
    }

    @POST
    @Path("/phone/ready")
    public Response ready() {
        return act("已示闲", () -> agents.pause(actor.get(), false, null));
    }

    @POST
    @Path("/phone/logout")
    public Response signOut() {
        return act("已签出", () -> agents.logout(actor.get()));
    }

    /**
     * Registers what the caller asks for; with a lead department chosen, dispatches it at once. A refused form comes
     * back filled in, with the reasons.
     */
    @POST
    @Path("/work-orders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@BeanParam RegistrationForm form) {
        try {
            WorkOrderRequests.Register request = form.request();
            PageForms.requireValid(validator, request, RegistrationForm::fieldLabel);
            // with an answer given on the call the work order is registered closed, and never dispatched
            String number = workOrders.register(request, actor.get(), null).workOrder().number();
            String outcome = request.directAnswer() == null
                    ? ""
                    : "&done=" + PageForms.encode("已当场答复，工单已办结");
            return Response.seeOther(URI.create("/agent?registered=" + number + outcome)).build();
        } catch (HotlineException e) {
            return Response.status(e.status())
                    .entity(page(form, null, null, PageForms.reason(e, RegistrationForm::fieldLabel)))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
    }

    /** What the agent has typed so far, as the desktop's assistant sends it. */
    public record Typed(@Size(max = 200) String title, @Size(max = 10000) String content,
            @Size(max = 50) String district, @Size(max = 50) String street) {
    }

    /** An article the assistant offers, with its answer so the agent can adopt it for 即问即答. */
    public record OfferedArticle(String slug, String title, String snippet, String answer) {
    }

    /** The assistant's suggestions: categories and departments with confidence and reasons, and articles. */
    public record Assistance(DispatchSuggestion dispatch, List<OfferedArticle> articles) {
    }

    /**
     * 智能辅助 as the agent types: the dispatch suggestion (categories, departments, the proposed dispatch and why) and
     * the articles that best answer the text. Read-only; the page calls it while the form is filled.
     */
    @POST
    @Path("/assist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Assistance assist(@NotNull @Valid Typed typed) {
        if (blankToNull(typed.title()) == null && blankToNull(typed.content()) == null) {
            return new Assistance(null, List.of());
        }
        DispatchSuggestion dispatch = suggester.suggest(typed.title(), typed.content(), null, typed.district(),
                typed.street(), rules.today());
        List<ArticleHit> hits = knowledge.suggest(typed.title(), typed.content(), ARTICLES_OFFERED);
        Map<String, String> answers = articles.answers(hits.stream().map(ArticleHit::slug).toList());
        List<OfferedArticle> offered = hits.stream()
                .filter(hit -> answers.containsKey(hit.slug()))
                .map(hit -> new OfferedArticle(hit.slug(), hit.title(), hit.snippet(), answers.get(hit.slug())))
                .toList();
        return new Assistance(dispatch, offered);
    }

    private static Response act(String done, Supplier<?> step) {
        return PageForms.act("/agent", done, step);
    }
}
