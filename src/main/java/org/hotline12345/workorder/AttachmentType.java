package org.hotline12345.workorder;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a work order may carry, recognised by their first bytes and their name together, so that a
 * renamed program is not taken for a document. Office files are ZIP archives, hence the name decides between them.
 */
public enum AttachmentType {

    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'}, ".pdf"), PNG("image/png",
            new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            ".png"), JPEG("image/jpeg", new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff}, ".jpg", ".jpeg"), DOCX(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Signatures.ZIP,
                    ".docx"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Signatures.ZIP,
                            ".xlsx");

    private final String contentType;
    private final byte[] signature;
    private final String[] extensions;

    AttachmentType(String contentType, byte[] signature, String... extensions) {
        this.contentType = contentType;
        this.signature = signature;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /** The type whose name and first bytes both fit, if any. */
    public static Optional<AttachmentType> recognise(String fileName, byte[] head) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> Arrays.stream(type.extensions).anyMatch(name::endsWith))
                .filter(type -> head.length >= type.signature.length
                        && Arrays.equals(head, 0, type.signature.length, type.signature, 0, type.signature.length))
                .findFirst();
    }

    private static final class Signatures {
        static final byte[] ZIP = {'P', 'K', 3, 4};
    }
}
