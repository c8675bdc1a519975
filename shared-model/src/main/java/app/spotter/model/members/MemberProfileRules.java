package app.spotter.model.members;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a member profile acceptable: a first and a last name (at most 100 characters), an
 * optional e-mail address and an optional phone number. The desk checks a sign-up or an edit
 * with these rules before it queues it (so the message appears next to the field at once, even
 * offline) and the server checks the same rules again when it applies it.
 */
public final class MemberProfileRules {

    /** The longest first or last name. */
    public static final int MAX_NAME = 100;
    /** Loose on purpose: one @, a dot in the domain, no spaces. Deliverability is the mail server's business. */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Digits with the usual separators, as people type them at the counter. */
    public static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{2,39}");

    /** Why a field was refused. */
    public enum Problem {
        REQUIRED, TOO_LONG, NOT_AN_EMAIL, NOT_A_PHONE
    }

    /** One refused field: its name as in the API ({@code firstName}, {@code email}...) and why. */
    public record FieldProblem(String field, Problem problem) {
    }

    private MemberProfileRules() {
    }

    /** Every problem of a profile, in form order; empty when it may be saved. Blank e-mail or phone is fine. */
    public static List<FieldProblem> check(String firstName, String lastName, String email, String phone) {
        List<FieldProblem> problems = new ArrayList<>();
        name("firstName", firstName, problems);
        name("lastName", lastName, problems);
        if (!isBlank(email) && !isEmail(email)) {
            problems.add(new FieldProblem("email", Problem.NOT_AN_EMAIL));
        }
        if (!isBlank(phone) && !isPhone(phone)) {
            problems.add(new FieldProblem("phone", Problem.NOT_A_PHONE));
        }
        return problems;
    }

    /**
     * The problem of one changed profile field, as an edit sends it (a blank value clears the field,
     * which the edit's own rule decides); empty when the value may be stored, or the field is not a
     * profile field checked here.
     */
    public static java.util.Optional<Problem> checkChange(String field, String value) {
        if (isBlank(value)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(switch (field) {
            case "firstName", "lastName" -> value.strip().length() > MAX_NAME ? Problem.TOO_LONG : null;
            case "email" -> isEmail(value) ? null : Problem.NOT_AN_EMAIL;
            case "phone" -> isPhone(value) ? null : Problem.NOT_A_PHONE;
            default -> null;
        });
    }

    /** Whether the text (stripped) looks like an e-mail address. */
    public static boolean isEmail(String text) {
        return text != null && text.strip().length() <= 320 && EMAIL.matcher(text.strip()).matches();
    }

    /** Whether the text (stripped) looks like a phone number. */
    public static boolean isPhone(String text) {
        return text != null && PHONE.matcher(text.strip()).matches();
    }

    private static void name(String field, String value, List<FieldProblem> problems) {
        if (isBlank(value)) {
            problems.add(new FieldProblem(field, Problem.REQUIRED));
        } else if (value.strip().length() > MAX_NAME) {
            problems.add(new FieldProblem(field, Problem.TOO_LONG));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
