package org.practicegraph.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * The admin password, read from a file only its owner (and group) can read, and the check of an
 * HTTP Basic {@code Authorization} header against it (user {@value #USER}). The comparison is of
 * SHA-256 digests with {@link MessageDigest#isEqual}, so it takes the same time whatever the guess.
 */
public final class AdminPassword {
    /** The only user name, {@value}. */
    public static final String USER = "admin";
    private final byte[] expected;

    private AdminPassword(String password) { this.expected = sha256(USER + ":" + password); }

    /**
     * @param file a file holding the password (a trailing line break is ignored)
     * @return the password
     * @throws IllegalArgumentException when the file is missing, unreadable, readable by every user, or empty;
     *                                  the message names the file and the fix
     */
    public static AdminPassword read(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such file");
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.OTHERS_READ))
                throw new IllegalArgumentException(file + ": is readable by every user (" + PosixFilePermissions.toString(perms)
                        + "); a password file must not be. Run: chmod 600 " + file);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read permissions (" + e.getMessage() + ")");
        }
        String password;
        try {
            password = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\R+\\z", "");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (password.isBlank()) throw new IllegalArgumentException(file + ": is empty; it must hold the admin password");
        return new AdminPassword(password);
    }

    /** @return whether an {@code Authorization} header value carries user {@value #USER} and this password */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) return false;
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(new String(given, StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override public String toString() { return "AdminPassword[****]"; }
}
