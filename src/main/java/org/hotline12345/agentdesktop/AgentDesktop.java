package org.hotline12345.agentdesktop;

import static org.hotline12345.common.TextInput.blankToNull;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

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

import org.hotline12345.area.AreaDirectory;
import org.hotline12345.area.DistrictView;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.category.PinyinInitials;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.dispatch.DispatchSuggester;
import org.hotline12345.dispatch.DispatchSuggestion;
import org.hotline12345.dispatch.RuleService;
import org.hotline12345.duplicate.DuplicateService;
import org.hotline12345.duplicate.Relation;
import org.hotline12345.knowledge.KnowledgeSearch;
import org.hotline12345.knowledge.KnowledgeService;
import org.hotline12345.knowledge.KnowledgeViews.ArticleHit;
import org.hotline12345.knowledge.Markdown;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.telephony.AgentService;
import org.hotline12345.telephony.AgentState;
import org.hotline12345.telephony.CallControl;
import org.hotline12345.telephony.IvrChoice;
import org.hotline12345.telephony.TelephonyConfig;
import org.hotline12345.telephony.TelephonyRequests;
import org.hotline12345.telephony.TelephonyViews.AgentView;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.Occupation;
import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.Urgency;
import org.hotline12345.workorder.WorkOrderRequests;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderViews.CallerHistory;
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
    /** Articles asked of the search, of which those about the request's field are offered first. */
    private static final int ARTICLES_CONSIDERED = 8;
    /** How many of a caller's work orders the desktop shows. */
    private static final int CALLER_HISTORY = 10;
    private static final Pattern WORK_ORDER_NUMBER = Pattern.compile("\\d{8}-\\d{6}");
    private static final Pattern PHONE = Pattern.compile("[+\\d][\\d\\s-]{5,19}");

    /**
     * A category the agent may choose (the taxonomy's third level), found as they type by its name, its path or the
     * pinyin initials of either.
     *
     * @param initials as {@link PinyinInitials#of} gives them for the path
     */
    public record CategoryOption(String code, String name, String path, String initials) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desktop(boolean telephony, AgentView phone, List<String> pauseReasons,
                List<CategoryOption> categories, List<DepartmentView> departments, List<DistrictView> districts,
                List<RequestType> requestTypes,
                List<Occupation> occupations, List<Urgency> urgencies, List<WorkOrderStatus> statuses,
                List<IvrChoice> ivrChoices, List<AgentState> agentStates, List<Summary> mine, RegistrationForm form,
                String registered, boolean fromCall, String done, String error);
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
    AreaDirectory areas;

    @Inject
    CurrentActor actor;

    @Inject
    DuplicateService duplicates;

    @Inject
    CallControl calls;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance desktop(@QueryParam("registered") String registered,
            @QueryParam("fromCall") boolean fromCall,
            @QueryParam("done") String done, @QueryParam("error") String error) {
        return page(new RegistrationForm(), registered, fromCall, done, error);
    }

    /** @param fromCall the work order just registered came from a call, which a 警单 could take with it */
    private TemplateInstance page(RegistrationForm form, String registered, boolean fromCall, String done,
            String error) {
        List<CategoryOption> leaves = categories.all().stream().filter(c -> c.active() && c.level() == 3)
                .sorted(Comparator.comparing(CategoryView::code))
                .map(c -> new CategoryOption(c.code(), c.name(), c.path(), PinyinInitials.of(c.path()))).toList();
        List<DepartmentView> active = departments.all().stream().filter(DepartmentView::active).toList();
        return Templates.desktop(telephony.enabled(), telephony.enabled() ? agents.me(actor.get()) : null,
                PAUSE_REASONS, leaves, active, areas.all(), List.of(RequestType.values()), List.of(Occupation.values()),
                List.of(Urgency.values()), List.of(WorkOrderStatus.values()), List.of(IvrChoice.values()),
                List.of(AgentState.values()), workOrders.registeredBy(actor.get(), 10), form,
                registered, fromCall, done, error);
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

    /** 转接 110/119/120/122 from the call in hand: the caller goes on there and the agent's leg ends. */
    @POST
    @Path("/phone/transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@FormParam("callId") String callId, @FormParam("target") String target) {
        return act("来电已转接 " + target + "，您已退出此通话", () -> {
            calls.transfer(PageForms.required("callId", callId), PageForms.required("target", target), actor.get());
            return null;
        });
    }

    /** 三方通话 from the call in hand: 110 or a department's expert is called into a room with caller and agent. */
    @POST
    @Path("/phone/consult")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consult(@FormParam("callId") String callId, @FormParam("number") String number) {
        TelephonyRequests.Consult consult = new TelephonyRequests.Consult(blankToNull(number));
        return act("正在呼叫 " + number + " 加入三方通话", () -> {
            PageForms.requireValid(validator, consult, PageForms::fieldLabel);
            calls.consult(PageForms.required("callId", callId), consult.number(), actor.get());
            return null;
        });
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
            Relation relation = form.chosenRelation();
            PageForms.requireValid(validator, request, RegistrationForm::fieldLabel);
            // with an answer given on the call the work order is registered closed, and never dispatched
            String number = workOrders.register(request, actor.get(), null).workOrder().number();
            String outcome = request.directAnswer() == null
                    ? ""
                    : "&done=" + PageForms.encode("已当场答复，工单已办结");
            if (relation != null) {
                outcome = relate(number, relation, form.relatedNumber.strip());
            }
            return Response.seeOther(URI.create("/agent?registered=" + number
                    + (request.callId() == null ? "" : "&fromCall=true") + outcome)).build();
        } catch (HotlineException e) {
            return Response.status(e.status())
                    .entity(page(form, null, false, null, PageForms.reason(e, RegistrationForm::fieldLabel)))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
    }

    /**
     * 并单 or 关联 of the work order just registered; the work order stays registered when the existing one refuses it
     * (closed meanwhile), and the agent is told why.
     */
    private String relate(String number, Relation relation, String existing) {
        try {
            return "&done=" + PageForms.encode(duplicates.relate(number, relation, existing, actor.get()));
        } catch (HotlineException e) {
            return "&error=" + PageForms.encode("工单已登记，但未能" + Labels.label(relation) + "：" + PageForms.reason(e,
                    RegistrationForm::fieldLabel));
        }
    }

    /**
     * What the agent has typed so far, as the desktop's assistant sends it.
     *
     * @param categoryCode the category chosen, if any: the responsibility list then answers for it
     */
    public record Typed(@Size(max = 200) String title, @Size(max = 10000) String content,
            @Size(max = 50) String district, @Size(max = 50) String street, @Size(max = 20) String categoryCode) {
    }

    /**
     * An article the assistant offers.
     *
     * @param answer the answer as plain text, which 采用此答复 copies into 即问即答
     * @param answerHtml the answer formatted, for the agent to read out
     */
    public record OfferedArticle(String slug, String title, String snippet, String answer, String answerHtml) {
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
        String chosen = blankToNull(typed.categoryCode()) == null
                ? null
                : categories.byCode(typed.categoryCode().strip()).filter(CategoryView::active).map(CategoryView::code)
                        .orElse(null);
        boolean typedText = blankToNull(typed.title()) != null || blankToNull(typed.content()) != null;
        if (!typedText && chosen == null) {
            return new Assistance(null, List.of());
        }
        DispatchSuggestion dispatch = suggester.suggest(typed.title(), typed.content(), chosen,
                blankToNull(typed.district()), blankToNull(typed.street()), rules.today());
        List<ArticleHit> hits = typedText
                ? aboutTheSameField(knowledge.suggest(typed.title(), typed.content(), ARTICLES_CONSIDERED),
                        chosen != null
                                ? chosen
                                : dispatch.categories().isEmpty() ? null : dispatch.categories().get(0).code())
                : List.of();
        Map<String, String> answers = articles.answers(hits.stream().map(ArticleHit::slug).toList());
        List<OfferedArticle> offered = hits.stream()
                .filter(hit -> answers.containsKey(hit.slug()))
                .map(hit -> new OfferedArticle(hit.slug(), hit.title(), hit.snippet(),
                        Markdown.text(answers.get(hit.slug())), Markdown.html(answers.get(hit.slug()))))
                .toList();
        return new Assistance(dispatch, offered);
    }

    /**
     * The best articles, those under the same top-level category as the request first, so that an article that
     * merely shares words (a 公积金 article for a 物业 complaint) comes only when nothing closer does.
     */
    private static List<ArticleHit> aboutTheSameField(List<ArticleHit> hits, String categoryCode) {
        if (categoryCode == null || categoryCode.length() < 2) {
            return hits.stream().limit(ARTICLES_OFFERED).toList();
        }
        String field = categoryCode.substring(0, 2);
        List<ArticleHit> same = hits.stream()
                .filter(hit -> hit.category() != null && hit.category().code().startsWith(field)).toList();
        return (same.isEmpty() ? hits : same).stream().limit(ARTICLES_OFFERED).toList();
    }

    /**
     * 可能重复 as the agent types: the earlier work orders about the same matter (the same phone, place and category
     * with a similar text, or enterprise). Read-only; the page calls it while the form is filled.
     */
    @POST
    @Path("/duplicates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public List<DuplicateService.Suggestion> duplicates(@NotNull @Valid DuplicateService.Typed typed) {
        return duplicates.suggest(typed);
    }

    /**
     * 来电人历史: the number's work orders and whether it is a repeat caller, from the work orders alone, so that it
     * works with or without the phone system. The page asks as the agent types the number.
     */
    @GET
    @Path("/caller")
    @Produces(MediaType.APPLICATION_JSON)
    public CallerHistory caller(@QueryParam("phone") String phone) {
        String number = blankToNull(phone);
        if (number == null || !PHONE.matcher(number).matches()) {
            throw InvalidFieldException.malformed("phone", "format", "请输入电话号码");
        }
        return workOrders.callerHistory(number, telephony.repeatCallWindow(), CALLER_HISTORY, actor.get());
    }

    /**
     * 查工单 from the desktop: a work order number opens its page, a phone number lists the caller's work orders,
     * anything else searches numbers, titles and contents.
     */
    @GET
    @Path("/lookup")
    public Response lookup(@QueryParam("q") String query) {
        String typed = blankToNull(query);
        if (typed == null) {
            return Response.seeOther(URI.create("/agent")).build();
        }
        typed = typed.strip();
        if (WORK_ORDER_NUMBER.matcher(typed).matches()) {
            try {
                workOrders.get(typed, actor.get());
                return Response.seeOther(URI.create("/hotline/work-orders/" + typed)).build();
            } catch (ResourceNotFoundException e) {
                return Response.seeOther(URI.create("/agent?error=" + PageForms.encode("没有编号为 " + typed + " 的工单")))
                        .build();
            }
        }
        String search = PHONE.matcher(typed).matches() ? "phone=" : "q=";
        return Response.seeOther(URI.create("/hotline/search?" + search + PageForms.encode(typed))).build();
    }

    private static Response act(String done, Supplier<?> step) {
        return PageForms.act("/agent", done, step);
    }
}
