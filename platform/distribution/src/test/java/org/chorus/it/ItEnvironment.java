package org.chorus.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.chorus.testplugins.TestPluginJars;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The folders the platform under test reads (see arquillian.xml): the shipped layout's themes, campaigns and
 * plugins, plus what the tests add: plugin jars built now from the host's test plugins (a working one, one that
 * throws, one that cannot start, one for a future API), a theme that overrides one template, and campaigns that
 * use them, and petitions (one open, one closed, one on a won campaign).
 */
public final class ItEnvironment {

    public static final Path DIST = Path.of(System.getProperty("chorus.dist.dir", "target/chorus"));
    public static final Path DIR = Path.of(System.getProperty("chorus.it.dir", "target/it"));
    private static boolean prepared;

    private ItEnvironment() {
    }

    /** The real host WAR, deployed at the root context. */
    public static WebArchive platformWar() {
        prepare();
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, DIST.resolve("chorus.war").toFile());
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(war);
    }

    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        try {
            deleteTree(DIR);
            copyTree(DIST.resolve("themes"), DIR.resolve("themes"));
            copyTree(DIST.resolve("config/campaigns"), DIR.resolve("campaigns"));
            copyTree(DIST.resolve("plugins"), DIR.resolve("plugins"));
            Path plugins = DIR.resolve("plugins");
            TestPluginJars.greeting(plugins);
            TestPluginJars.flaky(plugins);
            TestPluginJars.broken(plugins);
            TestPluginJars.incompatible(plugins);

            write("themes/it-override/theme.properties", "parent=default\n");
            write("themes/it-override/campaign-hero.ftlh",
                    "<section class=\"hero it-override-hero\"><div class=\"wrap\"><h1>${campaign.title}</h1>"
                            + "<p>Overridden by one file</p></div></section>\n");
            write("campaigns/it-plugins.yaml", """
                    slug: it-plugins
                    title: Plugins under test
                    theme: it-override
                    status: published
                    organization: Test Coalition
                    actions:
                      - { id: greet, type: greeting, title: Greet the office, settings: { recipient: office@example.org } }
                      - { id: flaky, type: flaky, title: A broken action }
                      - { id: ghost, type: not-installed, title: An action whose plugin is missing }
                    """);
            write("campaigns/it-scorecard.yaml", """
                    slug: it-scorecard
                    title: Where your legislators stand
                    theme: default
                    status: published
                    organization: Test Coalition
                    actions:
                      - id: scorecard
                        type: scorecard
                        title: Your legislators on the Safe Communities Act
                        settings:
                          bills:
                            - { key: H2580 / S1681, name: Safe Communities Act }
                            - { key: H1954 / S1127, name: Immigrant Legal Defense Act }
                    """);
            write("campaigns/it-petition.yaml", """
                    slug: it-petition
                    title: Stand with the families of Testville
                    theme: default
                    status: published
                    organization: Test Coalition
                    actions:
                      - id: sign
                        type: petition
                        title: Sign the petition
                        settings:
                          text: "We call on the **Legislature** to protect the families of Testville."
                          targets:
                            - { name: Governor Testa, email: governor@example.org }
                          directory_chambers: [upper]
                          autoresponse_subject: "Thank you for signing, {{supporter.first_name}}"
                          autoresponse_body: "Dear {{supporter.first_name}}, thank you for signing {{campaign.title}}."
                          consents:
                            - { key: partner-test, label: "The Test Partners may email me" }
                      - id: old
                        type: petition
                        title: An old petition
                        settings: { text: "This one is over.", closed: true }
                    """);
            write("campaigns/it-petition-won.yaml", """
                    slug: it-petition-won
                    title: A petition we won
                    theme: default
                    status: victory
                    actions:
                      - { id: sign, type: petition, title: Sign, settings: { text: "Done." } }
                    """);
            write("campaigns/it-draft.yaml", """
                    slug: it-draft
                    title: Not yet public
                    theme: default
                    status: draft
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        prepared = true;
    }

    private static void write(String path, String content) throws IOException {
        Path p = DIR.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
