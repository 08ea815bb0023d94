package org.hotline12345.intake;

import static org.hotline12345.common.TextInput.blankToNull;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
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

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.duplicate.DuplicateService;
import org.hotline12345.duplicate.DuplicateService.Suggestion;
import org.hotline12345.duplicate.Relation;
import org.hotline12345.intake.IntakeViews.OnlineRequest;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.WorkOrderRequests;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 待受理（网络诉求）: the agents' list of online requests, each opened to register it (受理, as for a call, correcting
 * what the citizen chose) or refuse it (不予受理).
 */
@Path("/agent/intake")
@RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR})
public class IntakePages {

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("requestType", "诉求类型"),
            Map.entry("title", "标题"), Map.entry("content", "诉求内容"), Map.entry("location.district", "区县"),
            Map.entry("location.street", "街道"), Map.entry("location.address", "详细地址"),
            Map.entry("categoryCode", "诉求分类"), Map.entry("dispatch.leadDepartmentCode", "主办单位"),
            Map.entry("citizen.name", "姓名"), Map.entry("citizen.phone", "联系电话"),
            Map.entry("enterprise.creditCode", "统一社会信用代码"), Map.entry("refusalKind", "不予受理类别"),
            Map.entry("refusalReason", "告知市民的原因"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<OnlineRequest> pending, OffsetDateTime now, long targetMinutes,
                String done, String error);

        static native TemplateInstance request(OnlineRequest request, List<IntakeViews.SubmittedAttachment> files,
                OffsetDateTime now, List<CategoryView> categories, List<DepartmentView> departments,
                List<RequestType> requestTypes, List<RefusalKind> refusalKinds, List<Suggestion> duplicates, Form form,
                String error);

    }

    /** The registration form as posted; shown again, filled in, when refused. */
    public static class Form {
        @FormParam("requestType")
        public String requestType;
        @FormParam("title")
        public String title;
        @FormParam("content")
        public String content;
        @FormParam("district")
        public String district;
        @FormParam("street")
        public String street;
        @FormParam("address")
        public String address;
        @FormParam("categoryCode")
        public String categoryCode;
        @FormParam("urgent")
        public boolean urgent;
        @FormParam("simple")
        public boolean simple;
        @FormParam("leadDepartmentCode")
        public String leadDepartmentCode;
        /** 关联 or 并单 with an offered earlier work order, as {@code LINK:number}; blank for neither. */
        @FormParam("duplicateChoice")
        public String duplicateChoice;

        static Form of(OnlineRequest request) {
            Form form = new Form();
            form.requestType = request.requestType().name();
            form.title = request.title();
            form.content = request.content();
            form.district = request.district();
            form.street = request.street();
            form.address = request.address();
            return form;
        }

        IntakeService.Correction correction() {
            return new IntakeService.Correction(PageForms.option(RequestType.class, requestType, "诉求类型"),
                    blankToNull(title), blankToNull(content), blankToNull(district), blankToNull(street),
                    blankToNull(address), blankToNull(categoryCode), urgent, simple, blankToNull(leadDepartmentCode));
        }
    }

    @Inject
    IntakeService intake;

    @Inject
    IntakeConfig config;

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Validator validator;

    @Inject
    CurrentActor actor;

    @Inject
    DuplicateService duplicates;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("done") String done, @QueryParam("error") String error) {
        return Templates.list(intake.pending(), now(), config.receiptTarget().toMinutes(), done, error);
    }

    @GET
    @Path("/{number}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance request(@PathParam("number") String number) {
        OnlineRequest request = intake.find(number)
                .orElseThrow(() -> new ResourceNotFoundException("Online request", number));
        return page(request, Form.of(request), null);
    }

    /** 受理: registers it as a work order, dispatched at once when a lead department was chosen. */
    @POST
    @Path("/{number}/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("number") String number, @BeanParam Form form) {
        try {
            WorkOrderRequests.Register registration = intake.registration(number, form.correction());
            PageForms.requireValid(validator, registration, IntakePages::fieldLabel);
            String[] choice = blankToNull(form.duplicateChoice) == null ? null : form.duplicateChoice.split(":", 2);
            Relation relation = choice == null ? null : PageForms.option(Relation.class, choice[0], "重复诉求");
            intake.register(number, registration, actor.get());
            String done = "已受理网络诉求 " + number + (registration.dispatch() == null ? "" : "，已派单");
            if (relation != null && choice.length == 2) {
                try {
                    done += "；" + duplicates.relate(number, relation, choice[1], actor.get());
                } catch (HotlineException e) {
                    return Response.seeOther(URI.create("/agent/intake?done=" + PageForms.encode(done) + "&error="
                            + PageForms.encode("未能" + Labels.label(relation) + "：" + e.getMessage()))).build();
                }
            }
            return Response.seeOther(URI.create("/agent/intake?done=" + PageForms.encode(done))).build();
        } catch (HotlineException e) {
            OnlineRequest request = intake.find(number)
                    .orElseThrow(() -> new ResourceNotFoundException("Online request", number));
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(request, form, PageForms.reason(e, IntakePages::fieldLabel))).build();
        }
    }

    /** 不予受理, with the reason the citizen is texted. */
    @POST
    @Path("/{number}/refuse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refuse(@PathParam("number") String number, @FormParam("refusalKind") String kind,
            @FormParam("refusalReason") String reason) {
        try {
            intake.refuse(number, PageForms.option(RefusalKind.class, kind, "不予受理类别"), reason, actor.get());
            return Response.seeOther(URI.create("/agent/intake?done="
                    + PageForms.encode("已对网络诉求 " + number + " 不予受理，已短信告知市民"))).build();
        } catch (HotlineException e) {
            OnlineRequest request = intake.find(number)
                    .orElseThrow(() -> new ResourceNotFoundException("Online request", number));
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(request, Form.of(request), PageForms.reason(e, IntakePages::fieldLabel))).build();
        }
    }

    private TemplateInstance page(OnlineRequest request, Form form, String error) {
        List<CategoryView> leaves = categories.all().stream().filter(c -> c.active() && c.level() == 3)
                .sorted(Comparator.comparing(CategoryView::code)).toList();
        List<DepartmentView> active = departments.all().stream().filter(DepartmentView::active).toList();
        List<Suggestion> offered = request.state() == IntakeState.PENDING
                ? duplicates.suggest(new DuplicateService.Typed(request.phone(), form.title, form.content,
                        form.district, form.street, form.categoryCode, request.enterpriseName(), request.creditCode(),
                        request.number()))
                : List.of();
        return Templates.request(request, intake.attachments(request.number()), now(), leaves, active,
                List.of(RequestType.values()),
                List.of(RefusalKind.values()), offered, form, error);
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(calendar.zone()).toOffsetDateTime();
    }

    static String fieldLabel(String path) {
        return LABELS.getOrDefault(path, path);
    }
}
