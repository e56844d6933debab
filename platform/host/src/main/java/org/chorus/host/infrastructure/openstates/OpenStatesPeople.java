package org.chorus.host.infrastructure.openstates;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads legislators from Open States data in three shapes.
 *
 * <ul>
 * <li>People YAML, one file per person as in {@code openstates/people data/<state>/legislature/*.yml}
 *     (schema: {@code id, name, given_name, family_name, email, image, party[], roles[], offices[], links[],
 *     extras}). The current role is the {@code upper}/{@code lower} role without an {@code end_date} (or ending
 *     today or later); the party likewise.</li>
 * <li>The Open States per-state people CSV ({@code https://data.openstates.org/people/current/<state>.csv}),
 *     recognised by its {@code current_chamber} column. Its header is {@code id, name, current_party,
 *     current_district, current_chamber, given_name, family_name, gender, email, biography, birth_date,
 *     death_date, image, links, sources, capitol_address, capitol_voice, capitol_fax, district_address,
 *     district_voice, district_fax, twitter, youtube, instagram, facebook, wikidata}; {@code links} and
 *     {@code sources} are ';'-separated. Used here: id, name, current_party, current_district, current_chamber
 *     (required: id, name, current_district, current_chamber), given_name, family_name, email, image, links,
 *     capitol_address, capitol_voice, district_voice. Columns may be missing or in another order.</li>
 * <li>The flat CSV derived from the YAML for this project ({@code legislators_flat.csv}), recognised by its
 *     {@code openstates_id} column: openstates_id, name, given_name, family_name, openstates_role_type,
 *     district, party, email, capitol_phone, capitol_address, district_phone, photo_url, member_code,
 *     profile_url (others ignored).</li>
 * </ul>
 *
 * Problems with one person reject that person (file, or file:line for CSV, and the reason), not the import.
 */
public final class OpenStatesPeople {

    /** Keys of {@link Legislator#extras()}. */
    public static final String CAPITOL_ADDRESS = "capitolAddress";
    public static final String DISTRICT_PHONE = "districtPhone";
    public static final String MEMBER_CODE = "memberCode";
    public static final String PROFILE_URL = "profileUrl";

    private static final Pattern UUID_FILE = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.ya?ml$");

    /**
     * A sitting legislator as a source describes them.
     *
     * @param chamber  {@code upper} or {@code lower}
     * @param district the district as the source writes it ("8th Suffolk", "Third Suffolk")
     * @param phone    the capitol office phone
     * @param extras   further facts the source carries, by the key constants above; a key is present (maybe with a
     *                 null value) exactly when the source format has that fact, so an importer can tell "none" from
     *                 "not in this format"
     * @param location file, or file:line, for messages
     */
    public record Legislator(String id, String name, String givenName, String familyName, String chamber,
                             String district, String party, String email, String phone, String photoUrl,
                             Map<String, String> extras, String location) {
    }

    /**
     * A person that could not be read.
     *
     * @param id the Open States id when it is known despite the problem (so the person is not taken as gone)
     */
    public record Rejected(String location, String reason, String id) {
    }

    /** What a source held. */
    public record Batch(List<Legislator> legislators, List<Rejected> rejected) {
        public Batch {
            legislators = List.copyOf(legislators);
            rejected = List.copyOf(rejected);
        }
    }

    private OpenStatesPeople() {
    }

    // ---------------------------------------------------------------- YAML

    /**
     * Every {@code *.yml}/{@code *.yaml} directly in {@code dir} (not below: {@code data/ma/retired} must not
     * creep in when someone points at {@code data/ma}).
     *
     * @param today decides which roles and parties are current
     */
    public static Batch readYamlFolder(Path dir, LocalDate today) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches("(?i).*\\.ya?ml$"))
                    .sorted().toList();
        }
        return readYamlFiles(files, today);
    }

    public static Batch readYamlFiles(List<Path> files, LocalDate today) throws IOException {
        List<Legislator> out = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Yaml yaml = yaml();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String text;
            try {
                text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                rejected.add(new Rejected(name, "cannot read: " + e.getMessage(), idFromFileName(name)));
                continue;
            }
            try {
                out.add(parse(yaml, text, name, today));
            } catch (InvalidPerson e) {
                rejected.add(new Rejected(e.location, e.getMessage(), e.id != null ? e.id : idFromFileName(name)));
            }
        }
        return new Batch(out, rejected);
    }

    /** Open States names files {@code Given-Family-<uuid>.yml}: the id survives a file that does not parse. */
    static String idFromFileName(String fileName) {
        Matcher m = UUID_FILE.matcher(fileName);
        return m.find() ? "ocd-person/" + m.group(1) : null;
    }

    /** A person's record that cannot be used. */
    public static final class InvalidPerson extends Exception {
        final String location;
        final String id;

        InvalidPerson(String location, String id, String message) {
            super(message);
            this.location = location;
            this.id = id;
        }
    }

    public static Legislator parseYaml(String text, String location, LocalDate today) throws InvalidPerson {
        return parse(yaml(), text, location, today);
    }

    /** A safe loader (plain maps and lists); not thread-safe, so one per batch. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    private static Legislator parse(Yaml yaml, String text, String location, LocalDate today) throws InvalidPerson {
        Object root;
        try {
            root = yaml.load(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new InvalidPerson(location + (line > 0 ? ":" + line : ""), null, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidPerson(location, null, "not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> person)) {
            throw new InvalidPerson(location, null, "not an Open States person (expected a mapping with id, name, roles)");
        }
        String id = text(person.get("id"));
        if (id == null || !id.startsWith("ocd-person/")) {
            throw new InvalidPerson(location, null, "no Open States id (id: ocd-person/…)");
        }
        String name = text(person.get("name"));
        if (name == null) {
            throw new InvalidPerson(location, id, "no name");
        }
        Map<?, ?> role = currentRole(list(person.get("roles")), today);
        if (role == null) {
            throw new InvalidPerson(location, id, "no current upper or lower chamber role (every role has ended)");
        }
        String district = text(role.get("district"));
        if (district == null) {
            throw new InvalidPerson(location, id, "current role has no district");
        }
        String party = null;
        for (Object p : list(person.get("party"))) {
            if (p instanceof Map<?, ?> pm && isCurrent(pm, today) && text(pm.get("name")) != null) {
                party = text(pm.get("name"));
                break;
            }
        }
        String capitolVoice = null;
        String capitolAddress = null;
        String districtVoice = null;
        for (Object o : list(person.get("offices"))) {
            if (!(o instanceof Map<?, ?> office)) {
                continue;
            }
            String kind = text(office.get("classification"));
            if ("capitol".equals(kind) && capitolVoice == null && capitolAddress == null) {
                capitolVoice = text(office.get("voice"));
                capitolAddress = text(office.get("address"));
            } else if ("district".equals(kind) && districtVoice == null) {
                districtVoice = text(office.get("voice"));
            }
        }
        List<String> links = list(person.get("links")).stream()
                .map(l -> l instanceof Map<?, ?> lm ? text(lm.get("url")) : null).filter(u -> u != null).toList();
        Map<String, String> extras = new HashMap<>();
        extras.put(CAPITOL_ADDRESS, capitolAddress);
        extras.put(DISTRICT_PHONE, districtVoice);
        extras.put(MEMBER_CODE, person.get("extras") instanceof Map<?, ?> ex ? text(ex.get("member code")) : null);
        extras.put(PROFILE_URL, profileUrl(links));
        return new Legislator(id, name, text(person.get("given_name")), text(person.get("family_name")),
                text(role.get("type")), district, party, text(person.get("email")), capitolVoice,
                text(person.get("image")), Collections.unmodifiableMap(extras), location);
    }

    private static Map<?, ?> currentRole(List<?> roles, LocalDate today) {
        Map<?, ?> best = null;
        LocalDate bestStart = null;
        for (Object r : roles) {
            if (!(r instanceof Map<?, ?> role)) {
                continue;
            }
            String type = text(role.get("type"));
            if (!"upper".equals(type) && !"lower".equals(type) || !isCurrent(role, today)) {
                continue;
            }
            LocalDate start = date(role.get("start_date"));
            if (best == null || start != null && (bestStart == null || start.isAfter(bestStart))) {
                best = role;
                bestStart = start;
            }
        }
        return best;
    }

    private static boolean isCurrent(Map<?, ?> m, LocalDate today) {
        LocalDate end = date(m.get("end_date"));
        return end == null || !end.isBefore(today);
    }

    private static LocalDate date(Object v) {
        if (v instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static List<?> list(Object v) {
        return v instanceof List<?> l ? l : List.of();
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** The member's page on the legislature's site when a link is one, else the first link. */
    static String profileUrl(List<String> links) {
        return links.stream().filter(u -> u.contains("/Legislators/Profile/")).findFirst()
                .orElse(links.isEmpty() ? null : links.get(0));
    }

    // ---------------------------------------------------------------- CSV

    /** The CSV formats understood. */
    public enum CsvFormat { OPEN_STATES, FLAT }

    /**
     * Reads an Open States people CSV or the derived flat CSV (see the class comment), told apart by the header.
     *
     * @throws IOException when the file cannot be read, is not UTF-8, or its header is neither format
     */
    public static Batch readCsv(Path file) throws IOException {
        String name = file.getFileName().toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(name + ": not UTF-8 text", e);
        }
        List<Csv.Row> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw new IOException(name + ": empty");
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        CsvFormat format = header.contains("current_chamber") && header.contains("id") ? CsvFormat.OPEN_STATES
                : header.contains("openstates_id") ? CsvFormat.FLAT : null;
        if (format == null) {
            throw new IOException(name + ": header is neither the Open States people CSV (id,name,current_party,"
                    + "current_district,current_chamber,…) nor the flat legislators CSV (openstates_id,…): " + header);
        }
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i), i);
        }
        List<Legislator> out = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            String location = name + ":" + row.line();
            Map<String, String> v = new HashMap<>();
            col.forEach((h, i) -> v.put(h, i < row.fields().size() ? text(row.fields().get(i)) : null));
            if (row.fields().size() != header.size()) {
                rejected.add(new Rejected(location, "has " + row.fields().size() + " fields, the header " + header.size(),
                        v.get(format == CsvFormat.FLAT ? "openstates_id" : "id")));
                continue;
            }
            try {
                out.add(format == CsvFormat.FLAT ? flatRow(v, col, location) : openStatesRow(v, col, location));
            } catch (InvalidPerson e) {
                rejected.add(new Rejected(location, e.getMessage(), e.id));
            }
        }
        return new Batch(out, rejected);
    }

    private static Legislator openStatesRow(Map<String, String> v, Map<String, Integer> col, String location) throws InvalidPerson {
        String id = require(v, "id", location, null);
        String chamber = chamber(require(v, "current_chamber", location, id), location, id);
        Map<String, String> extras = new HashMap<>();
        if (col.containsKey("capitol_address")) {
            extras.put(CAPITOL_ADDRESS, v.get("capitol_address"));
        }
        if (col.containsKey("district_voice")) {
            extras.put(DISTRICT_PHONE, v.get("district_voice"));
        }
        if (col.containsKey("links")) {
            String links = v.get("links");
            extras.put(PROFILE_URL, links == null ? null : profileUrl(Arrays.stream(links.split(";"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList()));
        }
        return new Legislator(id, require(v, "name", location, id), v.get("given_name"), v.get("family_name"), chamber,
                require(v, "current_district", location, id), v.get("current_party"), v.get("email"),
                v.get("capitol_voice"), v.get("image"), Collections.unmodifiableMap(extras), location);
    }

    private static Legislator flatRow(Map<String, String> v, Map<String, Integer> col, String location) throws InvalidPerson {
        String id = require(v, "openstates_id", location, null);
        String chamberValue = v.get("openstates_role_type") != null ? v.get("openstates_role_type") : v.get("chamber");
        if (chamberValue == null) {
            throw new InvalidPerson(location, id, "no openstates_role_type (or chamber)");
        }
        String chamber = chamber(chamberValue, location, id);
        Map<String, String> extras = new HashMap<>();
        for (String[] k : new String[][] {{"capitol_address", CAPITOL_ADDRESS}, {"district_phone", DISTRICT_PHONE},
                {"member_code", MEMBER_CODE}, {"profile_url", PROFILE_URL}}) {
            if (col.containsKey(k[0])) {
                extras.put(k[1], v.get(k[0]));
            }
        }
        return new Legislator(id, require(v, "name", location, id), v.get("given_name"), v.get("family_name"), chamber,
                require(v, "district", location, id), v.get("party"), v.get("email"), v.get("capitol_phone"),
                v.get("photo_url"), Collections.unmodifiableMap(extras), location);
    }

    private static String chamber(String value, String location, String id) throws InvalidPerson {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "upper", "senate" -> "upper";
            case "lower", "house" -> "lower";
            default -> throw new InvalidPerson(location, id, "chamber '" + value + "' is neither upper nor lower");
        };
    }

    private static String require(Map<String, String> v, String column, String location, String id) throws InvalidPerson {
        String s = v.get(column);
        if (s == null) {
            throw new InvalidPerson(location, id, "no " + column);
        }
        return s;
    }
}
