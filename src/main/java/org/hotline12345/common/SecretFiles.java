package org.hotline12345.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Secrets the service makes for itself on its embedded defaults (the session key, the embedded PostgreSQL's password),
 * kept in files only their owner may read (mode 0600) beside the data they protect, so that they survive restarts and
 * never need to be written anywhere else, least of all to the log.
 */
public final class SecretFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /** The secret kept in {@code file}, made (32 random bytes, Base64url) and kept there first where there is none. */
    public static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(
                        file.toAbsolutePath() + " is empty: delete it to have a new secret made");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file.toAbsolutePath(), e);
        }
    }

    /** A fresh secret of 32 random bytes, as 43 Base64url characters. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        // written under a temporary name and moved, so that a crash never leaves a half-written secret behind
        Path partial = Files.createTempFile(parent, ".secret", ".part", attributes);
        try {
            Files.writeString(partial, generate() + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file);
        } catch (FileAlreadyExistsException e) {
            // another process made it first: theirs is the one every process uses
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
