package org.chorus.plugins.scorecards;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.chorus.api.Messages;
import org.chorus.api.PluginContext;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.Fragment;
import org.chorus.api.lookup.FoundTargets;
import org.chorus.api.lookup.LookupQuery;
import org.chorus.api.web.PluginRequest;
import org.chorus.api.web.PluginResponse;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Legislation.RollCall;
import org.chorus.plugins.scorecards.Legislation.Session;
import org.chorus.plugins.scorecards.Records.Recorded;
import org.chorus.plugins.scorecards.Rules.Band;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.chorus.plugins.scorecards.Scorecards.Board;
import org.chorus.plugins.scorecards.Scorecards.Row;
import org.chorus.plugins.scorecards.Scoring.Line;
import org.chorus.plugins.scorecards.Scoring.Score;

/**
 * The public scorecard pages, server-rendered so they work without JavaScript: the index table (sorted and filtered
 * through query parameters, so every state has a link), a legislator's page and a bill's page.
 */
final class PublicPages {

    static final String BASE = "/plugins/scorecards/";
    private static final List<String> STANCE_ORDER = List.of("sponsor", "cosponsor", "supports", "not-cosponsor", "unknown", "opposes");

    private final PluginContext context;
    private final Scorecards scorecards;
    private final Photos photos;

    PublicPages(PluginContext context, Scorecards scorecards, Photos photos) {
        this.context = context;
        this.scorecards = scorecards;
        this.photos = photos;
    }

    private String theme() {
        return scorecards.settings().get("theme", "default");
    }

    private PluginResponse page(int status, String title, String template, Map<String, Object> model) {
        return new PluginResponse.Page(status, title, new Fragment(template, model), theme());
    }

    private PluginResponse notFound(Messages m, String message) {
        return page(404, m.get("scorecards.notFound.title"), "message.ftlh", Map.of("heading", m.get("scorecards.notFound.title"),
                "message", message, "indexUrl", BASE));
    }

    // ---------------------------------------------------------------- index

    /** The filters and sort of an index request, checked. */
    record Query(String card, String chamber, String party, String grade, String q, Map<String, String> positions, String sort,
                 boolean descending, List<Map<String, String>> errors) {
    }

