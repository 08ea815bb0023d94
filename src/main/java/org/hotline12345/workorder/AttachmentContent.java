package org.hotline12345.workorder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Looks inside a file whose first bytes and name made it an {@link AttachmentType}, so that nothing else is passed off
 * as one: an Office file must be an Office Open XML package whose main part is a Word document or an Excel workbook
 * (not a ZIP of anything, not a macro-enabled file or a template renamed), holding nothing executable; a PDF must not
 * carry what a browser would take for a web page. Each refusal says why, in Chinese, for the pages and the API alike.
 */
final class AttachmentContent {

    /**
     * How much of a file the WHATWG MIME sniffing algorithm reads (its "resource header"); legacy browsers looked for
     * tags anywhere in their first 256 bytes, so the whole header is searched, not only its start.
     */
    static final int SNIFFED_BYTES = 1445;

    /** The WHATWG sniffing rules' signatures of HTML (each followed by a space or {@code >}), and XML. */
    private static final List<String> HTML_TAGS = List.of("<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME",
            "<H1", "<DIV", "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--", "<SVG");
    private static final String XML_DECLARATION = "<?XML";

    private static final Pattern PDF_HEADER = Pattern.compile("%PDF-\\d\\.\\d");

    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String PACKAGE_RELATIONSHIPS = "_rels/.rels";
    private static final String OFFICE_DOCUMENT_RELATIONSHIP = "/officeDocument";
    /** The package's description files are small; a larger one is not read, as it is no Office file. */
    private static final int MAX_DESCRIPTION_BYTES = 1024 * 1024;
    private static final int MAX_ENTRIES = 10_000;

