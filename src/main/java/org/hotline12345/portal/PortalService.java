package org.hotline12345.portal;

import static org.hotline12345.common.TextInput.blankToNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.access.PersonalDataReads;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.intake.IntakeService;
import org.hotline12345.intake.IntakeSource;
import org.hotline12345.intake.IntakeState;
import org.hotline12345.intake.IntakeViews;
import org.hotline12345.portal.PortalViews.CodeSent;
import org.hotline12345.portal.PortalViews.GivenRating;
import org.hotline12345.portal.PortalViews.Progress;
import org.hotline12345.portal.PortalViews.Receipt;
import org.hotline12345.portal.PortalViews.Step;
import org.hotline12345.portal.PortalViews.SubmitRequest;
import org.hotline12345.rating.RatingService;
import org.hotline12345.sms.SmsConfig;
import org.hotline12345.sms.SmsSender;
import org.hotline12345.telephony.BlockedNumbers;
import org.hotline12345.workorder.AttachmentService;
import org.hotline12345.workorder.CitizenProgress;
import org.hotline12345.workorder.CreditCode;
import org.hotline12345.workorder.PhoneNumbers;
import org.hotline12345.workorder.ServiceRating;
import org.hotline12345.workorder.WorkOrderService;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The citizens' side: proving a phone by SMS code, submitting a request into the intake with its receipt and 提取码,
 * following it by number and 提取码 or by number, phone and a fresh code, and rating the reply. The portal answers only
 * what the citizen proved they may see, and only about that one work order.
 */
@ApplicationScoped
public class PortalService {

    static final int TITLE_MAX = 100;
    static final int CONTENT_MAX = 2000;

    @Inject
    VerificationCodes codes;

    @Inject
    ExtractionCodes extractionCodes;

    @Inject
    AccessTokens tokens;

    @Inject
    PersonalDataReads reads;

    @Inject
    IntakeService intake;

    @Inject
    AttachmentService attachments;

    @Inject
    WorkOrderService workOrders;

    @Inject
    RatingService ratings;

    @Inject
    BlockedNumbers blocked;

    @Inject
    SmsSender sender;

    @Inject
    SmsConfig smsConfig;

    @Inject
    PortalConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /** Texts a code to prove the phone; the page shows the code itself only without an SMSC in development. */
    public CodeSent sendCode(String phone, CodePurpose purpose, String clientAddress) {
        String mobile = MobileNumbers.normalize(phone);
        refuseBlocked(mobile);
        String code = codes.send(mobile, purpose, clientAddress);
        return new CodeSent(PhoneNumbers.mask(mobile), showsCodes() ? code : null);
    }

    /** Whether codes are shown on the page: no SMSC, in development or the embedded demo only. */
    public boolean showsCodes() {
        return !sender.reachesSmsc() && smsConfig.showCodesWithoutSmsc();
    }

    /**
     * 我要留言: checks the form, the code and the limits, and hands the request to the intake, which stores it under
     * a reserved work-order number and texts the receipt. The same text again within minutes is answered with the
     * first one's number and stored once.
     */
    /** A file the citizen attached, as uploaded: the name their phone gave it and the bytes in a temporary file. */
    public record Upload(String fileName, Path file) {
    }

    /** How many files a citizen may attach to one request. */
    public int maxAttachments() {
        return Math.min(config.maxAttachments(), attachments.maxPerWorkOrder());
    }

