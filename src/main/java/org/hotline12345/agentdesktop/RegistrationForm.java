package org.hotline12345.agentdesktop;

import static org.hotline12345.common.TextInput.blankToNull;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.FormParam;

import org.hotline12345.common.PageForms;
import org.hotline12345.common.TextInput;
import org.hotline12345.duplicate.Relation;
import org.hotline12345.workorder.Channel;
import org.hotline12345.workorder.Occupation;
import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.Urgency;
import org.hotline12345.workorder.WorkOrderRequests;

/** The desktop's registration form as posted; kept to show again, filled in, when the service refuses it. */
public class RegistrationForm {

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("requestType", "诉求类型"),
            Map.entry("citizen.name", "姓名"), Map.entry("citizen.phone", "联系电话"),
            Map.entry("citizen.occupation", "职业"), Map.entry("enterprise.name", "企业名称"),
            Map.entry("enterprise.creditCode", "统一社会信用代码"), Map.entry("title", "标题"), Map.entry("content", "诉求内容"),
            Map.entry("location.district", "区县"), Map.entry("location.street", "街道"),
            Map.entry("location.address", "详细地址"), Map.entry("categoryCode", "诉求分类"), Map.entry("urgency", "紧急程度"),
            Map.entry("dispatch.leadDepartmentCode", "主办单位"),
            Map.entry("dispatch.assistingDepartmentCodes", "协办单位"), Map.entry("callId", "来电"),
            Map.entry("extension", "分机号"),
            Map.entry("reason", "示忙原因"), Map.entry("directAnswer", "即问即答"),
            Map.entry("directAnswer.answer", "即问即答"), Map.entry("directAnswer.articleSlug", "所用知识"),
            Map.entry("dispatch", "主办单位"),
            Map.entry("answerArticle", "所用知识"), Map.entry("articleSlug", "所用知识"),
            Map.entry("relation", "重复件处理"), Map.entry("existing", "原工单"), Map.entry("primary", "原工单"));

    @FormParam("requestType")
    public String requestType;
    @FormParam("name")
    public String name;
    @FormParam("phone")
    public String phone;
    @FormParam("occupation")
    public String occupation;
    @FormParam("confidential")
    public boolean confidential;
    @FormParam("enterpriseName")
    public String enterpriseName;
    @FormParam("creditCode")
    public String creditCode;
    @FormParam("enterpriseRequest")
    public boolean enterpriseRequest;
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
    @FormParam("urgency")
    public String urgency;
    @FormParam("simple")
    public boolean simple;
    @FormParam("leadDepartmentCode")
    public String leadDepartmentCode;
    /** 协办单位, dispatched with the lead department. */
    @FormParam("assistingDepartmentCodes")
    public List<String> assistingDepartmentCodes;
    @FormParam("callId")
    public String callId;
    /** 即问即答: the answer given on the call, which closes the work order at once. */
    @FormParam("directAnswer")
    public String directAnswer;
    /** The knowledge article the answer on the call came from (its slug), as the agent adopted it. */
    @FormParam("answerArticle")
    public String answerArticle;
    /** Its title, kept only to show the choice again on a refused form. */
    @FormParam("answerArticleTitle")
    public String answerArticleTitle;

    /** 并单 or 关联 with the earlier work order {@link #relatedNumber}, as the agent chose among the offered ones. */
    @FormParam("relation")
    public String relation;
    /** The earlier work order about the same matter. */
    @FormParam("relatedNumber")
    public String relatedNumber;

    /** The Chinese name of a field as the form shows it, for messages. */
    static String fieldLabel(String path) {
        // dispatch.assistingDepartmentCodes[1] is a 协办单位 too
        return LABELS.getOrDefault(path.replaceFirst("\\[\\d+]$", ""), path);
    }

    /** The chosen assisting departments, none when the form had none. */
    public List<String> assisting() {
        return assistingDepartmentCodes == null
                ? List.of()
                : assistingDepartmentCodes.stream().map(TextInput::blankToNull).filter(Objects::nonNull)
                        .distinct().toList();
    }

    /** The registration; with an answer given on the call it is registered closed and never dispatched. */
    WorkOrderRequests.Register request() {
        String enterprise = blankToNull(enterpriseName);
        String code = blankToNull(creditCode);
        String lead = blankToNull(leadDepartmentCode);
        String answer = blankToNull(directAnswer);
        return new WorkOrderRequests.Register(Channel.PHONE, parse("requestType", RequestType.class, requestType),
                new WorkOrderRequests.CitizenInput(blankToNull(name), blankToNull(phone),
                        parse("citizen.occupation", Occupation.class, occupation), confidential),
                enterprise == null && code == null ? null : new WorkOrderRequests.EnterpriseInput(enterprise, code),
                blankToNull(title), blankToNull(content),
                new WorkOrderRequests.LocationInput(blankToNull(district), blankToNull(street), blankToNull(address)),
                blankToNull(categoryCode), parse("urgency", Urgency.class, urgency), simple,
                lead == null ? null : new WorkOrderRequests.Dispatch(lead, assisting(), null), null,
                enterpriseRequest, blankToNull(callId), answer == null
                        ? null
                        : new WorkOrderRequests.DirectAnswer(answer, blankToNull(answerArticle)));
    }

    /** 并单 or 关联 as chosen, {@code null} when the agent chose neither (or no work order to relate to). */
    Relation chosenRelation() {
        return blankToNull(relatedNumber) == null ? null : parse("relation", Relation.class, relation);
    }

    private static <E extends Enum<E>> E parse(String field, Class<E> type, String value) {
        return PageForms.option(type, value, fieldLabel(field));
    }
}
