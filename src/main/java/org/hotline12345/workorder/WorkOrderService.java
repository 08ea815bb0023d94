package org.hotline12345.workorder;

import static org.hotline12345.common.TextInput.blankToNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Page;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.notification.NewNotification;
import org.hotline12345.notification.NotificationKind;
import org.hotline12345.notification.NotificationService;
import org.hotline12345.security.Actor;
import org.hotline12345.workorder.WorkOrderViews.CallerHistory;
import org.hotline12345.workorder.WorkOrderViews.Detail;
import org.hotline12345.workorder.WorkOrderViews.EventView;
import org.hotline12345.workorder.WorkOrderViews.Handled;
import org.hotline12345.workorder.WorkOrderViews.Registration;
import org.hotline12345.workorder.WorkOrderViews.Summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Work orders from intake to close. Every change runs in one transaction that locks the work order's row, so that
 * concurrent actions on it are serialised and the later one sees the state the earlier one left (and fails with 409
 * if that state no longer allows it).
 */
@ApplicationScoped
public class WorkOrderService {

    @Inject
    AnswerArticles answerArticles;

    @Inject
    WorkOrderRepository workOrders;

    @Inject
    StatelessSession statelessSession;

    @Inject
    DepartmentDirectory departments;

    @Inject
    CategoryDirectory categories;

    @Inject
    DeadlinePolicy deadlines;

    @Inject
    WorkingCalendar calendar;

    @Inject
    RegistrationWriter writer;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    WorkOrderMapper mapper;

    @Inject
    ObjectMapper json;

    @Inject
    NotificationService notifications;

    @Inject
    Event<WorkOrderChanged> changed;

    @Inject
    Event<WorkOrdersRegistered> registered;

    @Inject
    Instance<DispatchAdvisor> advisor;

    @Inject
    Instance<CallContext> callContext;

    @Inject
    Clock clock;

    /**
     * 受理, and 派单 too when the request names departments. With an {@code idempotencyKey}, a retry of the same
     * request returns the work order the first one created and creates nothing.
     * <p>
     * References are checked against the in-memory directories first; then the work order is numbered and written in
     * a transaction shared with the registrations arriving meanwhile, which also claims the key. A key claimed before
     * (or by a registration committed meanwhile) is answered with what it created, after that commit.
     */
    public Registration register(WorkOrderRequests.Register request, Actor actor, String idempotencyKey) {
        CategoryView category = categories.requireActive(request.categoryCode(), "categoryCode");
        ResolvedDispatch dispatch = request.dispatch() == null ? null : resolve(request.dispatch(), "dispatch.");
        String fingerprint = idempotencyKey == null ? null : fingerprint(request);
        Optional<WorkOrder> created = writer.write(new NewRegistration(request, category, dispatch, actor,
                clock.instant(), idempotencyKey, fingerprint));
        if (created.isPresent()) {
            // mapped here, after the commit, so that the writer's thread goes on to the next batch sooner
            return new Registration(mapper.detail(created.get(), actor), false);
        }
        return replay(actor, idempotencyKey, fingerprint)
                .orElseThrow(() -> new ConflictException("Idempotency-Key " + idempotencyKey + " is in use"));
    }

    /** A registration checked and waiting for its group commit. */
    record NewRegistration(WorkOrderRequests.Register request, CategoryView category, ResolvedDispatch dispatch,
            Actor actor, Instant registeredAt, String idempotencyKey, String fingerprint) {
    }