    public Receipt submit(SubmitRequest request, List<Upload> uploads, String clientAddress) {
        String mobile = MobileNumbers.normalize(request.phone());
        String title = required(request.title(), "请填写标题", TITLE_MAX, "标题");
        String content = required(request.content(), "请填写诉求内容", CONTENT_MAX, "诉求内容");
        String name = required(request.name(), "请填写您的姓名或称呼", 50, "姓名");
        if (request.requestType() == null) {
            throw PortalRefusal.invalid("请选择诉求类型");
        }
        String enterprise = blankToNull(request.enterpriseName());
        String creditCode = blankToNull(request.creditCode());
        if ((enterprise == null) != (creditCode == null)) {
            throw PortalRefusal.invalid("反映企业问题请同时填写企业名称和统一社会信用代码");
        }
        if (creditCode != null && !CreditCode.isValid(creditCode.strip().toUpperCase(Locale.ROOT))) {
            throw PortalRefusal.invalid("统一社会信用代码不正确，请核对后填写（18 位，末位为校验码）");
        }
        if (!request.privacyAccepted()) {
            throw PortalRefusal.invalid("请阅读并同意个人信息保护说明");
        }
        // before the code is used up: a refused file must not cost the citizen a new code
        List<AttachmentService.SubmittedFile> files = checked(uploads);
        refuseBlocked(mobile);
        codes.use(mobile, CodePurpose.SUBMIT, request.code());
        Instant now = clock.instant();
        Optional<IntakeViews.Receipt> earlier = intake.duplicateOf(mobile, title, content);
        if (earlier.isPresent()) {
            return repeated(earlier.get());
        }
        if (intake.submittedByPhoneSince(mobile, now.minus(Duration.ofDays(1))) >= config
                .submissionsPerPhonePerDay()) {
            throw PortalRefusal.tooMany("该手机号今天提交的诉求已达 " + config.submissionsPerPhonePerDay() + " 件，请明天再提交或拨打 12345");
        }
        if (clientAddress != null && intake.submittedFromSince(clientAddress, now.minus(Duration.ofHours(1))) >= config
                .submissionsPerAddressPerHour()) {
            throw PortalRefusal.tooMany("提交过于频繁，请稍后再试");
        }
        String number = intake.reserveNumber();
        String extraction = ExtractionCodes.generate();
        IntakeViews.Submission submission = new IntakeViews.Submission(IntakeSource.PORTAL, request.requestType(),
                title, content, blankToNull(request.district()), blankToNull(request.street()),
                blankToNull(request.address()), enterprise == null ? null : enterprise.strip(),
                creditCode == null ? null : creditCode.strip().toUpperCase(Locale.ROOT), name, mobile,
                request.confidential(), clientAddress, files);
        IntakeViews.Receipt receipt = QuarkusTransaction.requiringNew().call(() -> {
            IntakeViews.Receipt stored = intake.submit(number, submission, extraction, progressLink());
            if (!stored.duplicate()) {
                extractionCodes.store(number, mobile, extraction);
            }
            return stored;
        });
        return receipt.duplicate()
                ? repeated(receipt)
                : new Receipt(receipt.number(), extraction, false, receipt.submittedAt(),
                        tokens.issue(receipt.number(), config.pageValidity()));
    }

