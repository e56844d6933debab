package org.chorus.bench.barepage;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page from one Freemarker template, with a model of the campaign page's size and shape built per request
 * (the text is constant, as the platform's cached campaign is; the form's hidden values change per request, as
 * the platform's do). Nothing else: no database, no plugins, no theme chain, no message bundles.
 */
@Path("page")
public class BarePage {

    private static final Configuration FREEMARKER = configuration();

    private static final String BASE = "http://localhost:8080";
    private static final String SLUG = "safe-communities-act";
    private static final String TITLE = "Tell your state legislators where you stand";
    private static final String SUMMARY = "Email your state senator and state representative today and ask them to "
            + "co-sponsor the Safe Communities Act and the Immigrant Legal Defense Act. It takes less than 60 seconds.";
    private static final String DESCRIPTION = "Ask your state senator and representative to co-sponsor the Safe "
            + "Communities Act (H.2580 / S.1681) and the Immigrant Legal Defense Act (H.1954 / S.1127).";
    private static final List<String[]> LANGUAGES = List.of(new String[] {"en", "English"},
            new String[] {"es", "Español"}, new String[] {"pt-BR", "Português (Brasil)"},
            new String[] {"ht", "Kreyòl ayisyen"}, new String[] {"zh-CN", "简体中文"}, new String[] {"vi", "Tiếng Việt"});
    private static final String MESSAGE = """
            As your constituent in {{supporter.town}}, I am writing to ask you to co-sponsor two bills that matter to \
            me and to immigrant families across Massachusetts: the Safe Communities Act (H.2580 / S.1681) and the \
            Immigrant Legal Defense Act (H.1954 / S.1127).

            ICE arrests in our state have risen by 336 percent since January, and 78 percent of the people arrested \
            have no criminal record. The Safe Communities Act would ban 287(g) agreements, limit police involvement \
            with ICE and protect basic due-process rights. The Immigrant Legal Defense Act would help people facing \
            deportation get a lawyer.

            Local police should protect our communities, not do the federal government's civil immigration work. \
            Please add your name as a co-sponsor of both bills. Massachusetts has waited long enough.""";

    @GET
    @Produces("text/html; charset=UTF-8")
    public String page(@QueryParam("form") @DefaultValue("true") boolean form) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", "en");
        model.put("title", TITLE);
        model.put("summary", SUMMARY);
        model.put("description", DESCRIPTION);
        model.put("organization", "Safe Communities Coalition (Massachusetts)");
        model.put("url", BASE + "/campaigns/" + SLUG);
        List<Map<String, Object>> languages = new ArrayList<>();
        for (String[] l : LANGUAGES) {
            languages.add(Map.of("tag", l[0], "name", l[1], "current", "en".equals(l[0]),
                    "url", BASE + "/campaigns/" + SLUG + "?lang=" + l[0]));
        }
        model.put("languages", languages);
        model.put("bills", List.of(Map.of("name", "Safe Communities Act", "key", "H.2580 / S.1681"),
                Map.of("name", "Immigrant Legal Defense Act", "key", "H.1954 / S.1127")));
        model.put("form", form);
        model.put("action", Map.of(
                "key", "email-your-legislators",
                "title", "Email your state senator and state representative",
                "postUrl", "/campaigns/" + SLUG + "/actions/email-your-legislators",
                "hidden", List.of(
                        Map.of("name", "_idem", "value", UUID.randomUUID().toString()),
                        Map.of("name", "_src", "value", ""),
                        Map.of("name", "_landed", "value", String.valueOf(Instant.now().toEpochMilli())),
                        Map.of("name", "_lang", "value", "en")),
                "subject", "Please co-sponsor the Safe Communities Act and the Immigrant Legal Defense Act",
                "message", MESSAGE));
        model.put("sections", sections());
        model.put("share", Map.of(
                "email", "mailto:?subject=" + TITLE.replace(" ", "%20") + "&body=" + BASE + "/campaigns/" + SLUG + "?src=share-email",
                "whatsapp", "https://wa.me/?text=" + TITLE.replace(" ", "%20") + "%20" + BASE + "/campaigns/" + SLUG + "?src=share-whatsapp",
                "facebook", "https://www.facebook.com/sharer/sharer.php?u=" + BASE + "/campaigns/" + SLUG + "?src=share-facebook",
                "x", "https://x.com/intent/post?text=" + TITLE.replace(" ", "%20") + "&url=" + BASE + "/campaigns/" + SLUG + "?src=share-x",
                "link", BASE + "/campaigns/" + SLUG + "?src=share-link"));
        try {
            Template t = FREEMARKER.getTemplate("page.ftlh");
            StringWriter out = new StringWriter(16384);
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The campaign text: headings, paragraphs (with characters to escape) and a list. */
    private static List<Map<String, Object>> sections() {
        return List.of(
                Map.of("heading", "Families need action, not concern", "paragraphs", List.of(
                        "Since January, ICE arrests in Massachusetts have gone up by 336 percent, and 78 percent of the "
                                + "people arrested here have no criminal record. The federal government says it wants to "
                                + "deport one million people a year, about 3,000 every day.",
                        "Across the country, 287(g) agreements turn local police and sheriffs into civil immigration "
                                + "agents, paid for by state taxpayers. They grew from 135 in January to 958 in 40 states. "
                                + "Twelve are in New Hampshire, where many Massachusetts immigrants commute to work. ICE is "
                                + "reportedly looking for formal & informal deals with Massachusetts police chiefs, and there "
                                + "is evidence that some already help with civil immigration arrests. The state Department "
                                + "of Correction still holds Massachusetts's last 287(g) agreement."),
                        "items", List.of()),
                Map.of("heading", "What the bills do", "paragraphs", List.of(
                        "California, Connecticut, Illinois, New Jersey, Oregon, Washington and, most recently, Delaware "
                                + "have already banned 287(g) agreements.",
                        "Both bills are before the Joint Committee on Public Safety & Homeland Security; co-sponsors "
                                + "tell the committee chairs that the bills have support."),
                        "items", List.of(
                                "The Safe Communities Act (H.2580 / S.1681) bans 287(g) agreements, limits how police work "
                                        + "with ICE, and protects basic due-process rights for immigrants in detention.",
                                "The Immigrant Legal Defense Act (H.1954 / S.1127) creates a fund so people facing "
                                        + "deportation can have a lawyer in immigration court.")),
                Map.of("heading", "Why now", "paragraphs", List.of(
                        "The Safe Communities Act has been before the Legislature for eight years. Since 2020 the public "
                                + "safety committee has reported it favorably every session, and still it has not moved. "
                                + "Some say a ban is unnecessary because no new agreements have been signed. But preventing "
                                + "them is far easier and cheaper than undoing a contract after police have been pulled away "
                                + "from their real work and community trust is broken. Limited police resources should "
                                + "protect our communities from crime; civil immigration enforcement is not the job of local police.",
                        "In Boston, 62 percent of voters view the Boston Trust Act, a local version of the Safe Communities "
                                + "Act, \"strongly\" favorably. Massachusetts has waited long enough."),
                        "items", List.of()));
    }

    private static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(BarePage.class, "");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping on
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setLocalizedLookup(false);
        cfg.setNumberFormat("computer");
        cfg.setTemplateUpdateDelayMilliseconds(5000);
        return cfg;
    }
}
