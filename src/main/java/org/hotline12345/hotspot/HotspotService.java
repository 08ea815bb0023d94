package org.hotline12345.hotspot;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.hotspot.HotspotStore.Stored;
import org.hotline12345.hotspot.HotspotViews.HotspotView;
import org.hotline12345.security.Actor;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.Channel;
import org.hotline12345.workorder.RequestCounts;
import org.hotline12345.workorder.RequestCounts.Scope;
import org.hotline12345.workorder.WorkOrderReads;
import org.hotline12345.workorder.WorkOrderRequests;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderStatus;

/**
 * The hotspots for people: the supervisors' list and each hotspot's work orders and effect, the department's own, and
 * the supervisor's decision: a proactive work order (主动治理) registered and dispatched like any other, or a dismissal
 * with a reason.
 */
@ApplicationScoped
public class HotspotService {

    /** Most hotspots listed at once. */
    static final int LISTED = 200;

    /** The name a proactive work order gives as its citizen's: the hotline raised it, no citizen called. */
    static final String PROACTIVE_CONTACT = "12345热线（主动治理）";

    /**
     * 主动治理: the work order a supervisor registers for a hotspot.
     *
     * @param categoryCode the work order's category: the hotspot's when blank, required where the hotspot spans all
     * @param leadDepartmentCode the department it is dispatched to: none leaves it to the dispatch queue (or the
     *        automatic dispatch, where it is on)
     */
    public record Proactive(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 10000) String content,
            @Size(max = 20) String categoryCode, @Size(max = 40) String leadDepartmentCode) {
    }

    /** A dismissal and its reason. */
    public record Dismissal(@NotBlank @Size(max = 2000) String reason) {
    }

    /** A work order behind a hotspot, as its page lists it. */
    public record Order(String number, String title, WorkOrderStatus status, String statusLabel) {
    }

    /**
     * The requests of the hotspot's category in its area for the same length of time before and after its proactive
     * work order (at most the configured period): whether acting made them fewer.
     *
     * @param days the length of each period, in days (fractions for a work order of today)
     */
    public record Effect(Instant actedAt, double days, long before, long after, String text) {
    }

    /**
     * A hotspot's page: the hotspot, its work orders, the effect once acted on, and the proactive work order's draft.
     */
    public record Detail(HotspotView hotspot, List<Order> workOrders, Effect effect, Proactive draft) {
    }

    @Inject
    HotspotStore store;

    @Inject
    HotspotConfig config;

    @Inject
    RequestCounts counts;

    @Inject
    WorkOrderReads reads;

    @Inject
    WorkOrderService workOrders;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /** The hotspots the actor may see, newest first: all for supervisors, their department's for its staff. */
    public List<HotspotView> list(HotspotStatus status, Actor actor) {
        return store.list(status, departmentOf(actor), LISTED).stream()
                .map(h -> HotspotViews.view(h, calendar.zone())).toList();
    }

    /** How many hotspots wait for a supervisor. */
    public long openCount() {
        return store.openCount();
    }

    /** The hotspot's page. */
    public Detail detail(long id, Actor actor) {
        Stored hotspot = visible(id, actor);
        List<Order> orders = reads.briefs(store.workOrderIds(id)).values().stream()
                .map(b -> new Order(b.number(), b.title(), b.status(), Labels.label(b.status()))).toList();
        return new Detail(HotspotViews.view(hotspot, calendar.zone()), orders, effect(hotspot), draft(hotspot));
    }

    /** Registers the proactive work order for an open hotspot and links it; the work order's number. */
    @Transactional
    public String act(long id, Proactive request, Actor actor) {
        requireSupervisor(actor);
        Stored hotspot = open(id);
        String category = blankToNull(request.categoryCode()) == null
                ? hotspot.categoryCode()
                : request.categoryCode().strip();
        if (category == null) {
            throw InvalidFieldException.malformed("categoryCode", "NotBlank", "此热点跨越全部分类：请选择工单的诉求分类");
        }
        String lead = blankToNull(request.leadDepartmentCode());
        WorkOrderRequests.Register register = new WorkOrderRequests.Register(Channel.PROACTIVE,
                hotspot.requestType(),
                new WorkOrderRequests.CitizenInput(PROACTIVE_CONTACT, config.contactPhone(), null, false), null,
                request.title().strip(), request.content().strip(),
                new WorkOrderRequests.LocationInput(hotspot.district(), hotspot.street(), null), category, null, null,
                lead == null ? null : new WorkOrderRequests.Dispatch(lead.strip(), List.of(), "主动治理：热点 #" + id),
                null, null, null, null);
        String number = workOrders.register(register, actor, null).workOrder().number();
        store.acted(id, number, clock.instant(), actor.username());
        return number;
    }

    /** Dismisses an open hotspot with the supervisor's reason. */
    @Transactional
    public void dismiss(long id, Dismissal dismissal, Actor actor) {
        requireSupervisor(actor);
        open(id);
        store.dismissed(id, dismissal.reason().strip(), clock.instant(), actor.username());
    }

    private Stored open(long id) {
        Stored hotspot = store.lock(id).orElseThrow(() -> new ResourceNotFoundException("热点", id));
        if (hotspot.status() != HotspotStatus.OPEN) {
            throw new ConflictException("热点 #" + id + " 已处理（" + Labels.label(hotspot.status()) + "）");
        }
        return hotspot;
    }

    private Stored visible(long id, Actor actor) {
        Stored hotspot = store.find(id).orElseThrow(() -> new ResourceNotFoundException("热点", id));
        Long department = departmentOf(actor);
        if (department != null && !department.equals(hotspot.departmentId())) {
            throw new ResourceNotFoundException("热点", id);
        }
        return hotspot;
    }

    /** Only the department's own hotspots for its staff; every hotspot for the hotline. */
    private static Long departmentOf(Actor actor) {
        if (actor.isDepartmentStaff()) {
            return actor.departmentId() == null ? -1L : actor.departmentId();
        }
        return null;
    }

    /** Acting on a hotspot is the supervisors' decision (班长), as the hotspot pages and API offer it. */
    private static void requireSupervisor(Actor actor) {
        if (actor.role() != Role.SUPERVISOR) {
            throw new ActionForbiddenException("热点由班长转为主动治理或忽略，" + Labels.label(actor.role()) + "无此权限");
        }
    }

    private Effect effect(Stored hotspot) {
        if (hotspot.status() != HotspotStatus.ACTED) {
            return null;
        }
        Instant acted = hotspot.decidedAt();
        Duration since = Duration.between(acted, clock.instant());
        Duration period = since.compareTo(config.effectPeriod()) < 0 ? since : config.effectPeriod();
        Scope scope = new Scope(hotspot.categoryCode(), hotspot.district(), hotspot.street());
        long before = counts.count(scope, acted.minus(period), acted);
        long after = counts.count(scope, acted, acted.plus(period));
        double days = Math.round(period.toMinutes() / 144.0) / 10.0;
        String what = HotspotViews.area(hotspot.district(), hotspot.street())
                + (hotspot.categoryName() == null ? "全部分类" : "「" + hotspot.categoryName() + "」");
        String text = period.isZero()
                ? "刚转为主动治理，尚无可比较的时段"
                : "主动治理前后各 " + days + " 天，" + what + "诉求：之前 " + before + " 件，之后 " + after + " 件"
                        + (after < before
                                ? "，减少 " + (before - after) + " 件"
                                : after > before
                                        ? "，增加 "
                                                + (after - before) + " 件"
                                        : "，持平");
        return new Effect(acted, days, before, after, text);
    }

    private Proactive draft(Stored hotspot) {
        Collection<String> numbers = hotspot.workOrderNumbers();
        String title = "主动治理：" + hotspot.summary();
        String content = "热点：" + HotspotViews.headline(hotspot) + "，"
                + HotspotViews.figures(hotspot) + "。相关工单：" + numbers.stream().collect(Collectors.joining("、"))
                + "。请排查原因，主动治理，并答复治理情况。";
        return new Proactive(title.length() > 200 ? title.substring(0, 200) : title, content,
                hotspot.categoryCode(), hotspot.departmentCode());
    }
}
