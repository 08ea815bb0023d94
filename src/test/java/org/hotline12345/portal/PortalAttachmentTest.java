package org.hotline12345.portal;

import static io.restassured.RestAssured.given;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hotline12345.support.Api.as;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.sms.SmscResource;
import org.hotline12345.sms.TestSmsc;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Photos and documents on 我要留言: checked by the work orders' attachment rules when submitted (a refused file is
 * named with its rule, and costs no new code), kept with the request, listed to the agent in 待受理, and the work
 * order's attachments once the agent registers it. Through the API as a browser posts it and in Chromium on a phone.
 */
@QuarkusTest
@WithTestResource(SmscResource.class)
class PortalAttachmentTest extends DatabaseTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern NUMBER = Pattern.compile("id=\"receipt-number\">([0-9-]+)<");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    /** A Windows program named as a photo. */
    private static final byte[] PROGRAM = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0};

    @TestHTTPResource("/")
    URL base;

    private final TestSmsc smsc = SmscResource.smsc();

    @Test
    void filesAreCheckedKeptWithTheRequestAndBecomeTheWorkOrdersAttachments() {
        String phone = "13712340201";
        String code = requestCode(phone);
        String refused = submit(phone, code, "井盖缺失 1",
                Map.of("site.png", PNG, "photo2.jpg", PROGRAM)).statusCode(400).extract().asString();
        assertThat(refused).contains("附件“photo2.jpg”未能上传").contains("不是 PDF、PNG、JPEG、DOCX 或 XLSX 文件")
                .contains("请重新选择附件").contains("井盖缺失 1");
        String tooMany = submit(phone, code, "井盖缺失 1",
                Map.of("a.png", PNG, "b.png", PNG, "c.pdf", PDF, "d.pdf", PDF)).statusCode(400).extract().asString();
        assertThat(tooMany).contains("您选择了 4 个附件，最多 3 个");

        // the code was not used up by the refusals
        ExtractableResponse<Response> receipt = submit(phone, code, "井盖缺失 1",
                Map.of("site.png", PNG, "notes.pdf", PDF)).statusCode(200).extract();
        String number = match(NUMBER, receipt.asString());

        String request = "/agent/intake/" + number;
        assertThat(Pages.as("agent").get(request).then().statusCode(200).extract()
                .asString()).contains("site.png").contains("notes.pdf");
        Pages.form("agent", request).formParam("requestType", "COMPLAINT")
                .formParam("title", "井盖缺失 1").formParam("content", "路口井盖缺失，存在安全隐患。")
                .formParam("district", "城东区").formParam("categoryCode", "010101").post(request + "/register")
                .then().statusCode(303);

        as("agent").get("/api/work-orders/" + number + "/attachments").then().statusCode(200)
                .body("fileName", containsInAnyOrder("site.png", "notes.pdf"))
                .body("contentType", containsInAnyOrder("image/png", "application/pdf"));
        int pdf = as("agent").get("/api/work-orders/" + number + "/attachments").then().extract()
                .path("find { it.fileName == 'notes.pdf' }.id");
        byte[] downloaded = as("agent").get("/api/work-orders/" + number + "/attachments/" + pdf).then()
                .statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(PDF);
    }

    @Test
    void aCitizenAttachesPhotosOnAPhone() throws IOException {
        String phone = "13712340202";
        Path folder = Files.createTempDirectory("portal-attachments");
        Path photo = Files.write(folder.resolve("路面塌陷.png"), PNG);
        Path notice = Files.write(folder.resolve("告知书.pdf"), PDF);
        Path program = Files.write(folder.resolve("照片.jpg"), PROGRAM);
        String number;
        try (Browser citizen = Browser.open(base.toString())) {
            citizen.driver().manage().window().setSize(new Dimension(390, 844));
            citizen.go("/public/submit");
            fill(citizen, phone);
            citizen.driver().findElement(By.id("get-code")).click();
            citizen.text(By.id("code-sent"));
            String code = await("the code at the SMSC").atMost(ofSeconds(20))
                    .until(() -> smsc.lastCode(phone), Optional::isPresent)
                    .orElseThrow();
            citizen.driver().findElement(By.name("code")).sendKeys(code);
            citizen.driver().findElement(By.id("attachments")).sendKeys(photo + "\n" + program);
            citizen.driver().findElement(By.name("privacy")).click();
            citizen.driver().findElement(By.id("submit")).click();
            assertThat(citizen.text(By.id("error"))).contains("附件“照片.jpg”未能上传")
                    .contains("不是 PDF、PNG、JPEG、DOCX 或 XLSX 文件");
            citizen.screenshot("portal-attachment-refused-390");

            // what was typed is kept; the files are chosen again
            assertThat(citizen.driver().findElement(By.name("title")).getAttribute("value")).isEqualTo("路面塌陷");
            citizen.driver().findElement(By.name("code")).sendKeys(code);
            citizen.driver().findElement(By.id("attachments")).sendKeys(photo + "\n" + notice);
            assertThat(citizen.driver().findElement(By.name("privacy")).isSelected()).isTrue();
            citizen.screenshot("portal-attachment-chosen-390");
            citizen.driver().findElement(By.id("submit")).click();
            number = citizen.text(By.id("receipt-number"));
        }
        try (Browser agent = Browser.open(base.toString())) {
            agent.signIn("agent");
            agent.go("/agent/intake/" + number);
            assertThat(agent.text(By.id("submitted-attachments"))).contains("路面塌陷.png").contains("告知书.pdf");
            new Select(agent.driver().findElement(By.name("categoryCode"))).selectByValue("010101");
            agent.screenshot("agent-intake-attachments");
            agent.driver().findElement(By.cssSelector("#register-form button[type=submit]")).click();
            agent.text(By.id("done"));
        }
        as("agent").get("/api/work-orders/" + number + "/attachments").then().statusCode(200)
                .body("fileName", contains("路面塌陷.png", "告知书.pdf"));
    }

    private static void fill(Browser citizen, String phone) {
        new Select(citizen.waitFor(By.name("requestType"))).selectByValue("HELP");
        citizen.driver().findElement(By.name("title")).sendKeys("路面塌陷");
        citizen.driver().findElement(By.name("content")).sendKeys("幸福路口路面塌陷，车辆绕行。");
        citizen.driver().findElement(By.name("name")).sendKeys("赵先生");
        citizen.driver().findElement(By.name("phone")).sendKeys(phone);
    }

    private String requestCode(String phone) {
        PortalForms.from("/public/submit").formParam("phone", phone).post("/public/submit/code").then()
                .statusCode(200);
        return await("the code").atMost(ofSeconds(20)).until(() -> smsc.lastCode(phone), Optional::isPresent)
                .orElseThrow();
    }

    /** 我要留言 posted as the page posts it: multipart, with the files. */
    private static io.restassured.response.ValidatableResponse submit(String phone, String code, String title,
            Map<String, byte[]> files) {
        ExtractableResponse<Response> opened = given().get("/public/submit").then().statusCode(200).extract();
        Matcher token = TOKEN.matcher(opened.asString());
        assertThat(token.find()).isTrue();
        RequestSpecification post = given().redirects().follow(false).cookie("csrf-token", opened.cookie("csrf-token"))
                .contentType("multipart/form-data");
        Map<String, String> fields = Map.of("csrf-token", token.group(1), "requestType", "COMPLAINT", "title", title,
                "content", "路口井盖缺失，存在安全隐患。", "district", "城东区", "name", "钱女士", "phone", phone, "code", code,
                "privacy", "true");
        fields.forEach((name, value) -> post.multiPart(new MultiPartSpecBuilder(value).controlName(name)
                .mimeType("text/plain").charset(StandardCharsets.UTF_8).build()));
        for (Map.Entry<String, byte[]> file : List.copyOf(files.entrySet())) {
            post.multiPart(new MultiPartSpecBuilder(file.getValue()).controlName("attachments")
                    .fileName(file.getKey()).mimeType("application/octet-stream").build());
        }
        return post.post("/public/submit").then();
    }

    private static String match(Pattern pattern, String page) {
        Matcher found = pattern.matcher(page);
        assertThat(found.find()).as("%s in the page", pattern).isTrue();
        return found.group(1);
    }
}
