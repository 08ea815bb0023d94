package org.hotline12345.workorder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.PASSWORD;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

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

    private static ValidatableResponse upload(String username, String number,
            String fileName, byte[] content) {
        return as(username).contentType("application/octet-stream").queryParam("name", fileName).body(content)
                .post("/api/work-orders/" + number + "/attachments").then();
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }
}
