package org.hotline12345.workorder;

import static org.hotline12345.common.TextInput.blankToNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.hotline12345.workorder.WorkOrderViews.Figures;
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
    WorkOrderNumbers numbers;

    @Inject
    Event<WorkOrderStepped> stepped;

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
        WorkOrderPolicy.requireRegister(actor);
        CategoryView category = categories.requireActive(request.categoryCode(), "categoryCode");
        if (request.directAnswer() != null && request.dispatch() != null) {
            throw InvalidFieldException.malformed("dispatch", "absent",
                    "即问即答的工单当场办结，不派单：请不要同时指定承办单位");
        }
        ResolvedDispatch dispatch = request.dispatch() == null ? null : resolve(request.dispatch(), "dispatch.");
        AnswerArticles.AnswerArticle article = request.directAnswer() == null
                ? null
                : article(request.directAnswer().articleSlug(), "directAnswer.articleSlug");
        String fingerprint = idempotencyKey == null ? null : fingerprint(request);
        Optional<WorkOrder> created = writer.write(new NewRegistration(request, category, dispatch, article, actor,
                clock.instant(), idempotencyKey, fingerprint, null));
        if (created.isPresent()) {
            // mapped here, after the commit, so that the writer's thread goes on to the next batch sooner
            return new Registration(mapper.detail(created.get(), actor), false);
        }
        return replay(actor, idempotencyKey, fingerprint)
                .orElseThrow(() -> new ConflictException("Idempotency-Key " + idempotencyKey + " 正被另一份登记使用"));
    }

    /**
     * 受理 of a request that came in online (the intake): the work order takes the number reserved for it when the
     * citizen submitted it, so that the number on the citizen's receipt is the work order's.
     */
    public Detail registerAs(String reservedNumber, WorkOrderRequests.Register request, Actor actor) {
        CategoryView category = categories.requireActive(request.categoryCode(), "categoryCode");
        ResolvedDispatch dispatch = request.dispatch() == null ? null : resolve(request.dispatch(), "dispatch.");
        AnswerArticles.AnswerArticle article = request.directAnswer() == null
                ? null
                : article(request.directAnswer().articleSlug(), "directAnswer.articleSlug");
        WorkOrder created = writer.write(new NewRegistration(request, category, dispatch, article, actor,
                clock.instant(), null, null, reservedNumber)).orElseThrow();
        return mapper.detail(created, actor);
    }

    /**
     * A work-order number for a request the hotline has not registered yet (an online submission), drawn from the
     * same daily counter; call it outside any transaction. A request never registered leaves a gap.
     */
    public String reserveNumber() {
        return numbers.next(List.of(clock.instant())).get(0);
    }

    /**
     * A registration checked and waiting for its group commit.
     *
     * @param reservedNumber the number reserved for it on submission, or {@code null} to draw one
     */
    record NewRegistration(WorkOrderRequests.Register request, CategoryView category, ResolvedDispatch dispatch,
            AnswerArticles.AnswerArticle answerArticle, Actor actor, Instant registeredAt, String idempotencyKey,
            String fingerprint, String reservedNumber) {
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
            registered.fire(WorkOrdersRegistered.of(created));
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
        if (request.directAnswer() != null) {
            // answered on the call: closed at once, never dispatched, whatever automatic dispatch would do
            order.answerDirectly(request.directAnswer().answer(), registration.answerArticle(), actor, now);
        } else if (dispatch != null) {
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
                        "已用于另一份登记；新的工单请使用新的键");
            }
            return new Registration(QuarkusTransaction.requiringNew()
                    .call(() -> mapper.detail(find(remembered.workOrderNumber()), actor)), true);
        });
    }

    @Transactional
    public Detail get(String number, Actor actor) {
        WorkOrder order = find(number);
        WorkOrderPolicy.requireVisible(order, actor);
        return mapper.detail(order, actor);
    }

    @Transactional
    public List<EventView> history(String number, Actor actor) {
        WorkOrder order = find(number);
        WorkOrderPolicy.requireVisible(order, actor);
        return mapper.history(order.getHistory());
    }

    /** Work orders as the pages list them, without their citizens. */
    @Transactional
    public Page<Summary> search(WorkOrderSearch search, int page, int size, Actor actor) {
        return found(search, page, size, actor).map(order -> mapper.summary(order, actor));
    }

    /** Work orders as the API lists them, each with its citizen's name (masked where it must be). */
    @Transactional
    public Page<Summary> searchWithCitizens(WorkOrderSearch search, int page, int size, Actor actor) {
        Page<WorkOrder> found = found(search, page, size, actor);
        return new Page<>(mapper.summariesWithCitizens(found.items(), actor), found.page(), found.size(),
                found.total());
    }

    private Page<WorkOrder> found(WorkOrderSearch search, int page, int size, Actor actor) {
        WorkOrderSearch scoped = actor.isDepartmentStaff() ? search.visibleTo(actor.departmentId()) : search;
        return workOrders.search(scoped, clock.instant(), calendar.zone(), page, size);
    }

    /** The numbers of the work orders of the citizen with this phone number, compared as calls compare numbers. */
    @Transactional
    public List<String> numbersOfCitizen(String phone) {
        @SuppressWarnings("unchecked")
        List<String> numbers = workOrders.getEntityManager().createNativeQuery(
                "select number from work_order where phone_key(citizen_phone) = phone_key(?1)")
                .setParameter(1, phone).getResultList();
        return numbers;
    }

    /**
     * Records in the work order's history what the deadline supervision did (a card lifted); the status does not
     * change. Runs in the transaction of the step that made the supervision act.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSupervision(long workOrderId, EventType type, Instant at, Map<String, Object> details) {
        workOrders.findByIdOptional(workOrderId).orElseThrow(() -> new ResourceNotFoundException("工单", workOrderId))
                .recordSupervision(type, at, details);
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
        // the desktop offers the name the caller gave before, so the history names the citizen (and is recorded)
        return new CallerHistory(phone, recent > 0, recent, repeatWindow, mapper.summariesWithCitizens(found, actor));
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
                .setParameter("department", actor.departmentId())
                .setParameter("held", WorkOrderStatus.OPEN_FOR_DEPARTMENT)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = workOrders.getEntityManager().createQuery("select count(distinct w)" + from, Long.class)
                .setParameter("department", actor.departmentId())
                .setParameter("held", WorkOrderStatus.OPEN_FOR_DEPARTMENT)
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

    /** What waits for the hotline now and today's intake, over every work order. */
    @Transactional
    public Figures figures() {
        Instant now = clock.instant();
        Instant today = LocalDate.ofInstant(now, calendar.zone()).atStartOfDay(calendar.zone()).toInstant();
        Map<WorkOrderStatus, Long> byStatus = new EnumMap<>(WorkOrderStatus.class);
        workOrders.getEntityManager().createQuery("select w.status, count(w) from WorkOrder w where w.status <> :closed"
                + " group by w.status", Object[].class).setParameter("closed", WorkOrderStatus.CLOSED).getResultList()
                .forEach(row -> byStatus.put((WorkOrderStatus) row[0], (Long) row[1]));
        return new Figures(
                workOrders.count("registeredAt >= ?1", today),
                workOrders.count("closedAt >= ?1", today),
                byStatus.getOrDefault(WorkOrderStatus.REGISTERED, 0L),
                workOrders.count("status = ?1 and needsDispatchReview = true", WorkOrderStatus.REGISTERED),
                byStatus.getOrDefault(WorkOrderStatus.RETURNED, 0L),
                byStatus.getOrDefault(WorkOrderStatus.REPLIED, 0L),
                byStatus.getOrDefault(WorkOrderStatus.RETURN_REQUESTED, 0L),
                workOrders.getEntityManager().createQuery("select count(e) from ExtensionRequest e"
                        + " where e.status = :pending", Long.class).setParameter("pending", ExtensionStatus.PENDING)
                        .getSingleResult(),
                byStatus.getOrDefault(WorkOrderStatus.REVIEWED, 0L),
                WorkOrderStatus.CLOCK_RUNNING.stream().mapToLong(status -> byStatus.getOrDefault(status, 0L)).sum(),
                workOrders.search(WorkOrderSearch.overdueOnly(), now, calendar.zone(), 0, 1).total());
    }

    /** The category and its whole subtree, for filtering by a node at any level. */
    public List<Long> categorySubtree(String code) {
        categories.byCode(code).orElseThrow(
                () -> InvalidFieldException.malformed("category", "exists", "没有代码为 " + code + " 的诉求分类"));
        return categories.all().stream().filter(c -> c.code().startsWith(code)).map(CategoryView::id).toList();
    }

    public long departmentId(String code) {
        return departments.byCode(code).orElseThrow(
                () -> InvalidFieldException.malformed("department", "exists", "没有代码为 " + code + " 的承办单位")).id();
    }

    @Transactional
    public Detail answerDirectly(String number, String answer, String articleSlug, Actor actor) {
        AnswerArticles.AnswerArticle article = article(articleSlug, "articleSlug");
        return change(number, actor, WorkOrderAction.ANSWER_DIRECTLY,
                (order, now) -> order.answerDirectly(answer, article, actor, now));
    }

    /** The published article an answer names, {@code null} for none. */
    private AnswerArticles.AnswerArticle article(String slug, String field) {
        return blankToNull(slug) == null ? null : answerArticles.require(slug.strip(), field);
    }

    /** 涉企诉求: the hotline marks a work order as an enterprise request, for the business-environment desk. */
    @Transactional
    public Detail markEnterpriseRequest(String number, Actor actor) {
        return change(number, actor, WorkOrderAction.MARK_ENTERPRISE_REQUEST,
                (order, now) -> order.markEnterpriseRequest(actor, now));
    }

    @Transactional
    public Detail dispatch(String number, WorkOrderRequests.Dispatch request, Actor actor) {
        ResolvedDispatch dispatch = resolve(request, "");
        return change(number, actor, WorkOrderAction.DISPATCH,
                (order, now) -> order.dispatch(dispatch.lead(), dispatch.assisting(),
                        deadlines.limitsFor(order), calendar, actor, now, request.comment(),
                        ruleFor(order, dispatch.lead(),
                                now),
                        Map.of()));
    }

    @Transactional
    public Detail redispatch(String number, WorkOrderRequests.Dispatch request, Actor actor) {
        ResolvedDispatch dispatch = resolve(request, "");
        return change(number, actor, WorkOrderAction.REDISPATCH,
                (order, now) -> order.redispatch(dispatch.lead(), dispatch.assisting(),
                        deadlines.limitsFor(order), calendar, actor, now, request.comment(),
                        ruleFor(order, dispatch.lead(),
                                now)));
    }

    @Transactional
    public Detail accept(String number, String comment, Actor actor) {
        return change(number, actor, WorkOrderAction.ACCEPT, (order, now) -> order.accept(actor, now, comment));
    }

    @Transactional
    public Detail requestReturn(String number, String reason, Actor actor) {
        return change(number, actor, WorkOrderAction.REQUEST_RETURN,
                (order, now) -> order.requestReturn(reason, actor, now));
    }

    @Transactional
    public Detail approveReturn(String number, String comment, Actor actor) {
        return change(number, actor, WorkOrderAction.APPROVE_RETURN,
                (order, now) -> order.approveReturn(actor, now, comment));
    }

    @Transactional
    public Detail rejectReturn(String number, String comment, Actor actor) {
        return change(number, actor, WorkOrderAction.REJECT_RETURN,
                (order, now) -> order.rejectReturn(calendar, actor, now, comment));
    }

    @Transactional
    public Detail requestExtension(String number, WorkOrderRequests.Extension request, Actor actor) {
        return change(number, actor, WorkOrderAction.REQUEST_EXTENSION,
                (order, now) -> order.requestExtension(request.days(), request.reason(), actor, now));
    }

    @Transactional
    public Detail approveExtension(String number, String comment, Actor actor) {
        return change(number, actor, WorkOrderAction.APPROVE_EXTENSION,
                (order, now) -> order.approveExtension(calendar, actor, now, comment));
    }

    @Transactional
    public Detail rejectExtension(String number, String comment, Actor actor) {
        return change(number, actor, WorkOrderAction.REJECT_EXTENSION,
                (order, now) -> order.rejectExtension(actor, now, comment));
    }

    @Transactional
    public Detail submitAssistInput(String number, String input, Actor actor) {
        return change(number, actor, WorkOrderAction.SUBMIT_ASSIST_INPUT,
                (order, now) -> order.submitAssistInput(actor.departmentId(), input, actor, now));
    }

    @Transactional
    public Detail reply(String number, String content, Actor actor) {
        return change(number, actor, WorkOrderAction.REPLY, (order, now) -> order.reply(content, actor, now));
    }

    @Transactional
    public Detail approveReply(String number, String comment, Actor actor) {
        return change(number, actor, WorkOrderAction.APPROVE_REPLY,
                (order, now) -> order.approveReply(actor, now, comment));
    }

    @Transactional
    public Detail rejectReply(String number, String reason, Actor actor) {
        return change(number, actor, WorkOrderAction.REJECT_REPLY,
                (order, now) -> order.rejectReply(reason, deadlines.limitsFor(order), calendar, actor, now));
    }

    @Transactional
    public Detail recordCallback(String number, WorkOrderRequests.Callback request, Actor actor) {
        CallbackResult result = callbackResult(request);
        return change(number, actor, WorkOrderAction.RECORD_CALLBACK, (order, now) -> order.recordCallback(result,
                deadlines.limitsFor(order), calendar, actor, now, request.comment()));
    }

    private static CallbackResult callbackResult(WorkOrderRequests.Callback request) {
        CallbackResult result = new CallbackResult(request.reached(), request.resolved(), request.satisfaction());
        if (result.reached() && result.satisfaction() == null) {
            throw InvalidFieldException.malformed("satisfaction", "required", "联系上市民时须填写满意度");
        }
        if (result.reached() && result.resolved() == null) {
            throw InvalidFieldException.malformed("resolved", "required", "联系上市民时须填写是否解决");
        }
        return result;
    }

    @Transactional
    public Detail close(String number, String reason, Actor actor) {
        return change(number, actor, WorkOrderAction.CLOSE, (order, now) -> order.close(actor, now, reason));
    }

    /**
     * 销号 by the business-environment desk: the enterprise confirmed the reply, so the reply is approved if it still
     * waits for review, and the enterprise's view is recorded as the callback, which closes the work order. Who may
     * sign off is the ledger's rule ({@code LedgerAction}), not a hotline party's: the desk reviews enterprise
     * requests through it.
     */
    @Transactional
    public Detail closeBySignOff(String number, Satisfaction enterpriseView, String comment, Actor actor) {
        WorkOrder order = lock(number);
        Instant now = clock.instant();
        if (order.getStatus() == WorkOrderStatus.REPLIED) {
            order.approveReply(actor, now, "营商环境专席销号审核");
        }
        if (order.getStatus() == WorkOrderStatus.REVIEWED) {
            order.recordCallback(new CallbackResult(true, true, enterpriseView), deadlines.limitsFor(order),
                    calendar, actor, now, comment);
        }
        return done(order, actor, now);
    }

    /**
     * The desk refused the sign-off: the work order goes back to its department (重办), as a failed review while the
     * reply waits for one, as a dissatisfied callback once reviewed. The ledger decides who may.
     */
    @Transactional
    public Detail reopenBySignOffRejection(String number, String reason, Actor actor) {
        WorkOrder order = lock(number);
        Instant now = clock.instant();
        if (order.getStatus() == WorkOrderStatus.REPLIED) {
            order.rejectReply(reason, deadlines.limitsFor(order), calendar, actor, now);
        } else if (order.getStatus() == WorkOrderStatus.REVIEWED) {
            order.recordCallback(new CallbackResult(true, false, Satisfaction.DISSATISFIED),
                    deadlines.limitsFor(order), calendar, actor, now, reason);
        }
        return done(order, actor, now);
    }

    /** 催办, with a notification to the lead department. */
    @Transactional
    public Detail urge(String number, String comment, Actor actor) {
        return change(number, actor, WorkOrderAction.URGE, (order, now) -> {
            order.urge(actor, now, comment);
            notifyLead(order, NotificationKind.URGE, "催办：工单 " + number + " 请抓紧办理", comment, actor);
        });
    }

    /** 督办, with a notification to the lead department. */
    @Transactional
    public Detail supervise(String number, String comment, Actor actor) {
        return change(number, actor, WorkOrderAction.SUPERVISE, (order, now) -> {
            order.supervise(actor, now, comment);
            notifyLead(order, NotificationKind.SUPERVISE, "督办：工单 " + number + " 已列为督办件", comment, actor);
        });
    }

    private void notifyLead(WorkOrder order, NotificationKind kind, String title, String comment, Actor actor) {
        notifications.send(List.of(NewNotification.toDepartment(order.getLeadDepartmentId(), kind, order.getNumber(),
                title, "《" + order.getTitle() + "》" + (comment == null || comment.isBlank() ? "" : "：" + comment)
                        + "（" + actor.displayName() + "）")));
    }

    /**
     * What the work order shows the citizen who proved they may see it (its 提取码, or its phone): the steps in the
     * order they happened, the deadline and the reply once the hotline approved it; never notes, staff or other
     * departments' input.
     */
    @Transactional
    public Optional<CitizenProgress> citizenProgress(String number) {
        return workOrders.findByNumber(number).map(order -> {
            boolean approved = order.getStatus() == WorkOrderStatus.REVIEWED
                    || order.getStatus() == WorkOrderStatus.CLOSED && order.getReply() != null;
            String answer = order.getClosure() == Closure.ANSWERED_DIRECTLY
                    ? order.getDirectAnswer()
                    : approved ? order.getReply() : null;
            List<CitizenProgress.Step> steps = order.getHistory().stream()
                    .map(event -> new CitizenProgress.Step(event.getType(), event.getToStatus(),
                            event.getOccurredAt()))
                    .toList();
            String department = order.getLeadDepartmentId() == null
                    ? null
                    : departments.byId(order.getLeadDepartmentId()).map(DepartmentView::name).orElse(null);
            boolean rateable = approved && order.getClosure() != Closure.MERGED;
            return new CitizenProgress(order.getNumber(), order.getChannel(), order.getRequestType(),
                    order.getTitle(), order.getContent(), order.getCitizen().phone(),
                    order.getCitizen().confidential(), order.getStatus(), order.getRegisteredAt(),
                    order.getStatus().heldByDepartment() ? order.getReplyDeadline() : null, answer, steps, rateable,
                    order.getLeadDepartmentId(), department);
        });
    }

    /**
     * 好差评: records the citizen's rating of the approved reply on the work order, where it counts as their
     * satisfaction in the rates (see {@link ServiceRating#satisfaction()}).
     *
     * @param channel how the rating came in, e.g. {@code PORTAL} or {@code SMS_LINK}
     */
    @Transactional
    public void rate(String number, ServiceRating rating, String channel) {
        WorkOrder order = lock(number);
        Instant now = clock.instant();
        order.rate(rating, now, channel);
        changed.fire(WorkOrderChanged.of(order, now));
        fireStepped(order, now);
    }

    /**
     * 差评核实 upheld: the work order goes back (重办) to the department that replied, with fresh clocks, and with
     * {@code supervise} also as a formal supervision (督办) notified to that department.
     */
    @Transactional
    public Detail reopenAfterRating(String number, String reason, boolean supervise, Actor actor) {
        return change(number, actor, WorkOrderAction.REOPEN_AFTER_RATING, (order, now) -> {
            order.reopenAfterRating(reason, deadlines.limitsFor(order), calendar, actor, now);
            if (supervise) {
                order.supervise(actor, now, reason);
                notifyLead(order, NotificationKind.SUPERVISE, "督办：工单 " + number + " 差评核实属实，请重新办理", reason,
                        actor);
            } else {
                notifyLead(order, NotificationKind.URGE, "重办：工单 " + number + " 差评核实属实，请重新办理", reason, actor);
            }
        });
    }

    private void fireStepped(WorkOrder order, Instant now) {
        List<WorkOrderEvent> history = order.getHistory();
        EventType last = history.isEmpty() ? null : history.get(history.size() - 1).getType();
        stepped.fire(new WorkOrderStepped(order.getNumber(), order.getChannel(), last, order.getStatus(),
                order.getLeadDepartmentId(), now));
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
            throw new ResourceNotFoundException("工单", number);
        }
        WorkOrderPolicy.require(WorkOrderAction.MERGE, duplicate, actor);
        if (primary == null) {
            throw InvalidFieldException.unacceptable("primary", "exists", "没有编号为 " + primaryNumber + " 的工单");
        }
        Instant now = clock.instant();
        duplicate.mergeInto(primary, actor, now, request.comment());
        changed.fire(WorkOrderChanged.of(primary, now));
        return done(duplicate, actor, now);
    }

    /** Takes {@code action} on the locked work order once {@link WorkOrderPolicy} lets the actor. */
    private Detail change(String number, Actor actor, WorkOrderAction action, BiConsumer<WorkOrder, Instant> change) {
        WorkOrder order = lock(number);
        WorkOrderPolicy.require(action, order, actor);
        Instant now = clock.instant();
        change.accept(order, now);
        return done(order, actor, now);
    }

    private Detail done(WorkOrder order, Actor actor, Instant now) {
        changed.fire(WorkOrderChanged.of(order, now));
        fireStepped(order, now);
        workOrders.flush();
        return mapper.detail(order, actor);
    }

    private WorkOrder find(String number) {
        return workOrders.findByNumber(number).orElseThrow(() -> new ResourceNotFoundException("工单", number));
    }

    private WorkOrder lock(String number) {
        return workOrders.lockByNumber(number).orElseThrow(() -> new ResourceNotFoundException("工单", number));
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
                        department.name() + " 已在本次派单中");
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
