package org.hotline12345.security;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 系统管理: where administrators land, one entry per thing they maintain. */
@Path("/admin")
@RolesAllowed(Role.Names.ADMIN)
public class AdminHome {

    /** One maintained thing: its page and what it is for. */
    public record Section(String title, String href, String purpose) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("承办单位", "/admin/departments", "市直部门、区县政府和街道：名称、类型、上级、联系电话"),
            new Section("用户与角色", "/admin/users", "账号、角色、所属单位；停用账号、重置密码"),
            new Section("诉求分类", "/admin/categories", "三级分类：新增、改名、停用与恢复"),
            new Section("确责清单", "/admin/rules", "分类 + 区域 → 主办、协办单位与办理层级；“该派给谁？”测试"),
            new Section("派单设置", "/admin/dispatch", "自动派单的开关与阈值；派单模型的版本、准确率与重新训练"),
            new Section("节假日日历", "/admin/calendar", "国务院办公厅公布的放假与调休安排，按年维护"),
            new Section("知识库编辑", "/knowledge/editor", "知识条目的新增、修改、下线与版本"),
            // the portal's SMS (sms package)
            new Section("短信管理", "/admin/sms", "验证码、回执、进度与评价邀请短信的模板；最近短信及送达回执"),
            new Section("合作方接入", "/admin/partners", "省级平台、信箱、留言板、110、部门系统：密钥、流量、暂停；推送记录与重发"),
            // 考核 (scorecard)
            new Section("考核权重", "/admin/scorecard-weights", "部门考核各项指标的权重、对比组与红黑榜名额，按月施行的版本"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(List<Section> sections);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.admin(SECTIONS);
    }
}
