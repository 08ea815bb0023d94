package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every page of every role, opened in Chromium, works under the Content-Security-Policy: the console reports no
 * refusal. The pages are those of each role's navigation and the pages they link to (downloads and the third-party
 * Swagger UI aside).
 */
@QuarkusTest
class ContentSecurityPolicyBrowserTest extends DatabaseTest {

    private static final List<String> ROLES = List.of("agent", "supervisor", "housing", "desk", "admin", "editor");
    /** Enough of each role's pages to cover every template; lists link to many pages of the same kind. */
    private static final int PAGES_PER_ROLE = 60;

    @TestHTTPResource("/")
    URL base;

    @Test
    void noPageOfAnyRoleBreaksTheContentSecurityPolicy() {
        Map<String, List<String>> refusals = new LinkedHashMap<>();
        int visited = 0;
        try (Browser browser = Browser.open(base.toString())) {
            browser.go("/login");
            record(browser, "/login", refusals);
            for (String role : ROLES) {
                browser.signIn(role);
                Set<String> pages = new LinkedHashSet<>(links(browser, "header a"));
                pages.add("/account");
                for (String nav : List.copyOf(pages)) {
                    browser.go(nav);
                    for (String link : links(browser, "main a")) {
                        if (pages.size() < PAGES_PER_ROLE) {
                            pages.add(link);
                        }
                    }
                }
                for (String page : pages) {
                    browser.go(page);
                    record(browser, role + " " + page, refusals);
                    visited++;
                }
                browser.go("/account");
                browser.screenshot("csp-" + role);
                browser.signOut();
            }
        }
        assertThat(visited).isGreaterThan(40);
        assertThat(refusals).as("pages whose console reports a refusal by the Content-Security-Policy").isEmpty();
    }

    private static void record(Browser browser, String page, Map<String, List<String>> refusals) {
        List<String> refused = browser.console().stream().filter(m -> m.contains("Content Security Policy")).toList();
        if (!refused.isEmpty()) {
            refusals.put(page, refused);
        }
    }

    /** The site's own page links: no downloads, no sign-out, no third-party pages. */
    private List<String> links(Browser browser, String selector) {
        List<String> links = new ArrayList<>();
        for (WebElement anchor : browser.driver().findElements(By.cssSelector(selector))) {
            String href = anchor.getAttribute("href");
            if (href == null || !href.startsWith(base.toString().replaceAll("/$", ""))) {
                continue;
            }
            String path = URI.create(href).getRawPath() + (URI.create(href).getRawQuery() == null
                    ? ""
                    : "?" + URI.create(href).getRawQuery());
            if (!path.startsWith("/q/") && !path.contains("export") && !path.contains("excel")
                    && !path.contains("/attachments/")
                    && !path.endsWith(".xlsx") && !path.contains("download")) {
                links.add(path);
            }
        }
        return links;
    }
}
