package org.hotline12345.knowledge;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

import org.hotline12345.common.Violation;
import org.hotline12345.knowledge.KnowledgeViews.ArticleView;

/**
 * The editor's article form as posted: every field as typed, so that a refused form comes back exactly as the editor
 * left it. Questions are one per line, tags separated by commas or spaces.
 */
public class ArticleForm {

    /** The Chinese name of each field, by its name in {@link ArticleRequest} and in a version's changed fields. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("slug", "链接名"),
            Map.entry("title", "标题"), Map.entry("questions", "常见问法"), Map.entry("answer", "答案"),
            Map.entry("categoryCode", "分类"), Map.entry("departmentCode", "主管单位"),
            Map.entry("source.name", "依据名称"), Map.entry("sourceName", "依据名称"),
            Map.entry("source.number", "文号"), Map.entry("sourceNumber", "文号"),
            Map.entry("effectiveFrom", "生效日期"), Map.entry("expiresOn", "失效日期"), Map.entry("tags", "标签"),
            Map.entry("status", "状态"), Map.entry("publicAnswer", "公开"), Map.entry("internalNote", "内部备注"),
            Map.entry("reviewOn", "复审日期"), Map.entry("version", "版本"), Map.entry("note", "修改说明"));

    /** What the service's own checks say, by field and rule, in Chinese; see {@link KnowledgeService#check}. */
    private static final Map<String, String> SERVICE_RULES = Map.of("exists", "不存在，请重新选择", "active", "已停用，请另选",
            "after", "须晚于生效日期", "level", "请选择二级或三级分类，不能选一级分类");

