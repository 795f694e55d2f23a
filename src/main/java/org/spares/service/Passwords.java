package org.spares.service;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * People's passwords, stored only as bcrypt hashes (cost 12, a random salt per hash, "$2a$" format). bcrypt
 * through Patrick Favre's {@code at.favre.lib:bcrypt}: pure Java, so no native library to build or load on each
 * platform (argon2-jvm needs libargon2), maintained, tested against the reference vectors. Spring Security
 * Crypto was tried first; its classes carry annotations from spring-core, which {@code -Xlint:all -Werror}
 * refuses without pulling in spring-core. Cost 12 takes a few hundred milliseconds per hash, slow enough against
 * offline guessing of a leaked hash. bcrypt reads at most 72 bytes; longer passwords (up to 128 characters)
 * are first reduced with SHA-512 by the library's strategy, so every character counts.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final int COST = 12;
    private static final BCrypt.Hasher HASHER = BCrypt.with(LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    private static final BCrypt.Verifyer VERIFIER = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
            LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    /** Checked against for unknown names so that a miss costs the same time as a wrong password. */
    private static final byte[] DUMMY_HASH = HASHER.hash(COST, bytes("not-a-password-of-anyone"));

    private Passwords() {
    }

    /** 400 VALIDATION_FAILED naming the field when the password is missing or of the wrong length. */
    public static void requireAcceptable(String password, String field) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    field + " must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters", Map.of("field", field));
        }
    }

    public static String hash(String password) {
        return new String(HASHER.hash(COST, bytes(password)), StandardCharsets.UTF_8);
    }

    /** False for a null hash (a user without a password, an unknown name) too, after the time of a real check. */
    public static boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        if (hash == null) {
            VERIFIER.verify(bytes(password), DUMMY_HASH);
            return false;
        }
        return VERIFIER.verify(bytes(password), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