    /**
     * Writes the registrations of one group commit, each table's rows as one JDBC batch, and returns each one's work
     * order in their order, or nothing for one whose Idempotency-Key was claimed before. Runs in the writer's
     * transaction.
     */
    List<Optional<WorkOrder>> writeRegistrations(List<NewRegistration> batch, List<String> numbers) {
        List<IdempotencyStore.Claim> claims = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            NewRegistration registration = batch.get(i);
            claims.add(registration.idempotencyKey() == null
                    ? null
                    : new IdempotencyStore.Claim(registration.actor().username(), registration.idempotencyKey(),
                            registration.fingerprint(), numbers.get(i), registration.registeredAt()));
        }
        boolean[] claimed = idempotency.claim(claims);
        List<WorkOrder> orders = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            orders.add(claimed[i] ? create(numbers.get(i), batch.get(i)) : null);
        }
        List<WorkOrder> created = orders.stream().filter(Objects::nonNull).toList();
        if (!created.isEmpty()) {
            // rows of one table after another, so that each table's rows go to the database in one batch
            statelessSession.insertMultiple(created);
            statelessSession.insertMultiple(created.stream().flatMap(order -> order.getHistory().stream()).toList());
            statelessSession
                    .insertMultiple(created.stream().flatMap(order -> order.getAssignments().stream()).toList());
            registered.fire(new WorkOrdersRegistered(created));
        }
        return orders.stream().map(Optional::ofNullable).toList();
    }

    private WorkOrder create(String number, NewRegistration registration) {
        WorkOrderRequests.Register request = registration.request();
        Actor actor = registration.actor();
        Instant now = registration.registeredAt();
        WorkOrder order = WorkOrder.register(number, intake(request, registration.category(), callContext), actor,
                now);
        ResolvedDispatch dispatch = registration.dispatch();
        if (dispatch != null) {
            order.dispatch(dispatch.lead(), dispatch.assisting(), deadlines.limitsFor(order), calendar, actor, now,
                    request.dispatch().comment(), ruleFor(order, dispatch.lead(), now), Map.of());
        } else if (autoDispatchWanted(request)) {
            dispatchAutomatically(order, now);
        }
        return order;
    }

    private boolean autoDispatchWanted(WorkOrderRequests.Register request) {
        return !Boolean.FALSE.equals(request.autoDispatch()) && advisor.isResolvable()
                && advisor.get().automaticDispatchEnabled();
    }

    /** 自动派单 when the dispatch feature is sure enough; otherwise its suggestion is recorded for the agent. */
    private void dispatchAutomatically(WorkOrder order, Instant now) {
        DispatchAdvisor.Advice advice = advisor.get().advise(order.getTitle(), order.getContent(),
                categories.byId(order.getCategoryId()).orElseThrow().code(), order.getLocation(), now);
        if (advice.automatic()) {
            order.dispatch(advice.lead(), advice.assisting(), deadlines.limitsFor(order), calendar, null, now, null,
                    advice.ruleVersionId(), advice.details());
        } else {
            order.recordDispatchSuggestion(advice.nobodyResponsible(), now, advice.details());
        }
    }

    /** The responsibility rule version behind a dispatch to {@code lead}, if there is one. */
    private Long ruleFor(WorkOrder order, DepartmentView lead, Instant now) {
        if (!advisor.isResolvable()) {
            return null;
        }
        return advisor.get().ruleFor(categories.byId(order.getCategoryId()).orElseThrow().code(),
                order.getLocation(), now, lead.id()).map(DispatchAdvisor.RuleRef::id).orElse(null);
    }

    private Optional<Registration> replay(Actor actor, String idempotencyKey, String fingerprint) {
        return idempotency.find(actor.username(), idempotencyKey).map(remembered -> {
            if (!remembered.requestHash().equals(fingerprint)) {
                throw InvalidFieldException.unacceptable("Idempotency-Key", "reuse",
                        "was already used for a different request; use a new key for a new work order");
            }
            return new Registration(QuarkusTransaction.requiringNew()
                    .call(() -> mapper.detail(find(remembered.workOrderNumber()), actor)), true);
        });
    }

    @Transactional
    public Detail get(String number, Actor actor) {
        WorkOrder order = find(number);
        WorkOrderAccess.requireVisible(order, actor);
        return mapper.detail(order, actor);
    }

    @Transactional
    public List<EventView> history(String number, Actor actor) {
        WorkOrder order = find(number);
        WorkOrderAccess.requireVisible(order, actor);
        return mapper.history(order.getHistory());
    }

    @Transactional
    public Page<Summary> search(WorkOrderSearch search, int page, int size, Actor actor) {
        WorkOrderSearch scoped = actor.isDepartmentStaff() ? search.visibleTo(actor.departmentId()) : search;
        return workOrders.search(scoped, clock.instant(), calendar.zone(), page, size)
                .map(order -> mapper.summary(order, actor));
    }

    /**
     * 来电人历史: a number's work orders, newest first, and how many of them came within {@code repeatWindow} (a
     * repeat caller when any did), from the work orders alone, so that it works without the phone system.
     */
    @Transactional
    public CallerHistory callerHistory(String phone, Duration repeatWindow, int limit, Actor actor) {
        Instant since = clock.instant().minus(repeatWindow);
        List<WorkOrder> found = workOrders.search(new WorkOrderSearch(Set.of(), Set.of(), Set.of(), Set.of(), null,
                null, null, null, null, null, null, null, WorkOrderSearch.Sort.REGISTERED_DESC,
                WorkOrderSearch.Caller.byPhone(phone)), clock.instant(), calendar.zone(), 0, limit).items();
        int recent = (int) found.stream().filter(order -> order.getRegisteredAt().isAfter(since)).count();
        return new CallerHistory(phone, recent > 0, recent, repeatWindow,
                found.stream().map(order -> mapper.summary(order, actor)).toList());
    }

    /**
     * 已办: the work orders the actor's department has acted on and no longer has to (replied, returned, handed on,
     * closed), the one it acted on last first, each with its last step.
     */
    @Transactional
    public Page<Handled> handledBy(Actor actor, int page, int size) {
        String from = " from WorkOrderEvent e join e.workOrder w where e.actorDepartmentId = :department"
                + " and not exists (select 1 from Assignment a where a.workOrder = w and a.departmentId = :department"
                + " and a.endedAt is null and w.status in :held)";
        List<WorkOrder> found = workOrders.getEntityManager()
                .createQuery("select w" + from + " group by w order by max(e.occurredAt) desc, w.id desc",
                        WorkOrder.class)
                .setParameter("department", actor.departmentId()).setParameter("held", WorkOrderStatus.HELD)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = workOrders.getEntityManager().createQuery("select count(distinct w)" + from, Long.class)
                .setParameter("department", actor.departmentId()).setParameter("held", WorkOrderStatus.HELD)
                .getSingleResult();
        return new Page<>(found.stream().map(order -> {
            WorkOrderEvent last = order.getHistory().stream()
                    .filter(e -> actor.departmentId().equals(e.getActorDepartmentId()))
                    .reduce((first, second) -> second).orElseThrow();
            return new Handled(mapper.summary(order, actor), last.getType(),
                    last.getOccurredAt().atZone(calendar.zone()).toOffsetDateTime(), last.getActorName());
        }).toList(), page, size, total);
    }

    /** The work orders this user registered, newest first: an agent's own list on the desktop. */
    @Transactional
    public List<Summary> registeredBy(Actor actor, int limit) {
        return workOrders.find("registeredBy = ?1 order by registeredAt desc, id desc", actor.username())
                .page(0, limit).list().stream().map(order -> mapper.summary(order, actor)).toList();
    }

    /** Work orders whose department asked for more time and awaits the hotline's decision, oldest request first. */
    @Transactional
    public List<Summary> pendingExtensions(int limit, Actor actor) {
        return workOrders.getEntityManager().createQuery("select e.workOrder from ExtensionRequest e"
                + " where e.status = :pending order by e.requestedAt", WorkOrder.class)
                .setParameter("pending", ExtensionStatus.PENDING).setMaxResults(limit).getResultList().stream()
                .filter(order -> !actor.isDepartmentStaff() || order.everAssignedTo(actor.departmentId()))
                .map(order -> mapper.summary(order, actor))
                .toList();
    }

    /** The category and its whole subtree, for filtering by a node at any level. */
    public List<Long> categorySubtree(String code) {
        categories.byCode(code).orElseThrow(
                () -> InvalidFieldException.malformed("category", "exists", "no category has code " + code));
        return categories.all().stream().filter(c -> c.code().startsWith(code)).map(CategoryView::id).toList();
    }

    public long departmentId(String code) {
        return departments.byCode(code).orElseThrow(
                () -> InvalidFieldException.malformed("department", "exists", "no department has code " + code)).id();
    }

    @Transactional
    public Detail answerDirectly(String number, String answer, String articleSlug, Actor actor) {
        AnswerArticles.AnswerArticle article = blankToNull(articleSlug) == null
                ? null
                : answerArticles.require(articleSlug.strip(), "articleSlug");
        return change(number, actor, (order, now) -> order.answerDirectly(answer, article, actor, now));
    }

    /** 涉企诉求: the hotline marks a work order as an enterprise request, for the business-environment desk. */
    @Transactional
    public Detail markEnterpriseRequest(String number, Actor actor) {
        return change(number, actor, (order, now) -> order.markEnterpriseRequest(actor, now));
    }

    @Transactional
    public Detail dispatch(String number, WorkOrderRequests.Dispatch request, Actor actor) {
        ResolvedDispatch dispatch = resolve(request, "");
        return change(number, actor, (order, now) -> order.dispatch(dispatch.lead(), dispatch.assisting(),
                deadlines.limitsFor(order), calendar, actor, now, request.comment(), ruleFor(order, dispatch.lead(),
                        now),
                Map.of()));
    }

    @Transactional
    public Detail redispatch(String number, WorkOrderRequests.Dispatch request, Actor actor) {
        ResolvedDispatch dispatch = resolve(request, "");
        return change(number, actor, (order, now) -> order.redispatch(dispatch.lead(), dispatch.assisting(),
                deadlines.limitsFor(order), calendar, actor, now, request.comment(), ruleFor(order, dispatch.lead(),
                        now)));
    }

    @Transactional
    public Detail accept(String number, String comment, Actor actor) {
        return changeAsLead(number, actor, (order, now) -> order.accept(actor, now, comment));
    }

    @Transactional
    public Detail requestReturn(String number, String reason, Actor actor) {
        return changeAsLead(number, actor, (order, now) -> order.requestReturn(reason, actor, now));
    }

    @Transactional
    public Detail approveReturn(String number, String comment, Actor actor) {
        return change(number, actor, (order, now) -> order.approveReturn(actor, now, comment));
    }

    @Transactional
    public Detail rejectReturn(String number, String comment, Actor actor) {
        return change(number, actor, (order, now) -> order.rejectReturn(calendar, actor, now, comment));
    }

    @Transactional
    public Detail requestExtension(String number, WorkOrderRequests.Extension request, Actor actor) {
        return changeAsLead(number, actor,
                (order, now) -> order.requestExtension(request.days(), request.reason(), actor, now));
    }

    @Transactional
    public Detail approveExtension(String number, String comment, Actor actor) {
        return change(number, actor, (order, now) -> order.approveExtension(calendar, actor, now, comment));
    }

    @Transactional
    public Detail rejectExtension(String number, String comment, Actor actor) {
        return change(number, actor, (order, now) -> order.rejectExtension(actor, now, comment));
    }

    @Transactional
    public Detail submitAssistInput(String number, String input, Actor actor) {
        WorkOrder order = lock(number);
        WorkOrderAccess.requireAssisting(order, actor, departments);
        Instant now = clock.instant();
        order.submitAssistInput(actor.departmentId(), input, actor, now);
        return done(order, actor, now);
    }

    @Transactional
    public Detail reply(String number, String content, Actor actor) {
        return changeAsLead(number, actor, (order, now) -> order.reply(content, actor, now));
    }

    @Transactional
    public Detail approveReply(String number, String comment, Actor actor) {
        return change(number, actor, (order, now) -> order.approveReply(actor, now, comment));
    }

    @Transactional
    public Detail rejectReply(String number, String reason, Actor actor) {
        return change(number, actor,
                (order, now) -> order.rejectReply(reason, deadlines.limitsFor(order), calendar, actor, now));
    }

    @Transactional
    public Detail recordCallback(String number, WorkOrderRequests.Callback request, Actor actor) {
        CallbackResult result = new CallbackResult(request.reached(), request.resolved(), request.satisfaction());
        if (result.reached() && result.satisfaction() == null) {
            throw InvalidFieldException.malformed("satisfaction", "required",
                    "is required when the citizen was reached");
        }
        if (result.reached() && result.resolved() == null) {
            throw InvalidFieldException.malformed("resolved", "required", "is required when the citizen was reached");
        }
        return change(number, actor, (order, now) -> order.recordCallback(result, deadlines.limitsFor(order),
                calendar, actor, now, request.comment()));
    }

    @Transactional
    public Detail close(String number, String reason, Actor actor) {
        return change(number, actor, (order, now) -> order.close(actor, now, reason));
    }

    /** 催办, with a notification to the lead department. */
    @Transactional
    public Detail urge(String number, String comment, Actor actor) {
        return change(number, actor, (order, now) -> {
            order.urge(actor, now, comment);
            notifyLead(order, NotificationKind.URGE, "催办：工单 " + number + " 请抓紧办理", comment, actor);
        });
    }

    /** 督办, with a notification to the lead department. */
    @Transactional
    public Detail supervise(String number, String comment, Actor actor) {
        return change(number, actor, (order, now) -> {
            order.supervise(actor, now, comment);
            notifyLead(order, NotificationKind.SUPERVISE, "督办：工单 " + number + " 已列为督办件", comment, actor);
        });
    }

    private void notifyLead(WorkOrder order, NotificationKind kind, String title, String comment, Actor actor) {
        notifications.send(List.of(NewNotification.toDepartment(order.getLeadDepartmentId(), kind, order.getNumber(),
                title, "《" + order.getTitle() + "》" + (comment == null || comment.isBlank() ? "" : "：" + comment)
                        + "（" + actor.displayName() + "）")));
    }

    /** 并单. Both rows are locked in number order, so two crossing merges cannot deadlock. */
    @Transactional
    public Detail merge(String number, WorkOrderRequests.Merge request, Actor actor) {
        String primaryNumber = request.primary().strip();
        boolean duplicateFirst = number.compareTo(primaryNumber) <= 0;
        WorkOrder first = workOrders.lockByNumber(duplicateFirst ? number : primaryNumber).orElse(null);
        WorkOrder second = workOrders.lockByNumber(duplicateFirst ? primaryNumber : number).orElse(null);
        WorkOrder duplicate = duplicateFirst ? first : second;
        WorkOrder primary = duplicateFirst ? second : first;
        if (duplicate == null) {
            throw new ResourceNotFoundException("Work order", number);
        }
        if (primary == null) {
            throw InvalidFieldException.unacceptable("primary", "exists", "no work order has number " + primaryNumber);
        }
        Instant now = clock.instant();
        duplicate.mergeInto(primary, actor, now, request.comment());
        changed.fire(new WorkOrderChanged(primary, now));
        return done(duplicate, actor, now);
    }

    private Detail change(String number, Actor actor, BiConsumer<WorkOrder, Instant> change) {
        WorkOrder order = lock(number);
        WorkOrderAccess.requireVisible(order, actor);
        Instant now = clock.instant();
        change.accept(order, now);
        return done(order, actor, now);
    }

    private Detail changeAsLead(String number, Actor actor, BiConsumer<WorkOrder, Instant> change) {
        WorkOrder order = lock(number);
        WorkOrderAccess.requireLead(order, actor, departments);
        Instant now = clock.instant();
        change.accept(order, now);
        return done(order, actor, now);
    }

    private Detail done(WorkOrder order, Actor actor, Instant now) {
        changed.fire(new WorkOrderChanged(order, now));
        workOrders.flush();
        return mapper.detail(order, actor);
    }

    private WorkOrder find(String number) {
        return workOrders.findByNumber(number).orElseThrow(() -> new ResourceNotFoundException("Work order", number));
    }

    private WorkOrder lock(String number) {
        return workOrders.lockByNumber(number).orElseThrow(() -> new ResourceNotFoundException("Work order", number));
    }

    private record ResolvedDispatch(DepartmentView lead, List<DepartmentView> assisting) {
    }

    private ResolvedDispatch resolve(WorkOrderRequests.Dispatch request, String prefix) {
        DepartmentView lead = departments.requireActive(request.leadDepartmentCode(), prefix + "leadDepartmentCode");
        List<DepartmentView> assisting = new ArrayList<>();
        List<String> codes = request.assistingDepartmentCodes() == null
                ? List.of()
                : request.assistingDepartmentCodes();
        for (int i = 0; i < codes.size(); i++) {
            String field = prefix + "assistingDepartmentCodes[" + i + "]";
            DepartmentView department = departments.requireActive(codes.get(i), field);
            if (department.id() == lead.id() || assisting.contains(department)) {
                throw InvalidFieldException.unacceptable(field, "distinct",
                        department.name() + " is already on this dispatch");
            }
            assisting.add(department);
        }
        return new ResolvedDispatch(lead, assisting);
    }

    private static Intake intake(WorkOrderRequests.Register request, CategoryView category,
            Instance<CallContext> calls) {
        String callId = request.callId();
        boolean enterpriseLine = callId != null && calls.isResolvable() && calls.get().choseEnterpriseLine(callId);
        WorkOrderRequests.CitizenInput citizen = request.citizen();
        WorkOrderRequests.LocationInput location = request.location();
        return new Intake(
                request.channel(),
                request.requestType(),
                new Citizen(citizen.name().strip(), citizen.phone().strip(),
                        citizen.occupation() == null ? Occupation.OTHER : citizen.occupation(),
                        Boolean.TRUE.equals(citizen.confidential())),
                request.enterprise() == null
                        ? null
                        : new Enterprise(request.enterprise().name().strip(), request.enterprise().creditCode()),
                request.title().strip(),
                request.content().strip(),
                location == null ? null : new Location(location.district(), location.street(), location.address()),
                category.id(),
                request.urgency() == null ? Urgency.NORMAL : request.urgency(),
                Boolean.TRUE.equals(request.simple()),
                Boolean.TRUE.equals(request.enterpriseRequest()) || enterpriseLine,
                callId);
    }

    private String fingerprint(WorkOrderRequests.Register request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
