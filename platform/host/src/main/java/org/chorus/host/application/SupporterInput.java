package org.chorus.host.application;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.chorus.api.Messages;
import org.chorus.api.action.FieldError;
import org.chorus.api.action.SupporterDetails;

/**
 * The host's own checks on the person behind any action, whatever the plugin: an e-mail address we can write
 * to, and no line breaks (header injection) or absurd lengths in names and address parts. Field names are the
 * conventional form names plugins use: {@code email}, {@code first_name}, {@code last_name}, {@code street},
 * {@code town}, {@code zip}.
 */
public final class SupporterInput {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private SupporterInput() {
    }

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s).matches();
    }

    public static List<FieldError> check(SupporterDetails d, Messages m) {
        List<FieldError> errors = new ArrayList<>();
        if (!isEmail(d.email() == null ? null : d.email().trim())) {
            errors.add(new FieldError("email", m.get("error.email")));
        }
        line(errors, "first_name", d.firstName(), 100, m);
        line(errors, "last_name", d.lastName(), 100, m);
        line(errors, "street", d.street(), 200, m);
        line(errors, "town", d.town(), 100, m);
        line(errors, "zip", d.postalCode(), 20, m);
        return errors;
    }

    private static void line(List<FieldError> errors, String field, String value, int max, Messages m) {
        if (value == null) {
            return;
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            errors.add(new FieldError(field, m.get("error.oneLine")));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, m.get("error.tooLong", max)));
        }
    }
}