    /** Names of parts that hold programs: macros, embedded OLE objects (which may wrap any program), executables. */
    private static final Pattern EXECUTABLE_NAME = Pattern.compile(
            "(?i).*(vbaProject\\.bin|vbaData\\.xml|/embeddings/.*\\.bin|/activeX/.*\\.bin|\\.(exe|dll|com|scr|pif|msi|bat|cmd|ps1|vbs|vbe"
                    + "|js|jse|wsf|wsh|hta|jar|sh|elf|so|dylib|lnk|reg|cpl))");
    private static final List<byte[]> PROGRAM_SIGNATURES = List.of(new byte[]{'M', 'Z'},
            new byte[]{0x7f, 'E', 'L', 'F'}, new byte[]{(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe},
            new byte[]{'#', '!'});

    private AttachmentContent() {
    }

    /** Why the file is not the type it claims to be, or nothing when it is. */
    static Optional<String> problem(AttachmentType type, String name, Path file) {
        try {
            return switch (type) {
                case PDF -> pdfProblem(name, file);
                case DOCX -> officeProblem(name, file, "Word 文档（DOCX）",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
                case XLSX -> officeProblem(name, file, "Excel 工作簿（XLSX）",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
                case PNG, JPEG -> Optional.empty();
            };
        } catch (IOException e) {
            return Optional.of("无法读取“" + name + "”：" + e.getMessage());
        }
    }

    private static Optional<String> pdfProblem(String name, Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFFED_BYTES);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (!PDF_HEADER.matcher(text).lookingAt()) {
            return Optional.of("“" + name + "”不是有效的 PDF 文件：文件头应为 %PDF-1.x 或 %PDF-2.0");
        }
        return sniffedAsHtml(head)
                ? Optional.of("“" + name + "”含有浏览器会当作网页打开的内容（HTML 标记），不能作为 PDF 上传")
                : Optional.empty();
    }

    /** Whether the bytes hold one of the signatures by which browsers recognise HTML or XML, anywhere in them. */
    static boolean sniffedAsHtml(byte[] head) {
        String upper = new String(head, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
        if (upper.contains(XML_DECLARATION)) {
            return true;
        }
        for (String tag : HTML_TAGS) {
            for (int at = upper.indexOf(tag); at >= 0; at = upper.indexOf(tag, at + 1)) {
                int next = at + tag.length();
                if (tag.equals("<!--") || next < upper.length()
                        && (upper.charAt(next) == ' ' || upper.charAt(next) == '>')) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<String> officeProblem(String name, Path file, String kind, String mainContentType)
            throws IOException {
        String notOffice = "“" + name + "”不是有效的 " + kind + "：";
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                return Optional.of(notOffice + "包含的部件过多");
            }
            Optional<String> executable = executablePart(zip);
            if (executable.isPresent()) {
                return Optional.of("“" + name + "”含有可执行的内容（" + executable.get() + "），不能上传");
            }
            Document contentTypes = xml(zip, CONTENT_TYPES);
            Document relationships = xml(zip, PACKAGE_RELATIONSHIPS);
            if (contentTypes == null) {
                return Optional.of(notOffice + "缺少 " + CONTENT_TYPES);
            }
            if (relationships == null) {
                return Optional.of(notOffice + "缺少 " + PACKAGE_RELATIONSHIPS);
            }
            String mainPart = mainPart(relationships);
            if (mainPart == null || zip.getEntry(mainPart) == null) {
                return Optional.of(notOffice + "缺少文档主体部件");
            }
            String declared = contentTypeOf(contentTypes, mainPart);
            if (!mainContentType.equals(declared)) {
                return Optional.of(notOffice + "主体部件的类型是 " + (declared == null ? "未声明" : declared));
            }
            return Optional.empty();
        } catch (ZipException e) {
            return Optional.of(notOffice + "压缩包已损坏");
        } catch (SAXException e) {
            return Optional.of(notOffice + "描述文件不是有效的 XML");
        }
    }

    /** A part that is a program by its name or its first bytes, if there is one. */
    private static Optional<String> executablePart(ZipFile zip) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (EXECUTABLE_NAME.matcher("/" + entry.getName()).matches()) {
                return Optional.of(entry.getName());
            }
            if (!entry.isDirectory()) {
                byte[] start;
                try (InputStream in = zip.getInputStream(entry)) {
                    start = in.readNBytes(4);
                }
                for (byte[] signature : PROGRAM_SIGNATURES) {
                    if (start.length >= signature.length && Arrays.equals(start, 0, signature.length,
                            signature, 0, signature.length)) {
                        return Optional.of(entry.getName());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The package's main part named by its {@code officeDocument} relationship, as a ZIP entry name. */
    private static String mainPart(Document relationships) {
        NodeList nodes = relationships.getDocumentElement().getElementsByTagNameNS("*", "Relationship");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element relationship = (Element) nodes.item(i);
            if (relationship.getAttribute("Type").endsWith(OFFICE_DOCUMENT_RELATIONSHIP)
                    && !"External".equals(relationship.getAttribute("TargetMode"))) {
                String target = relationship.getAttribute("Target");
                return target.startsWith("/") ? target.substring(1) : target;
            }
        }
        return null;
    }

    /** The content type [Content_Types].xml gives a part: its override, else the default of its extension. */
    private static String contentTypeOf(Document contentTypes, String part) {
        Map<String, String> defaults = new HashMap<>();
        NodeList nodes = contentTypes.getDocumentElement().getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                if (element.getLocalName().equals("Override")
                        && element.getAttribute("PartName").equalsIgnoreCase("/" + part)) {
                    return element.getAttribute("ContentType");
                }
                if (element.getLocalName().equals("Default")) {
                    defaults.put(element.getAttribute("Extension").toLowerCase(Locale.ROOT),
                            element.getAttribute("ContentType"));
                }
            }
        }
        return defaults.get(part.substring(part.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    /** The entry parsed as XML without DTDs or external entities, or {@code null} when there is no such entry. */
    private static Document xml(ZipFile zip, String name) throws IOException, SAXException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_DESCRIPTION_BYTES + 1);
        }
        if (bytes.length > MAX_DESCRIPTION_BYTES) {
            throw new SAXException(name + " is too large");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // fails on malformed XML instead of printing it to the console
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
