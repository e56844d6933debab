package org.chorus.host.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip files for tests. */
public final class Zips {

    private Zips() {
    }

    /** Zips files under a folder name inside the archive (e.g. {@code people-main/data/ma/legislature/}). */
    public static Path zip(Path zip, String folderInZip, List<Path> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path f : files) {
                z.putNextEntry(new ZipEntry(folderInZip + f.getFileName()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return zip;
    }

    /** A zip with one entry of the given name and content (e.g. a path escaping the archive). */
    public static Path single(Path zip, String entry, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
        return zip;
    }
}