    /** The inputs in the order the form shows them, which is the order their problems are told in. */
    private static final List<String> ORDER = List.of("slug", "title", "questions", "answer", "categoryCode",
            "departmentCode", "sourceName", "sourceNumber", "effectiveFrom", "expiresOn", "tags", "status", "reviewOn",
            "publicAnswer", "internalNote", "version", "note");

    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,，、;；\\s]+");

    @FormParam("slug")
    public String slug;
    @FormParam("title")
    public String title;
    @FormParam("questions")
    public String questions;
    @FormParam("answer")
    public String answer;
    @FormParam("categoryCode")
    public String categoryCode;
    @FormParam("departmentCode")
    public String departmentCode;
    @FormParam("sourceName")
    public String sourceName;
    @FormParam("sourceNumber")
    public String sourceNumber;
    @FormParam("effectiveFrom")
    public String effectiveFrom;
    @FormParam("expiresOn")
    public String expiresOn;
    @FormParam("tags")
    public String tags;
    @FormParam("status")
    public String status;
    /** {@code true} when the box is ticked; an unticked box is not posted. */
    @FormParam("publicAnswer")
    public String publicAnswer;
    @FormParam("internalNote")
    public String internalNote;
    @FormParam("reviewOn")
    public String reviewOn;
    /** The version the editor started from; a save over a newer one is refused. */
    @FormParam("version")
    public String version;
    @FormParam("note")
    public String note;

    /** A new article: a draft, in effect from today. */
    static ArticleForm blank(LocalDate today) {
        ArticleForm form = new ArticleForm();
        form.effectiveFrom = today.toString();
        form.status = ArticleStatus.DRAFT.name();
        return form;
    }

    /** The article as saved, to change it. */
    static ArticleForm of(ArticleView article) {
        ArticleForm form = new ArticleForm();
        form.slug = article.slug();
        form.title = article.title();
        form.questions = String.join("\n", article.questions());
        form.answer = article.answer();
        form.categoryCode = article.category().code();
        form.departmentCode = article.department().code();
        form.sourceName = article.source().name();
        form.sourceNumber = article.source().number();
        form.effectiveFrom = article.effectiveFrom().toString();
        form.expiresOn = article.expiresOn() == null ? null : article.expiresOn().toString();
        form.tags = String.join("，", article.tags());
        form.status = article.status().name();
        form.publicAnswer = Boolean.toString(article.publicAnswer());
        form.internalNote = article.internalNote();
        form.reviewOn = article.reviewOn().toString();
        form.version = Integer.toString(article.version());
        return form;
    }

    /** A proposal's content, to change it. */
    static ArticleForm of(KnowledgeProposals.Proposal proposal) {
        ArticleContent content = proposal.content();
        ArticleForm form = new ArticleForm();
        form.title = content.title();
        form.questions = String.join("\n", content.questions());
        form.answer = content.answer();
        form.categoryCode = content.categoryCode();
        form.departmentCode = content.departmentCode();
        form.sourceName = content.sourceName();
        form.sourceNumber = content.sourceNumber();
        form.effectiveFrom = content.effectiveFrom().toString();
        form.expiresOn = content.expiresOn() == null ? null : content.expiresOn().toString();
        form.tags = String.join("，", content.tags());
        form.status = content.status().name();
        form.internalNote = content.internalNote();
        form.reviewOn = content.reviewOn() == null ? null : content.reviewOn().toString();
        form.note = proposal.note();
        return form;
    }

    /**
     * The request this form amounts to; what cannot be read goes into {@code problems} (field to Chinese reason) and
     * is left out of the request, so that it is not reported twice.
     */
    ArticleRequest request(boolean creating, Map<String, String> problems) {
        return new ArticleRequest(creating ? blankToNull(slug) : null, blankToNull(title), lines(questions),
                blankToNull(answer), blankToNull(categoryCode), blankToNull(departmentCode),
                new ArticleRequest.SourceRequest(blankToNull(sourceName), blankToNull(sourceNumber)),
                date("effectiveFrom", effectiveFrom, problems), date("expiresOn", expiresOn, problems),
                blankToNull(tags) == null
                        ? List.of()
                        : Arrays.stream(TAG_SEPARATORS.split(tags.strip())).filter(t -> !t.isEmpty()).toList(),
                status(problems), "true".equals(publicAnswer), blankToNull(internalNote),
                date("reviewOn", reviewOn, problems), creating ? null : version(problems), blankToNull(note));
    }

    /** The Chinese name of a field, e.g. {@code questions[2].<list element>} is 常见问法. */
    static String label(String field) {
        String name = LABELS.get(field);
        if (name != null) {
            return name;
        }
        int end = field.indexOf('[');
        return LABELS.getOrDefault(end < 0 ? field : field.substring(0, end), field);
    }

    /** Bean validation's verdict in Chinese, keyed by the field as the form names it. */
    static void describe(ConstraintViolation<?> violation, Map<String, String> problems) {
        String field = violation.getPropertyPath().toString();
        Object rule = violation.getConstraintDescriptor().getAnnotation();
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        String reason;
        if (rule instanceof NotBlank || rule instanceof NotNull) {
            reason = "请填写";
        } else if (rule instanceof Size) {
            reason = violation.getInvalidValue() instanceof Collection ? "最多 " + max + " 条" : "不能超过 " + max + " 个字";
        } else if (rule instanceof jakarta.validation.constraints.Pattern) {
            reason = "只能用小写字母、数字和单个连字符，如 housing-fund-withdrawal";
        } else if (rule instanceof Positive) {
            reason = "必须是正整数";
        } else {
            reason = violation.getMessage();
        }
        problems.putIfAbsent(formField(field), reason);
    }

    /** A refusal by the service's checks in Chinese; rules the form does not know keep the service's words. */
    static void describe(Violation violation, Map<String, String> problems) {
        problems.putIfAbsent(formField(violation.field()),
                SERVICE_RULES.getOrDefault(violation.rule(), violation.message()));
    }

    /** The form's input a request field comes from: {@code source.name} is typed into {@code sourceName}. */
    private static String formField(String field) {
        int end = field.indexOf('[');
        String name = end < 0 ? field : field.substring(0, end);
        return switch (name) {
            case "source.name", "source" -> "sourceName";
            case "source.number" -> "sourceNumber";
            default -> name;
        };
    }

    /** Where the reasons a form is refused are collected: by input, in the form's order. */
    static Map<String, String> problems() {
        return new TreeMap<>(Comparator.comparingInt((String field) -> ORDER.indexOf(field) < 0
                ? ORDER.size()
                : ORDER.indexOf(field)).thenComparing(Comparator.naturalOrder()));
    }

    /** The problems as one sentence, each with its field's Chinese name. */
    static String summary(Map<String, String> problems) {
        return String.join("；", problems.entrySet().stream().map(p -> label(p.getKey()) + "：" + p.getValue())
                .toList());
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static LocalDate date(String field, String value, Map<String, String> problems) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.put(field, "“" + value.strip() + "”不是日期，应如 2026-11-24");
            return null;
        }
    }

    private ArticleStatus status(Map<String, String> problems) {
        if (blankToNull(status) == null) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            problems.put("status", "不是可选的状态");
            return null;
        }
    }

    private Integer version(Map<String, String> problems) {
        try {
            return Integer.valueOf(blankToNull(version) == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            problems.put("version", "表单缺少所编辑的版本，请重新打开此条目再修改");
            return null;
        }
    }
}