    /**
     * The attached files by the work orders' attachment rules (their API, not a copy), at most
     * {@link #maxAttachments()};
     * a refusal names the file and the rule, and asks to choose the files again (a browser does not keep them).
     */
    private List<AttachmentService.SubmittedFile> checked(List<Upload> uploads) {
        if (uploads.size() > maxAttachments()) {
            throw PortalRefusal.invalid("您选择了 " + uploads.size() + " 个附件，" + attachmentRule() + "；请重新选择");
        }
        List<AttachmentService.SubmittedFile> files = new ArrayList<>();
        for (Upload upload : uploads) {
            String name = upload.fileName() == null ? "" : upload.fileName().strip();
            try {
                AttachmentService.CheckedFile file = attachments.check(upload.fileName(), upload.file());
                files.add(new AttachmentService.SubmittedFile(file.fileName(), file.type().contentType(),
                        Files.readAllBytes(upload.file())));
            } catch (InvalidFieldException e) {
                throw PortalRefusal.invalid("附件“" + name + "”未能上传：" + e.violation().message() + "。"
                        + attachmentRule() + "；请重新选择附件");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The attachment rules in the citizen's words. */
    public String attachmentRule() {
        long size = attachments.maxSize();
        String largest = size >= 1024 * 1024 ? size / (1024 * 1024) + " MB" : size / 1024 + " KB";
        return "最多 " + maxAttachments() + " 个，每个不超过 " + largest + "，限 JPEG、PNG、PDF、DOCX、XLSX 文件";
    }

    /** 进度查询 by number and 提取码. */
    public Progress progressByExtractionCode(String number, String code) {
        String wanted = requiredNumber(number);
        extractionCodes.check(wanted, code);
        return progress(wanted, "提取码");
    }

    /** Texts a code for a lookup by phone; whether the number belongs to that phone is told only after the code. */
    public CodeSent sendLookupCode(String phone, String clientAddress) {
        return sendCode(phone, CodePurpose.LOOKUP, clientAddress);
    }

    /** 进度查询 by number, phone and a fresh SMS code: only the phone that raised it sees it. */
    public Progress progressByPhone(String number, String phone, String code) {
        String wanted = requiredNumber(number);
        String mobile = MobileNumbers.normalize(phone);
        codes.use(mobile, CodePurpose.LOOKUP, code);
        String owner = extractionCodes.phoneOf(wanted)
                .or(() -> workOrders.citizenProgress(wanted).map(CitizenProgress::phone)).orElse(null);
        if (!MobileNumbers.same(owner, mobile)) {
            throw PortalRefusal.forbidden("没有找到该手机号提交的这件诉求，请核对工单编号");
        }
        return progress(wanted, "短信验证码");
    }

    /** The progress page again, for the holder of a page or rating-link token. */
    public Progress progressByToken(String token, String proof) {
        String number = tokens.verify(token)
                .orElseThrow(() -> PortalRefusal.forbidden("页面已过期，请重新查询"));
        return progress(number, proof);
    }

    /** 好差评, from the progress page or the invitation's link (the token says which work order). */
    public Progress rate(String token, ServiceRating rating, String comment, String channel) {
        String number = tokens.verify(token)
                .orElseThrow(() -> PortalRefusal.forbidden("页面已过期，请重新查询后评价"));
        if (rating == null) {
            throw PortalRefusal.invalid("请选择评价等级");
        }
        CitizenProgress progress = workOrders.citizenProgress(number)
                .orElseThrow(() -> PortalRefusal.invalid("这件诉求还没有可评价的答复"));
        ratings.rate(progress, rating, comment, channel);
        return progress(number, "评价");
    }

    /** A link to the progress lookup, for the receipt and reply texts. */
    String progressLink() {
        return config.baseUrl().replaceAll("/$", "") + "/public/progress";
    }

    /** The invitation's link: rates this one work order for a month. */
    String ratingLink(String number) {
        return config.baseUrl().replaceAll("/$", "") + "/public/rate?t="
                + tokens.issue(number, config.ratingLinkValidity());
    }

    private Receipt repeated(IntakeViews.Receipt earlier) {
        return new Receipt(earlier.number(), null, true, earlier.submittedAt(),
                tokens.issue(earlier.number(), config.pageValidity()));
    }

    private Progress progress(String number, String proof) {
        Optional<IntakeViews.OnlineRequest> online = intake.find(number);
        Optional<CitizenProgress> order = workOrders.citizenProgress(number);
        String token = tokens.issue(number, config.pageValidity());
        List<Step> steps = new ArrayList<>();
        online.ifPresent(request -> steps.add(new Step("已提交", request.submittedAt())));
        if (order.isEmpty()) {
            IntakeViews.OnlineRequest request = online
                    .orElseThrow(() -> PortalRefusal.invalid("工单编号或提取码不正确"));
            reads.shownToCitizen(number, proof);
            boolean refused = request.state() == IntakeState.REFUSED;
            if (refused) {
                steps.add(new Step("不予受理", request.decidedAt()));
            }
            return new Progress(number, refused ? "不予受理" : "待受理", request.requestType(), request.title(),
                    request.content(), steps, null, null, refused ? request.refusalReason() : null, false, null,
                    token);
        }
        CitizenProgress progress = order.get();
        reads.shownToCitizen(number, proof);
        String last = null;
        for (CitizenProgress.Step step : progress.steps()) {
            String label = CitizenSteps.label(step.type(), step.status());
            if (label != null && !label.equals(last)) {
                steps.add(new Step(label, time(step.at())));
                last = label;
            }
        }
        GivenRating given = ratings.find(number)
                .map(rating -> new GivenRating(rating.rating(), rating.comment(), rating.ratedAt())).orElse(null);
        return new Progress(number, CitizenSteps.stage(progress.status()), progress.requestType(), progress.title(),
                progress.content(), steps, progress.replyDeadline() == null ? null : time(progress.replyDeadline()),
                progress.answer(), null, progress.rateable() && given == null, given, token);
    }

    private void refuseBlocked(String mobile) {
        if (blocked.isBlocked(mobile)) {
            throw PortalRefusal.forbidden("该号码暂不能使用网上留言，如有诉求请拨打 12345");
        }
    }

    private static String requiredNumber(String number) {
        String value = blankToNull(number);
        if (value == null || !value.strip().matches("\\d{8}-\\d{6}")) {
            throw PortalRefusal.invalid("请填写工单编号，如 20261207-000042");
        }
        return value.strip();
    }

    private static String required(String value, String missing, int max, String field) {
        String text = blankToNull(value);
        if (text == null) {
            throw PortalRefusal.invalid(missing);
        }
        if (text.strip().length() > max) {
            throw PortalRefusal.invalid(field + "不能超过 " + max + " 字");
        }
        return text.strip();
    }

    private OffsetDateTime time(Instant instant) {
        return instant.atZone(calendar.zone()).toOffsetDateTime();
    }
}
