package org.chorus.host.infrastructure.openstates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * District names as the different Massachusetts sources write them, and the Open Civic Data slug they share.
 * Open States writes House ordinals as digits ("8th Suffolk") and Senate ordinals as words ("Third Suffolk");
 * MassGIS spells all of them out ("Eighth Suffolk"); the precinct crosswalk writes "&amp;" for "and". The
 * {@link #slug} of every form is the same, and it is what the OCD ids end with
 * ({@code ocd-division/country:us/state:ma/sldl:8th_suffolk}).
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
     * The OCD slug of a district name: lower case, ordinals as digits ("3rd"), "&amp;" as "and", commas dropped,
     * words joined by "_". "Berkshire, Hampden, Franklin and Hampshire" → {@code berkshire_hampden_franklin_and_hampshire}.
     */
    public static String slug(String name) {
        return String.join("_", words(name));
    }

    /** Whether two names denote the same district across spellings ("Third Suffolk" / "3rd Suffolk"). */
    public static boolean same(String a, String b) {
        return slug(a).equals(slug(b));
    }

    private static List<String> words(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("&", " and ").replace(",", " ").replace(".", " ")
                .replace("'", "").replace("\u2019", "");
        String[] raw = s.trim().split("[\\s_]+");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String w = raw[i];
            if (w.isEmpty()) {
                continue;
            }
            // "twenty-first", "twenty first"
            String[] hyphen = w.split("-", 2);
            if (hyphen.length == 2 && TENS.containsKey(hyphen[0]) && UNITS.containsKey(hyphen[1]) && UNITS.get(hyphen[1]) < 10) {
                out.add(ordinal(TENS.get(hyphen[0]) + UNITS.get(hyphen[1])));
                continue;
            }
            if (TENS.containsKey(w) && i + 1 < raw.length && UNITS.containsKey(raw[i + 1]) && UNITS.get(raw[i + 1]) < 10) {
                out.add(ordinal(TENS.get(w) + UNITS.get(raw[i + 1])));
                i++;
                continue;
            }
            if (UNITS.containsKey(w)) {
                out.add(ordinal(UNITS.get(w)));
                continue;
            }
            out.addAll(List.of(w.split("-")));
        }
        return out;
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
