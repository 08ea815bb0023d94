package org.hotline12345.agentdesktop;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The desktop's assistant answers what the agent has typed, and nothing for nothing typed. */
@QuarkusTest
class AgentAssistTest extends DatabaseTest {

    @Test
    void typedTextGetsArticlesWithTheirAnswersAndADispatchSuggestion() {
        Pages.as("agent").contentType("application/json")
                .body(Map.of("title", "租房提取住房公积金", "content", "想了解租房提取公积金的条件和材料", "district", "城东区"))
                .post("/agent/assist").then().statusCode(200)
                .body("dispatch", notNullValue())
                .body("articles", not(empty()))
                .body("articles.answer", everyItem(notNullValue()));
    }

    @Test
    void aFreshSystemProposesFromTheChosenCategoryAndGuessesCategoriesFromTheirNames() {
        // no category model is trained in this profile: the chosen category's responsibility rule answers
        Pages.as("agent").contentType("application/json")
                .body(Map.of("categoryCode", "010101", "district", "城西区"))
                .post("/agent/assist").then().statusCode(200)
                .body("dispatch.proposal.leadDepartmentCode", equalTo("HOUSING"))
                .body("dispatch.proposal.assistingDepartmentCodes", contains("SAMR"))
                .body("articles", empty());
        Pages.as("agent").contentType("application/json")
                .body(Map.of("title", "小区物业乱收费", "content", "物业公司擅自上调物业服务费"))
                .post("/agent/assist").then().statusCode(200)
                .body("dispatch.categories[0].code", equalTo("010101"))
                .body("dispatch.proposal.leadDepartmentCode", equalTo("HOUSING"));
    }

    @Test
    void offeredAnswersComeFormattedAndAsPlainText() {
        Pages.as("agent").contentType("application/json")
                .body(Map.of("title", "租房提取住房公积金", "content", "想了解租房提取公积金的条件和材料"))
                .post("/agent/assist").then().statusCode(200)
                .body("articles.answerHtml", everyItem(containsString("<")))
                .body("articles.answer", everyItem(not(containsString("## "))))
                .body("articles.answer", everyItem(not(containsString("**"))));
    }

    @Test
    void nothingTypedGetsNothingAndTooMuchIsRefused() {
        Pages.as("agent").contentType("application/json").body(Map.of("title", " ")).post("/agent/assist").then()
                .statusCode(200).body("dispatch", nullValue()).body("articles", empty());
        Pages.as("agent").contentType("application/json").body(Map.of("title", "长".repeat(201)))
                .post("/agent/assist").then().statusCode(400);
        Pages.as("housing").contentType("application/json").body(Map.of("title", "公积金")).post("/agent/assist")
                .then().statusCode(403);
    }
}
