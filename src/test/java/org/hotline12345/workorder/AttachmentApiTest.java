package org.hotline12345.workorder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.PASSWORD;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Files on a work order: who may attach when, which files, and who may read them. */
@QuarkusTest
class AttachmentApiTest extends DatabaseTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void theLeadDepartmentAttachesWhileHandlingItAndEveryoneWhoSeesTheWorkOrderReadsIt() {
        String number = registerDispatched("HOUSING");
        upload("housing", number, "现场照片.pdf", PDF).statusCode(409).body("detail", containsString("签收后"));
        step("housing", number, "accept").statusCode(200);

        int id = upload("housing", number, "C:\\Users\\李\\整改通知书.pdf", PDF).statusCode(201)
                .body("fileName", equalTo("整改通知书.pdf")).body("contentType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(PDF.length)).body("uploadedBy", equalTo("housing")).extract().path("id");
        byte[] downloaded = as("agent").get("/api/work-orders/" + number + "/attachments/" + id).then()
                .statusCode(200).header("Content-Disposition", containsString("attachment"))
                .header("X-Content-Type-Options", equalTo("nosniff")).extract().asByteArray();
        assertThat(downloaded).isEqualTo(PDF);
        as("agent").get("/api/work-orders/" + number + "/attachments").then().statusCode(200)
                .body("fileName", equalTo(List.of("整改通知书.pdf")));

        as("market").get("/api/work-orders/" + number + "/attachments/" + id).then().statusCode(404);
        upload("market", number, "a.pdf", PDF).statusCode(404);
    }

    @Test
    void onlyRecognisedFilesWithinTheSizeLimitAreKept() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "accept").statusCode(200);

        upload("housing", number, "setup.pdf", "MZ\u0090\u0000 program".getBytes(StandardCharsets.ISO_8859_1))
                .statusCode(422).body("violations[0].field", equalTo("file"))
                .body("violations[0].rule", equalTo("type"));
        upload("housing", number, "photo.png", PDF).statusCode(422).body("violations[0].rule", equalTo("type"));
        byte[] large = Arrays.copyOf(PDF, 100_001);
        upload("housing", number, "large.pdf", large).statusCode(422)
                .body("violations[0].rule", equalTo("maxSize"));
        upload("housing", number, "empty.pdf", new byte[0]).statusCode(400);
        as("housing").contentType("application/octet-stream").body(PDF).post(
                "/api/work-orders/" + number + "/attachments").then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
        as("housing").get("/api/work-orders/" + number + "/attachments").then().body("size()", equalTo(0));
    }

    @Test
    void filesAreKeptInPostgresAndOnesKeptOnDiskBeforeAreStillServed() throws Exception {
        String number = registerDispatched("HOUSING");
        step("housing", number, "accept").statusCode(200);
        int id = upload("housing", number, "库内.pdf", PDF).statusCode(201).extract().path("id");
        try (Connection connection = connect();
                PreparedStatement content = connection.prepareStatement(
                        "select content from work_order_attachment_content where attachment_id = ?")) {
            content.setLong(1, id);
            try (ResultSet row = content.executeQuery()) {
                assertThat(row.next()).as("the bytes are in the database").isTrue();
                assertThat(row.getBytes(1)).isEqualTo(PDF);
            }
        }

        // a file an earlier version kept on disk: its row points at it and it has no content row
        Path directory = Path.of(ConfigProvider.getConfig().getValue("hotline.attachments.directory", String.class));
        String key = "2026/01/" + UUID.randomUUID();
        Files.createDirectories(directory.resolve(key).getParent());
        Files.write(directory.resolve(key), PDF);
        long onDisk;
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into work_order_attachment (id, work_order_id, file_name, content_type, size_bytes,
                            sha256, storage_key, uploaded_by, uploaded_at)
                        select nextval('work_order_attachment_seq'), id, '盘上.pdf', 'application/pdf', ?, 'x', ?,
                            'housing', now() from work_order where number = ?
                        returning id""")) {
            insert.setLong(1, PDF.length);
            insert.setString(2, key);
            insert.setString(3, number);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                onDisk = row.getLong(1);
            }
        }
        assertThat(as("agent").get("/api/work-orders/" + number + "/attachments/" + onDisk).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(PDF);
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    @Test
    void anOfficeFileMustBeOneAndAPdfMustNotBeAWebPage() throws IOException {
        String number = registerDispatched("HOUSING");
        step("housing", number, "accept").statusCode(200);

        byte[] program = AttachmentContentTest.zip(Map.of("setup.exe",
                "MZ\u0090\u0000 program".getBytes(StandardCharsets.ISO_8859_1)));
        upload("housing", number, "a.docx", program).statusCode(422).body("violations[0].field", equalTo("file"))
                .body("violations[0].rule", equalTo("content"))
                .body("violations[0].message", containsString("可执行"));
        upload("housing", number, "a.pdf", "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1)).statusCode(422)
                .body("violations[0].message", containsString("当作网页"));
        upload("housing", number, "很长".repeat(500) + ".pdf", PDF).statusCode(400)
                .body("violations[0].field", equalTo("name")).body("violations[0].rule", equalTo("Size"));

        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("整改情况说明");
            document.write(docx);
        }
        upload("housing", number, "整改情况说明.docx", docx.toByteArray()).statusCode(201)
                .body("contentType", equalTo(AttachmentType.DOCX.contentType()));
        as("housing").get("/api/work-orders/" + number + "/attachments").then()
                .body("fileName", equalTo(List.of("整改情况说明.docx")));
    }

    private static ValidatableResponse upload(String username, String number,
            String fileName, byte[] content) {
        return as(username).contentType("application/octet-stream").queryParam("name", fileName).body(content)
                .post("/api/work-orders/" + number + "/attachments").then();
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }
}
