package org.chorus.host.application.targets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.chorus.host.infrastructure.persistence.JdbcDocumentStore;

/**
 * Seeds districts and legislators from the reference data folder at start, but only when those files changed
 * since the last seeding (a fingerprint of names, sizes and modification times is kept in the database), so a
 * restart costs nothing and an updated data set is picked up without anyone running an import by hand.
 */
public final class ReferenceDataSeeder {

    private static final Logger LOG = Logger.getLogger(ReferenceDataSeeder.class.getName());
    private static final String OWNER = "host";
    private static final String COLLECTION = "reference-data";
    private static final String KEY = "massachusetts";

    private final JdbcDocumentStore documents;

    public ReferenceDataSeeder(DataSource dataSource, Clock clock) {
        this.documents = new JdbcDocumentStore(dataSource, clock, OWNER);
    }

    /** @return what was imported, or empty when the data is missing or unchanged */
    public Optional<MassachusettsData.Seeded> seedIfChanged(MassachusettsData data, DivisionImport divisions,
                                                             TargetImport targets) {
        if (!Files.exists(data.crosswalk()) || !Files.exists(data.legislators())) {
            LOG.info(() -> "No Massachusetts reference data at " + data.crosswalk().getParent().getParent()
                    + ": districts and legislators not seeded (set platform.reference.data.dir)");
            return Optional.empty();
        }
        String fingerprint = fingerprint(data);
        if (fingerprint.equals(stored().orElse(null))) {
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        try {
            MassachusettsData.Seeded seeded = data.importInto(divisions, targets, ImportListener.none());
            store(fingerprint);
            LOG.info(() -> String.format("Reference data seeded in %d ms: Senate %s; House %s; legislators %s",
                    (System.nanoTime() - t0) / 1_000_000, seeded.senate(), seeded.house(), seeded.legislators()));
            return Optional.of(seeded);
        } catch (ImportException e) {
            LOG.log(Level.SEVERE, "Seeding districts and legislators failed: " + e.getMessage(), e);
            return Optional.empty();
        }
    }

    static String fingerprint(MassachusettsData data) {
        StringBuilder b = new StringBuilder();
        for (Path p : new Path[] {data.crosswalk(), data.senateBoundaries(), data.houseBoundaries(), data.legislators()}) {
            try (Stream<Path> files = Files.isDirectory(p) ? Files.list(p) : Stream.of(p)) {
                for (Path f : files.sorted().toList()) {
                    b.append(f.getFileName()).append(':').append(Files.size(f)).append(':')
                            .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                }
            } catch (IOException e) {
                b.append(p).append(":missing\n");
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> stored() {
        return documents.get(COLLECTION, KEY);
    }

    private void store(String fingerprint) {
        documents.put(COLLECTION, KEY, fingerprint);
    }
}
