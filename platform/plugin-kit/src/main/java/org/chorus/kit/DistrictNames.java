package org.chorus.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One key for the ways Massachusetts sources write a district's name. The precinct crosswalk spells ordinals out
 * and writes "&amp;" ("Seventh Plymouth", "Norfolk &amp; Middlesex"); Open States, whose names the host imports,
 * writes House ordinals as digits and Senate ordinals as words ("7th Plymouth", "Third Suffolk"); the OCD ids end
 * in the digit form ({@code sldl:7th_plymouth}, {@code sldu:3rd_suffolk}). {@link #slug} maps all of them to that
 * last form. The host uses it for its imports and plugins shade it, so both read names by the same rules.
 */
public final class DistrictNames {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
            Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18),
            Map.entry("nineteenth", 19), Map.entry("twentieth", 20), Map.entry("thirtieth", 30),
            Map.entry("fortieth", 40), Map.entry("fiftieth", 50));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50);

    private DistrictNames() {
    }

    /**
     * Lower case, ordinals as digits, "&amp;" as "and", punctuation dropped, words joined by "_":
     * "Thirty-Seventh Middlesex" → {@code 37th_middlesex}; "Berkshire, Hampden, Franklin &amp; Hampshire" →
     * {@code berkshire_hampden_franklin_and_hampshire}.
     */
    public static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("&", " and ").replace(",", " ").replace(".", " ")
                .replace("'", "").replace("\u2019", "");
        String[] raw = s.trim().split("[\\s_]+");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String w = raw[i];
            if (w.isEmpty()) {
                continue;
            }
            String[] hyphen = w.split("-", 2); // "thirty-seventh"
            if (hyphen.length == 2 && TENS.containsKey(hyphen[0]) && isUnit(hyphen[1])) {
                out.add(ordinal(TENS.get(hyphen[0]) + UNITS.get(hyphen[1])));
            } else if (TENS.containsKey(w) && i + 1 < raw.length && isUnit(raw[i + 1])) { // "thirty seventh"
                out.add(ordinal(TENS.get(w) + UNITS.get(raw[++i])));
            } else if (UNITS.containsKey(w)) {
                out.add(ordinal(UNITS.get(w)));
            } else {
                for (String part : w.split("-")) {
                    if (!part.isEmpty()) {
                        out.add(part);
                    }
                }
            }
        }
        return String.join("_", out);
    }

    /** Whether two names denote the same district across spellings ("Third Suffolk" / "3rd Suffolk"). */
    public static boolean same(String a, String b) {
        return slug(a).equals(slug(b));
    }

    private static boolean isUnit(String w) {
        Integer n = UNITS.get(w);
        return n != null && n < 10;
    }

    /** 1 → "1st", 12 → "12th", 23 → "23rd". */
    public static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
