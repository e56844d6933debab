package org.chorus.host.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes what {@code https://data.openstates.org/people/current/<state>.csv} would hold for a folder of people YAML,
 * with its real header, so the CSV import can be tested on all real legislators without the internet. Follows the
 * Open States exporter: current role and party, ';'-joined links and sources, first capitol and district office.
 */
public final class OpenStatesCsvFixture {

    public static final String HEADER = "id,name,current_party,current_district,current_chamber,given_name,family_name,"
            + "gender,email,biography,birth_date,death_date,image,links,sources,capitol_address,capitol_voice,capitol_fax,"
            + "district_address,district_voice,district_fax,twitter,youtube,instagram,facebook,wikidata";

    private OpenStatesCsvFixture() {
    }

    public static Path write(Path yamlFolder, Path csv) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        List<Path> files;
        try (Stream<Path> s = Files.list(yamlFolder)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path f : files) {
            Map<?, ?> p = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(f));
            Map<?, ?> role = ((List<?>) p.get("roles")).stream().map(Map.class::cast)
                    .filter(r -> r.get("end_date") == null).findFirst().orElseThrow();
            Map<?, ?> party = ((List<?>) p.get("party")).stream().map(Map.class::cast)
                    .filter(r -> r.get("end_date") == null).findFirst().orElseThrow();
            Map<?, ?> capitol = office(p, "capitol");
            Map<?, ?> district = office(p, "district");
            lines.add(Stream.of(p.get("id"), p.get("name"), party.get("name"), role.get("district"), role.get("type"),
                    p.get("given_name"), p.get("family_name"), p.get("gender"), p.get("email"), p.get("biography"),
                    p.get("birth_date"), p.get("death_date"), p.get("image"), urls(p.get("links")), urls(p.get("sources")),
                    capitol.get("address"), capitol.get("voice"), capitol.get("fax"), district.get("address"),
                    district.get("voice"), district.get("fax"), null, null, null, null, null)
                    .map(OpenStatesCsvFixture::cell).collect(Collectors.joining(",")));
        }
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }

    private static Map<?, ?> office(Map<?, ?> person, String classification) {
        Object offices = person.get("offices");
        if (offices instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && classification.equals(m.get("classification"))) {
                    return m;
                }
            }
        }
        return Map.of();
    }

    private static String urls(Object links) {
        if (!(links instanceof List<?> list)) {
            return null;
        }
        return list.stream().map(l -> String.valueOf(((Map<?, ?>) l).get("url"))).collect(Collectors.joining(";"));
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof java.util.Date d ? d.toInstant().toString().substring(0, 10) : v.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
