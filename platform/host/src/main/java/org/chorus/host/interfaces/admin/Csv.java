package org.chorus.host.interfaces.admin;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** A CSV download: streamed as it is produced, saved under {@code filename}, never cached. */
final class Csv {

    private Csv() {
    }

    static Response download(StreamingOutput body, String filename) {
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
