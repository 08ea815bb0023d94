package org.hotline12345.businessdesk;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.businessdesk.LedgerViews.EnterpriseView;
import org.hotline12345.businessdesk.LedgerViews.EnvironmentView;
import org.hotline12345.businessdesk.LedgerViews.IssueKindView;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;

/** The desk's reference data: its classification of issues, and the enterprises it hears from. */
@ApplicationScoped
public class DeskDirectory {

    @Inject
    DeskRepositories.Environments environments;

    @Inject
    DeskRepositories.IssueKinds issueKinds;

    @Inject
    DeskRepositories.Enterprises enterprises;

    @Inject
    Clock clock;

    @Transactional
    public List<EnvironmentView> classification() {
        List<IssueKind> kinds = issueKinds.inOrder();
        return environments.inOrder().stream()
                .map(env -> new EnvironmentView(env.getCode(), env.getName(), kinds.stream()
                        .filter(k -> k.getEnvironment().getCode().equals(env.getCode()))
                        .map(LedgerService::kind).toList()))
                .toList();
    }

    @Transactional
    public IssueKindView addIssueKind(String environmentCode, String code, String name) {
        DeskEnvironment environment = environments.findByIdOptional(environmentCode)
                .orElseThrow(() -> InvalidFieldException.unacceptable("environmentCode", "exists",
                        "没有代码为 " + environmentCode + " 的营商环境类别"));
        if (issueKinds.findByIdOptional(code).isPresent()) {
            throw new ConflictException("已有代码为 " + code + " 的问题类型");
        }
        requireFreeName(environment, name, null);
        IssueKind kind = new IssueKind(code, environment, name.strip());
        issueKinds.persist(kind);
        return LedgerService.kind(kind);
    }

    @Transactional
    public IssueKindView updateIssueKind(String code, String name, Boolean active) {
        IssueKind kind = issueKinds.findByIdOptional(code)
                .orElseThrow(() -> new ResourceNotFoundException("问题类型", code));
        if (name != null && !name.isBlank()) {
            requireFreeName(kind.getEnvironment(), name, code);
            kind.rename(name.strip());
        }
        if (active != null) {
            kind.setActive(active);
        }
        return LedgerService.kind(kind);
    }

    @Transactional
    public EnterpriseView enterprise(String creditCode) {
        return LedgerService.enterprise(profile(creditCode));
    }

    @Transactional
    public EnterpriseView updateEnterprise(String creditCode, String name, String contactName, String contactPhone,
            String industry, EnterpriseSize size) {
        EnterpriseProfile profile = profile(creditCode);
        profile.update(name.strip(), blankToNull(contactName), blankToNull(contactPhone), blankToNull(industry), size,
                clock.instant());
        return LedgerService.enterprise(profile);
    }

    @Transactional
    public long enterpriseId(String creditCode) {
        return profile(creditCode).getId();
    }

    private EnterpriseProfile profile(String creditCode) {
        return enterprises.byCreditCode(creditCode)
                .orElseThrow(() -> new ResourceNotFoundException("企业", creditCode));
    }

    private void requireFreeName(DeskEnvironment environment, String name, String exceptCode) {
        boolean taken = issueKinds.list("environment.code = ?1 and name = ?2", environment.getCode(), name.strip())
                .stream().anyMatch(k -> !k.getCode().equals(exceptCode));
        if (taken) {
            throw new ConflictException(environment.getName() + " 下已有名为 " + name + " 的问题类型");
        }
    }

}
