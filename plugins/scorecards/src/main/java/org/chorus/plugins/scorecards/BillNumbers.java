package org.chorus.plugins.scorecards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bill numbers as people write them: "H.2580", "H 2580", "h2580", "HD 4328", and House/Senate pairs such as
 * "H2580 / S1681" or "H.2580/S.1681". Canonical form: prefix and digits, upper case, nothing between ("H2580").
 */
final class BillNumbers {

    private static final Pattern ONE = Pattern.compile("(?i)\\s*(HD|SD|H|S)\\s*\\.?\\s*(\\d{1,6})\\s*");

    private BillNumbers() {
    }

    /** One bill number in canonical form, or empty when the text is not one. */
    static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ONE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).toUpperCase(Locale.ROOT) + Integer.parseInt(m.group(2)));
    }

    /**
     * The numbers of a bill or pair ("H2580 / S1681" → [H2580, S1681]); empty when any part is not a bill number.
     */
    static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split("[/,&]|\\band\\b")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<String> n = canonical(part);
            if (n.isEmpty()) {
                return List.of();
            }
            if (!out.contains(n.get())) {
                out.add(n.get());
            }
        }
        return out;
    }

    /** True for a House number (H, HD), false for a Senate one (S, SD). */
    static boolean isHouse(String canonical) {
        return canonical.startsWith("H");
    }

    /** The key a pair is stored under: "H2580 / S1681", or the single number. */
    static String key(String house, String senate) {
        if (house != null && senate != null) {
            return house + " / " + senate;
        }
        return house != null ? house : senate;
    }

    /** "H.2580" for display, as the Legislature writes numbers. */
    static String display(String canonical) {
        if (canonical == null) {
            return null;
        }
        int i = 0;
        while (i < canonical.length() && Character.isLetter(canonical.charAt(i))) {
            i++;
        }
        return canonical.substring(0, i) + "." + canonical.substring(i);
    }
}