    PluginResponse index(PluginRequest request) {
        Messages m = context.messages(request.locale());
        Optional<Scorecard> found = scorecards.card(request.param("card"));
        if (found.isEmpty()) {
            if (request.param("card") != null && !request.param("card").isBlank()) {
                return notFound(m, m.get("scorecards.error.noCard", request.param("card")));
            }
            return page(200, m.get("scorecards.index.title"), "message.ftlh", Map.of("heading", m.get("scorecards.index.title"),
                    "message", m.get("scorecards.index.none"), "indexUrl", ""));
        }
        Scorecard card = found.get();
        Board board = scorecards.board(card);
        List<Bill> featured = card.featuredBills().stream().map(id -> board.data().bills().get(id)).filter(java.util.Objects::nonNull).toList();

        // Read and check the query: a value no control can send gets a 400 saying what to fix.
        List<Map<String, String>> errors = new ArrayList<>();
        String chamber = choice(request, "chamber", List.of("upper", "lower"), errors, m);
        Set<String> parties = new TreeSet<>();
        board.rows().forEach(r -> {
            if (r.target().party() != null) {
                parties.add(r.target().party());
            }
        });
        String party = choice(request, "party", List.copyOf(parties), errors, m);
        Set<String> letters = new java.util.LinkedHashSet<>();
        for (String c : card.chambers()) {
            card.bandsOf(c).forEach(b -> letters.add(b.letter()));
        }
        letters.add("none");
        String grade = choice(request, "grade", List.copyOf(letters), errors, m);
        Map<String, String> positions = new LinkedHashMap<>();
        for (Bill b : featured) {
            String v = choice(request, "pos_" + b.slug(), STANCE_ORDER, errors, m);
            if (!v.isEmpty()) {
                positions.put(b.slug(), v);
            }
        }
        List<String> sortKeys = new ArrayList<>(List.of("name", "chamber", "district", "party", "score", "grade"));
        featured.forEach(b -> sortKeys.add("pos_" + b.slug()));
        String sort = choice(request, "sort", sortKeys, errors, m);
        String dir = choice(request, "dir", List.of("asc", "desc"), errors, m);
        String q = request.param("q") == null ? "" : request.param("q").strip();
        if (q.length() > 100) {
            errors.add(Map.of("field", "q", "message", m.get("scorecards.error.tooLong", 100)));
            q = q.substring(0, 100);
        }
        Query query = new Query(card.slug(), chamber, party, grade, q, positions, sort.isEmpty() ? "name" : sort,
                "desc".equals(dir), errors);

        // Filter.
        Set<String> searchDistricts = q.isEmpty() ? Set.of() : districtsOf(q);
        String needle = fold(q);
        List<Row> rows = new ArrayList<>();
        for (Row r : board.rows()) {
            TargetInfo t = r.target();
            if (!chamber.isEmpty() && !chamber.equals(t.chamber())) {
                continue;
            }
            if (!party.isEmpty() && !party.equals(t.party())) {
                continue;
            }
            if (!grade.isEmpty() && !grade.equals(r.score().grade() == null ? "none" : r.score().grade())) {
                continue;
            }
            boolean ok = true;
            for (Bill b : featured) {
                String want = positions.get(b.slug());
                if (want != null && !want.equals(Scorecards.stanceCode(board.data().book(), b.id(), r.personId()))) {
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            if (!needle.isEmpty() && !fold(t.name()).contains(needle) && !fold(t.divisionName()).contains(needle)
                    && !searchDistricts.contains(t.divisionOcdId())) {
                continue;
            }
            rows.add(r);
        }

        // Sort (stable, by name within ties, so the order is always the same).
        Comparator<Row> byName = Comparator.comparing((Row r) -> Scorecards.sortName(r.target())).thenComparing(Row::personId);
        Comparator<Row> order = switch (query.sort()) {
            case "chamber" -> Comparator.comparing((Row r) -> String.valueOf(r.target().chamber()));
            case "district" -> Comparator.comparing((Row r) -> fold(r.target().divisionName()));
            case "party" -> Comparator.comparing((Row r) -> String.valueOf(r.target().party()));
            case "score" -> Comparator.comparing((Row r) -> r.score().percent(), Comparator.nullsFirst(Comparator.naturalOrder()));
            case "grade" -> Comparator.comparing((Row r) -> gradeRank(card, r));
            case "name" -> byName;
            default -> {
                Bill b = featured.stream().filter(x -> ("pos_" + x.slug()).equals(query.sort())).findFirst().orElseThrow();
                yield Comparator.comparing((Row r) -> STANCE_ORDER.indexOf(Scorecards.stanceCode(board.data().book(), b.id(), r.personId())));
            }
        };
        if (query.descending()) {
            order = order.reversed();
        }
        rows.sort(order.thenComparing(byName));

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("baseUrl", BASE);
        model.put("card", cardModel(card, board.data().session()));
        model.put("cards", scorecards.cards().stream().map(c -> Map.<String, Object>of("slug", c.slug(), "title", c.title(),
                "selected", c.slug().equals(card.slug()))).toList());
        model.put("errors", errors);
        model.put("q", q);
        model.put("chamber", chamber);
        model.put("party", party);
        model.put("grade", grade);
        model.put("parties", List.copyOf(parties));
        model.put("grades", List.copyOf(letters).stream().filter(l -> !l.equals("none")).toList());
        model.put("stanceCodes", STANCE_ORDER);
        List<Map<String, Object>> billFilters = new ArrayList<>();
        for (Bill b : featured) {
            billFilters.add(Map.of("param", "pos_" + b.slug(), "name", b.name(), "numbers", b.displayNumbers(),
                    "value", positions.getOrDefault(b.slug(), ""), "url", billUrl(board.data().session(), b)));
        }
        model.put("bills", billFilters);
        model.put("columns", columns(query, featured, m));
        model.put("sortKey", sort);
        model.put("sortDir", query.descending() ? "desc" : "asc");
        Locale locale = request.locale();
        List<Map<String, Object>> rowModels = new ArrayList<>();
        for (Row r : rows) {
            rowModels.add(rowModel(r, card, board, featured, locale, m));
        }
        model.put("rows", rowModels);
        model.put("shown", rows.size());
        model.put("total", board.rows().size());
        List<Map<String, Object>> medians = new ArrayList<>();
        board.medians().forEach((c, v) -> medians.add(Map.of("chamber", c, "value", v == null ? "" : percent(v, locale))));
        model.put("medians", medians);
        model.put("clearUrl", BASE + (card.slug().equals(scorecards.card(null).map(Scorecard::slug).orElse("")) ? "" : "?card=" + enc(card.slug())));
        model.put("scriptUrl", "plugin/scorecards/scorecards.js");
        return page(errors.isEmpty() ? 200 : 400, card.title(), "index.ftlh", model);
    }

    private static int gradeRank(Scorecard card, Row r) {
        if (r.score().grade() == null) {
            return Integer.MAX_VALUE;
        }
        List<Band> bands = card.bandsOf(r.chamber());
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).letter().equals(r.score().grade())) {
                return i;
            }
        }
        return Integer.MAX_VALUE - 1;
    }

    private List<Map<String, Object>> columns(Query query, List<Bill> featured, Messages m) {
        List<String[]> cols = new ArrayList<>();
        cols.add(new String[] {"name", m.get("scorecards.column.name"), "text"});
        cols.add(new String[] {"chamber", m.get("scorecards.column.chamber"), "text"});
        cols.add(new String[] {"district", m.get("scorecards.column.district"), "text"});
        cols.add(new String[] {"party", m.get("scorecards.column.party"), "text"});
        cols.add(new String[] {"score", m.get("scorecards.column.score"), "number"});
        cols.add(new String[] {"grade", m.get("scorecards.column.grade"), "number"});
        for (Bill b : featured) {
            cols.add(new String[] {"pos_" + b.slug(), b.name(), "number"});
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] c : cols) {
            boolean active = c[0].equals(query.sort());
            boolean nextDesc = active && !query.descending();
            Map<String, String> params = params(query);
            params.put("sort", c[0]);
            params.put("dir", nextDesc ? "desc" : "asc");
            out.add(Map.of("key", c[0], "label", c[1], "type", c[2], "url", BASE + "?" + queryString(params),
                    "ariaSort", active ? (query.descending() ? "descending" : "ascending") : "none"));
        }
        return out;
    }

    /** The query's parameters (without defaults), for links that change one of them. */
    private Map<String, String> params(Query query) {
        Map<String, String> p = new LinkedHashMap<>();
        Optional<Scorecard> def = scorecards.card(null);
        if (def.isEmpty() || !def.get().slug().equals(query.card())) {
            p.put("card", query.card());
        }
        put(p, "q", query.q());
        put(p, "chamber", query.chamber());
        put(p, "party", query.party());
        put(p, "grade", query.grade());
        query.positions().forEach((bill, v) -> p.put("pos_" + bill, v));
        return p;
    }

    private static void put(Map<String, String> p, String k, String v) {
        if (v != null && !v.isEmpty()) {
            p.put(k, v);
        }
    }

    static String queryString(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return b.toString();
    }

    private Map<String, Object> rowModel(Row r, Scorecard card, Board board, List<Bill> featured, Locale locale, Messages m) {
        TargetInfo t = r.target();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("url", BASE + "legislators/" + t.id() + cardParam(card));
        row.put("name", t.name());
        row.put("sortName", Scorecards.sortName(t));
        row.put("chamber", t.chamber() == null ? "" : t.chamber());
        row.put("district", t.divisionName() == null ? "" : t.divisionName());
        row.put("party", t.party() == null ? "" : t.party());
        Score s = r.score();
        row.put("percent", s.percent() == null ? "" : percent(s.percent(), locale));
        row.put("percentSort", s.percent() == null ? "-1" : s.percent().toPlainString());
        row.put("grade", s.grade() == null ? "" : s.grade());
        row.put("gradeSort", String.valueOf(gradeRank(card, r)));
        List<Map<String, Object>> stances = new ArrayList<>();
        for (Bill b : featured) {
            String code = Scorecards.stanceCode(board.data().book(), b.id(), r.personId());
            stances.add(Map.of("param", "pos_" + b.slug(), "code", code, "label", m.get("scorecards.stance." + code),
                    "sort", String.valueOf(STANCE_ORDER.indexOf(code))));
        }
        row.put("stances", stances);
        return row;
    }

    /** The districts a search names as a town or ZIP code, through the host's lookups; none when it names none. */
    private Set<String> districtsOf(String q) {
        Set<String> out = new HashSet<>();
        try {
            LookupQuery query = q.matches("\\d{5}") ? new LookupQuery(null, null, q, null, null, null)
                    : new LookupQuery(null, null, null, q, null, null);
            FoundTargets found = context.targetFinder().find(query);
            found.districts().forEach(d -> out.add(d.match().ocdId()));
            found.candidates().forEach(d -> out.add(d.match().ocdId()));
        } catch (RuntimeException e) {
            // No lookup installed or it failed: the search still matches names and districts.
            context.logger().fine(() -> "town search for '" + q + "' found nothing: " + e);
        }
        return out;
    }

    // ---------------------------------------------------------------- legislator

    PluginResponse legislator(PluginRequest request, String idText) {
        Messages m = context.messages(request.locale());
        Locale locale = request.locale();
        Optional<TargetInfo> target = idText.matches("\\d{1,18}") ? scorecards.targets().target(Long.parseLong(idText)) : Optional.empty();
        if (target.isEmpty() || target.get().externalId() == null) {
            return notFound(m, m.get("scorecards.error.noLegislator"));
        }
        TargetInfo t = target.get();
        Optional<Scorecard> found = scorecards.card(request.param("card"));
        if (found.isEmpty()) {
            return notFound(m, m.get("scorecards.error.noCard", String.valueOf(request.param("card"))));
        }
        Scorecard card = found.get();
        Scorecards.Computed data = scorecards.computed(card);
        String person = t.externalId();
        Score score = scorecards.scoreOf(card, person, t.chamber());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("baseUrl", BASE);
        model.put("indexUrl", BASE + cardParam(card));
        model.put("card", cardModel(card, data.session()));
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("name", t.name());
        who.put("title", t.title() == null ? "" : t.title());
        who.put("chamber", t.chamber() == null ? "" : t.chamber());
        who.put("district", t.divisionName() == null ? "" : t.divisionName());
        who.put("party", t.party() == null ? "" : t.party());
        who.put("email", t.email() == null ? "" : t.email());
        who.put("phone", t.phone() == null ? "" : t.phone());
        who.put("sitting", t.sitting());
        who.put("photoUrl", photos.available(t) ? BASE + "photos/" + t.id() : "");
        who.put("initials", initials(t));
        model.put("legislator", who);
        model.put("score", scoreModel(score, locale));
        BigDecimal median = scorecards.board(card).medians().get(score.chamber());
        model.put("median", median == null ? "" : percent(median, locale));
        model.put("scoreChamber", score.chamber() == null ? "" : score.chamber());

        List<Map<String, Object>> bills = new ArrayList<>();
        List<Map<String, Object>> votes = new ArrayList<>();
        Map<Rules.Item, Line> lines = new LinkedHashMap<>();
        score.lines().forEach(l -> lines.put(l.item(), l));
        for (Rules.Item item : card.items()) {
            Line line = lines.get(item);
            if (item.isBill()) {
                Bill b = data.bills().get(item.billId());
                String code = Scorecards.stanceCode(data.book(), b.id(), person);
                Recorded<Records.Position> position = data.book().positionRecord(b.id(), person);
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("name", b.name());
                bm.put("numbers", b.displayNumbers());
                bm.put("url", billUrl(data.session(), b));
                bm.put("officialUrl", nz(b.urlIn(t.chamber())));
                bm.put("code", code);
                bm.put("record", m.get("scorecards.stance." + code));
                bm.put("note", position == null || position.note() == null ? "" : position.note());
                bm.put("side", b.side().name().toLowerCase(Locale.ROOT));
                bm.put("outcome", line == null ? "" : line.outcome());
                bm.put("counted", line != null && line.credit() != null);
                bm.put("featured", item.featured());
                bills.add(bm);
            } else {
                RollCall rc = data.rollCalls().get(item.rollCallId());
                if (line == null) {
                    continue; // another chamber's roll call
                }
                Records.Vote v = data.book().vote(rc.id(), person);
                Map<String, Object> vm = new LinkedHashMap<>();
                vm.put("title", rc.title());
                vm.put("number", rc.number());
                vm.put("chamber", rc.chamber());
                vm.put("date", rc.date() == null ? "" : rc.date().toString());
                vm.put("billNumber", rc.billNumber() == null ? "" : BillNumbers.canonical(rc.billNumber()).map(BillNumbers::display).orElse(rc.billNumber()));
                vm.put("billUrl", nz(rc.url()));
                vm.put("rollCallUrl", nz(rc.rollCallUrl()));
                vm.put("preferred", Records.write(rc.preferred()));
                vm.put("vote", Records.write(v));
                vm.put("outcome", line.outcome());
                vm.put("counted", line.credit() != null);
                votes.add(vm);
            }
        }
        model.put("bills", bills);
        model.put("votes", votes);

        // Over time: this legislator on every scorecard, and their record pooled across them.
        List<Map<String, Object>> history = new ArrayList<>();
        List<Score> scored = new ArrayList<>();
        for (Scorecard c : scorecards.cards()) {
            Score s = scorecards.scoreOf(c, person, t.chamber());
            Session session = scorecards.computed(c).session();
            if (s.counted() == 0) {
                continue;
            }
            scored.add(s);
            Map<String, Object> h = new LinkedHashMap<>(scoreModel(s, locale));
            h.put("title", c.title());
            h.put("session", session.name());
            h.put("url", BASE + "legislators/" + t.id() + "?card=" + enc(c.slug()));
            h.put("current", c.slug().equals(card.slug()));
            history.add(h);
        }
        model.put("history", history);
        BigDecimal career = Scoring.pooled(scored);
        model.put("career", career == null || scored.size() < 2 ? "" : percent(career, locale));
        model.put("letters", context.actions().messagesTo(t.id()));
        return page(200, t.title() == null ? t.name() : t.title() + " " + t.name(), "legislator.ftlh", model);
    }

    private static String initials(TargetInfo t) {
        StringBuilder b = new StringBuilder();
        for (String part : (t.givenName() == null ? "" : t.givenName()).split(" ")) {
            if (!part.isBlank()) {
                b.append(part.charAt(0));
                break;
            }
        }
        String family = t.familyName() == null ? t.name() : t.familyName();
        if (family != null && !family.isBlank()) {
            b.append(family.charAt(0));
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    private Map<String, Object> scoreModel(Score s, Locale locale) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("percent", s.percent() == null ? "" : percent(s.percent(), locale));
        sm.put("grade", s.grade() == null ? "" : s.grade());
        sm.put("counted", s.counted());
        sm.put("absences", s.absences());
        sm.put("unknowns", s.unknowns());
        return sm;
    }

    // ---------------------------------------------------------------- bill

    PluginResponse bill(PluginRequest request, String sessionKey, String number) {
        Messages m = context.messages(request.locale());
        Optional<Session> session = scorecards.store().session(sessionKey);
        Optional<String> canonical = BillNumbers.canonical(number);
        if (session.isEmpty() || canonical.isEmpty()) {
            return notFound(m, m.get("scorecards.error.noBill", sessionKey + "/" + number));
        }
        Optional<Bill> found = scorecards.store().bills(session.get().id()).stream().filter(b -> b.has(canonical.get())).findFirst();
        if (found.isEmpty()) {
            return notFound(m, m.get("scorecards.error.noBill", BillNumbers.display(canonical.get())));
        }
        Bill b = found.get();
        RecordBook book = scorecards.store().book(session.get().id());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("baseUrl", BASE);
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("name", b.name());
        bm.put("officialTitle", nz(b.officialTitle()));
        bm.put("numbers", b.displayNumbers());
        bm.put("description", nz(b.description()));
        bm.put("side", b.side().name().toLowerCase(Locale.ROOT));
        bm.put("houseNumber", b.houseNumber() == null ? "" : BillNumbers.display(b.houseNumber()));
        bm.put("senateNumber", b.senateNumber() == null ? "" : BillNumbers.display(b.senateNumber()));
        bm.put("houseUrl", nz(b.houseUrl()));
        bm.put("senateUrl", nz(b.senateUrl()));
        bm.put("tags", b.tags());
        model.put("bill", bm);
        model.put("session", session.get().name());
        String cardSlug = scorecards.cards().stream().filter(c -> c.sessionId() == session.get().id()).map(Scorecard::slug).findFirst().orElse(null);
        model.put("indexUrl", BASE + (cardSlug == null ? "" : "?card=" + enc(cardSlug)));
        List<Map<String, Object>> chambers = new ArrayList<>();
        List<TargetInfo> sitting = scorecards.targets().sittingTargets().stream()
                .sorted(Comparator.comparing(Scorecards::sortName)).toList();
        for (String chamber : Rules.CHAMBERS) {
            Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
            for (String g : List.of("cosponsors", "supporters", "others", "opposed", "unknown")) {
                groups.put(g, new ArrayList<>());
            }
            for (TargetInfo t : sitting) {
                if (!chamber.equals(t.chamber())) {
                    continue;
                }
                String code = Scorecards.stanceCode(book, b.id(), t.externalId());
                String group = switch (code) {
                    case "sponsor", "cosponsor" -> "cosponsors";
                    case "supports" -> "supporters";
                    case "opposes" -> "opposed";
                    case "not-cosponsor" -> "others";
                    default -> "unknown";
                };
                groups.get(group).add(Map.of("name", t.name(), "url", BASE + "legislators/" + t.id() + (cardSlug == null ? "" : "?card=" + enc(cardSlug)),
                        "district", nz(t.divisionName()), "party", nz(t.party()), "sponsor", "sponsor".equals(code)));
            }
            Map<String, Object> cm = new LinkedHashMap<>(groups);
            cm.put("chamber", chamber);
            cm.put("number", nz(b.numberIn(chamber) == null ? null : BillNumbers.display(b.numberIn(chamber))));
            cm.put("cosponsorCount", groups.get("cosponsors").size());
            cm.put("total", groups.values().stream().mapToInt(List::size).sum());
            chambers.add(cm);
        }
        model.put("chambers", chambers);
        return page(200, b.name() + " (" + b.displayNumbers() + ")", "bill.ftlh", model);
    }

    // ---------------------------------------------------------------- helpers

    static String billUrl(Session session, Bill b) {
        return BASE + "bills/" + enc(session.key()) + "/" + enc(b.slug());
    }

    private String cardParam(Scorecard card) {
        Optional<Scorecard> def = scorecards.card(null);
        return def.isPresent() && def.get().slug().equals(card.slug()) ? "" : "?card=" + enc(card.slug());
    }

    private static Map<String, Object> cardModel(Scorecard card, Session session) {
        return Map.of("slug", card.slug(), "title", card.title(), "session", session.name());
    }

    static String percent(BigDecimal v, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(v.stripTrailingZeros().scale() > 0 ? 1 : 0);
        f.setMaximumFractionDigits(1);
        return f.format(v);
    }

    private static String choice(PluginRequest request, String name, List<String> allowed, List<Map<String, String>> errors, Messages m) {
        String v = request.param(name);
        if (v == null || v.isBlank()) {
            return "";
        }
        v = v.strip();
        if (!allowed.contains(v)) {
            errors.add(Map.of("field", name, "message", m.get("scorecards.error.choice", name, String.join(", ", allowed))));
            return "";
        }
        return v;
    }

    /** Lower case without accents, for searching names as people type them. */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
