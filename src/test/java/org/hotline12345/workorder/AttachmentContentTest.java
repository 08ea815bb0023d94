package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office files must be Office files and PDFs must not be web pages, whatever their first bytes say. */
class AttachmentContentTest {

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/word/document.xml" ContentType="%s"/>
            </Types>""";
    private static final String RELATIONSHIPS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Target="word/document.xml"
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
            </Relationships>""";
    private static final String WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    @TempDir
    Path directory;

    @Test
    void realWordAndExcelFilesAreTaken() throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("整改通知书");
            document.write(docx);
        }
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("台账").createRow(0).createCell(0).setCellValue("企业");
            workbook.write(xlsx);
        }
        assertThat(problem(AttachmentType.DOCX, docx.toByteArray())).isEmpty();
        assertThat(problem(AttachmentType.XLSX, xlsx.toByteArray())).isEmpty();
        // a workbook renamed a.docx is no Word document
        assertThat(problem(AttachmentType.DOCX, xlsx.toByteArray())).get().asString()
                .contains("不是有效的 Word 文档").contains("spreadsheetml");
    }

    @Test
    void aZipOfAnythingIsNoOfficeFile() throws IOException {
        Map<String, byte[]> program = new LinkedHashMap<>();
        program.put("setup.exe", "MZ\u0090\u0000 program".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(problem(AttachmentType.DOCX, zip(program))).get().asString().contains("可执行").contains("setup.exe");

        Map<String, byte[]> text = new LinkedHashMap<>();
        text.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(problem(AttachmentType.DOCX, zip(text))).get().asString().contains("缺少 [Content_Types].xml");

        Map<String, byte[]> noMainPart = wordPackage(WORD_MAIN);
        noMainPart.remove("word/document.xml");
        assertThat(problem(AttachmentType.DOCX, zip(noMainPart))).get().asString().contains("缺少文档主体部件");

        assertThat(problem(AttachmentType.DOCX, "PK\u0003\u0004 not really a zip".getBytes(
                StandardCharsets.ISO_8859_1))).get().asString().contains("压缩包已损坏");
    }

    @Test
    void programsInsideAPackageAreRefused() throws IOException {
        assertThat(problem(AttachmentType.DOCX, zip(wordPackage(WORD_MAIN)))).isEmpty();

        Map<String, byte[]> macros = wordPackage(WORD_MAIN);
        macros.put("word/vbaProject.bin", new byte[]{(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0});
        assertThat(problem(AttachmentType.DOCX, zip(macros))).get().asString().contains("word/vbaProject.bin");

        Map<String, byte[]> hidden = wordPackage(WORD_MAIN);
        hidden.put("word/media/image1.png", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(problem(AttachmentType.DOCX, zip(hidden))).get().asString().contains("word/media/image1.png");

        Map<String, byte[]> oleObject = wordPackage(WORD_MAIN);
        oleObject.put("word/embeddings/oleObject1.bin", new byte[]{(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0});
        assertThat(problem(AttachmentType.DOCX, zip(oleObject))).get().asString().contains("oleObject1.bin");

        // a macro-enabled document (DOCM) renamed .docx
        assertThat(problem(AttachmentType.DOCX,
                zip(wordPackage("application/vnd.ms-word.document.macroEnabled.main+xml"))))
                .get().asString().contains("macroEnabled");
    }

    @Test
    void descriptionsWithEntitiesAreNotExpanded() throws IOException {
        Map<String, byte[]> entities = wordPackage(WORD_MAIN);
        entities.put("[Content_Types].xml",
                ("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">&x;</Types>")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(problem(AttachmentType.DOCX, zip(entities))).get().asString().contains("不是有效的 XML");
    }

    @Test
    void aPdfThatABrowserWouldSniffAsHtmlIsRefused() throws IOException {
        assertThat(problem(AttachmentType.PDF, "%PDF-1.7\n%âãÏÓ\n1 0 obj <</Type /Catalog>> endobj\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        for (String page : new String[]{"<html><script>alert(1)</script></html>", "<SCRIPT src=x></SCRIPT>",
                "<!DOCTYPE html>", "<body onload=alert(1)>", "<?xml version=\"1.0\"?><svg/>", "<!-- x -->",
                "<svg onload=alert(1)>", "<iframe src=x>"}) {
            assertThat(problem(AttachmentType.PDF, ("%PDF-1.4\n" + page + "\n%%EOF\n").getBytes(
                    StandardCharsets.ISO_8859_1))).as(page).get().asString().contains("当作网页");
        }
        // past what browsers read, HTML-like text is only text
        assertThat(problem(AttachmentType.PDF, ("%PDF-1.4\n" + " ".repeat(AttachmentContent.SNIFFED_BYTES)
                + "<html>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(problem(AttachmentType.PDF, "%PDF-x\n".getBytes(StandardCharsets.ISO_8859_1))).get().asString()
                .contains("文件头");
    }

    private Optional<String> problem(AttachmentType type, byte[] content) throws IOException {
        Path file = Files.createTempFile(directory, "upload", ".bin");
        Files.write(file, content);
        return AttachmentContent.problem(type, "a" + (type == AttachmentType.PDF ? ".pdf" : ".docx"), file);
    }

    private static Map<String, byte[]> wordPackage(String mainContentType) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", CONTENT_TYPES.formatted(mainContentType).getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", RELATIONSHIPS.getBytes(StandardCharsets.UTF_8));
        parts.put("word/document.xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"
                        .getBytes(StandardCharsets.UTF_8));
        return parts;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
