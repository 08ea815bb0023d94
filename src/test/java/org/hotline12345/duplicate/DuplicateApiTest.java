package org.hotline12345.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hotline12345.support.Api.as;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The duplicate suggestion over the API against real work orders: the same phone, the same place and category with a
 * similar text (and not a different matter there), the same enterprise; 关联 recorded on both work orders, 重复件 and
 * 一人多诉 flagged and counted per month.
 */
@QuarkusTest
class DuplicateApiTest extends DatabaseTest {

    private static final String OIL_SMOKE = "020102";

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A complaint at 临江县 青山乡 (a place the other tests leave alone) from {@code phone}. */
    private static Map<String, Object> complaint(String phone, String title, String content) {
        Map<String, Object> body = Api.registration();
        @SuppressWarnings("unchecked")
        Map<String, Object> citizen = (Map<String, Object>) body.get("citizen");
        citizen.put("phone", phone);
        body.put("title", title);
        body.put("content", content);
        body.put("categoryCode", OIL_SMOKE);
        body.put("location", new HashMap<>(Map.of("district", "临江县", "street", "青山乡", "address", "青山路 8 号")));
        return body;
    }

    private static JsonPath suggest(Map<String, Object> typed) {
        return as("agent").body(typed).post("/api/duplicates/suggestions").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSamePlaceCategoryAndASimilarTextIsOfferedAndAnotherMatterThereIsNot() {
        String unique = Long.toString(System.nanoTime() % 1_000_000);
        String existing = Api.register(complaint(phone(), "青山路烧烤店油烟扰民" + unique,
                "青山路8号楼下烧烤店每天营业到凌晨，油烟直冲楼上住户窗户，" + unique + "号楼居民无法开窗"));
        String otherMatter = Api.register(complaint(phone(), "青山路" + unique + "号快递驿站占道",
                "快递驿站把包裹堆在人行道上，行人只能走机动车道"));

        JsonPath offered = suggest(Map.of("phone", phone(), "title", "烧烤店油烟太大" + unique, "content",
                "青山路8号楼下烧烤店油烟扰民，每天到凌晨，" + unique + "号楼窗户都不敢开", "district", "临江县", "street", "青山乡",
                "categoryCode", OIL_SMOKE));
        assertThat(offered.getList("number", String.class)).as(offered.prettify()).contains(existing)
                .doesNotContain(otherMatter);
        Map<String, Object> found = offered.getMap("find { it.number == '" + existing + "' }");
        assertThat(found.get("reasons")).isEqualTo(List.of("SIMILAR_TEXT"));
        assertThat(found.get("reasonText")).isEqualTo("同一地点同类诉求，内容相似");
        assertThat(found.get("open")).isEqualTo(true);
        assertThat(((Number) found.get("similarity")).doubleValue()).isGreaterThanOrEqualTo(0.3);

        // another district, or another category, is not the same matter
        assertThat(suggest(Map.of("title", "烧烤店油烟太大" + unique, "content", "青山路8号楼下烧烤店油烟扰民",
                "district", "城北区", "categoryCode", OIL_SMOKE)).getList("number", String.class))
                .doesNotContain(existing);
        assertThat(suggest(Map.of("title", "烧烤店油烟太大" + unique, "content", "青山路8号楼下烧烤店油烟扰民",
                "district", "临江县", "street", "青山乡", "categoryCode", "010101")).getList("number", String.class))
                .doesNotContain(existing);
    }

    @Test
    void theSamePhoneAndTheSameEnterpriseAreOfferedWhateverTheText() {
        String caller = phone();
        String earlier = Api.register(complaint(caller, "路灯不亮", "青山乡路口路灯坏了一个月"));
        assertThat(suggest(Map.of("phone", caller, "title", "完全不同的事情")).getList("number", String.class))
                .containsExactly(earlier);
        assertThat(suggest(Map.of("phone", caller)).getList("reasons[0]", String.class)).containsExactly("SAME_PHONE");

        Map<String, Object> enterprise = complaint(phone(), "企业反映用电报装慢", "报装三个月未通电");
        String name = "青山新材料有限公司" + System.nanoTime();
        enterprise.put("enterprise", Map.of("name", name, "creditCode", "91330100799655058B"));
        String byEnterprise = Api.register(enterprise);
        assertThat(suggest(Map.of("enterpriseName", name)).getList("number", String.class))
                .containsExactly(byEnterprise);
        // nothing identifying: nothing offered
        assertThat(suggest(Map.of("title", "用电报装")).getList("number")).isEmpty();
    }

    @Test
    void aLinkIsRecordedOnBothWorkOrdersFlagsARepeatAndCountsInTheMonth() {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Integer> before = counts(month);
        String caller = phone();
        String existing = Api.register(complaint(caller, "油烟扰民", "楼下饭店油烟扰民"));
        String second = Api.register(complaint(caller, "油烟还是扰民", "楼下饭店油烟仍然扰民"));
        String later = Api.register(complaint(caller, "油烟问题第三次反映", "楼下饭店油烟问题一直没有解决"));

        as("agent").body(Map.of("existing", existing)).post("/api/duplicates/" + later + "/link").then()
                .statusCode(200).body("repeat", equalTo(true)).body("relations.relatedTo", contains(existing))
                .body("multipleRequests", equalTo(true)).body("phoneRequests", equalTo(3));
        as("agent").get("/api/duplicates/" + existing).then().statusCode(200)
                .body("relations.relatedLater", contains(later)).body("repeat", equalTo(false))
                .body("multipleRequests", equalTo(false));
        as("agent").get("/api/duplicates/" + second).then().statusCode(200).body("multipleRequests", equalTo(false))
                .body("phoneRequests", equalTo(2));
        as("agent").get("/api/work-orders/" + later + "/history").then().statusCode(200)
                .body("summary", hasItem("关联工单 " + existing + "（重复件：原工单未办结）"));
        as("agent").get("/api/work-orders/" + existing + "/history").then().statusCode(200)
                .body("summary", hasItem("被后续诉求关联 " + later));

        // 并单 of a fourth request: a repeat too
        String merged = Api.register(complaint(caller, "油烟第四次", "饭店油烟"));
        Api.step("agent", merged, "merge", Map.of("primary", existing)).statusCode(200);
        as("agent").get("/api/duplicates/" + merged).then().body("repeat", equalTo(true))
                .body("relations.relatedTo", contains(existing));

        Map<String, Integer> after = counts(month);
        assertThat(after.get("repeats") - before.get("repeats")).isEqualTo(2);
        // the third and the fourth request of the phone in 30 days
        assertThat(after.get("multiRequestOrders") - before.get("multiRequestOrders")).isEqualTo(2);
        assertThat(after.get("multiRequestCallers") - before.get("multiRequestCallers")).isEqualTo(1);
    }

    private static Map<String, Integer> counts(YearMonth month) {
        return as("supervisor").queryParam("from", month.toString()).queryParam("to", month.toString())
                .get("/api/duplicates/monthly").then().statusCode(200).extract().jsonPath().getMap("[0]");
    }

    @Test
    void refusalsNameTheFieldAndTheRule() {
        String number = Api.register(complaint(phone(), "路灯", "路灯不亮"));
        as("agent").body(Map.of("existing", number)).post("/api/duplicates/" + number + "/link").then()
                .statusCode(422).body("violations[0].field", equalTo("existing"))
                .body("violations[0].rule", equalTo("differs"));
        as("agent").body(Map.of("existing", "20990101-999999")).post("/api/duplicates/" + number + "/link").then()
                .statusCode(422).body("violations[0].rule", equalTo("exists"));
        as("agent").body(Map.of("existing", number)).post("/api/duplicates/20990101-999998/link").then()
                .statusCode(404);
        as("agent").get("/api/duplicates/20990101-999998").then().statusCode(404);
        as("housing").body(Map.of("phone", "13800000000")).post("/api/duplicates/suggestions").then().statusCode(403);
        as("supervisor").queryParam("from", "2026-13").queryParam("to", "2026-12").get("/api/duplicates/monthly")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        as("supervisor").queryParam("from", "2026-12").queryParam("to", "2026-01").get("/api/duplicates/monthly")
                .then().statusCode(422).body("violations[0].field", equalTo("to"));
        as("agent").body(Map.of("title", "长".repeat(201))).post("/api/duplicates/suggestions").then()
                .statusCode(400).body("violations.field", not(hasItem("phone")));
    }
}
