package org.spares.domain;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;


/**
 * The one rule for every free-text field a client stores (names, categories, reasons, references, asset tags,
 * descriptions): no control characters (NUL, ESC, CR, LF, DEL, the C1 range, ...), no bidirectional formatting
 * characters (the overrides and isolates of "Trojan Source", U+202A-U+202E, U+2066-U+2069, and the marks U+200E,
 * U+200F, U+061C), no line or paragraph separators (U+2028, U+2029) and no lone surrogate halves. Such text
 * breaks CSV exports and log lines, and shows a reader something other than what is stored. {@code multiline}
 * lets a description keep its line feeds, carriage returns and tabs; nothing else changes. Null is left to
 * {@code @NotNull}/{@code @NotBlank}. Used by the JSON bodies, the merged whole of a PATCH, each row of a CSV
 * import and the add-user command, so the rule cannot differ between them.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {
    String message() default "must not contain control characters (such as NUL, ESC, CR, LF) or bidirectional"
            + " formatting characters";

    /** True for text that may span lines: LF, CR and TAB are then allowed. */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself. */
    final class Check implements ConstraintValidator<PlainText, String> {
        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isPlain(value, multiline);
        }

        private static boolean isPlain(String value, boolean multiline) {
            return value.codePoints().allMatch(codePoint -> allowed(codePoint, multiline));
        }

        private static boolean allowed(int codePoint, boolean multiline) {
            if (multiline && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t')) {
                return true;
            }
            int type = Character.getType(codePoint);
            if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
            return !isBidirectionalFormatting(codePoint);
        }

        private static boolean isBidirectionalFormatting(int codePoint) {
            return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                    || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
        }
    }
}
