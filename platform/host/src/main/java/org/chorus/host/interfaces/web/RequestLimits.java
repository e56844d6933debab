package org.chorus.host.interfaces.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.chorus.host.application.Platform;

/**
 * Refuses bodies larger than {@code platform.max.form.bytes} (other forms under {@code /admin}:
 * {@code platform.admin.max.form.bytes}; staff uploads: {@code platform.max.upload.bytes}) with 413, whether or not they
 * announce their length.
 * The rest of an oversized body (up to {@value #DRAIN_LIMIT} bytes) is read and dropped first, so the client,
 * still sending, gets to read the answer instead of stalling on a full socket.
 */
@Provider
@PreMatching
public class RequestLimits implements ContainerRequestFilter {

    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    @Inject
    Platform platform;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        int max = isStaffUpload(request) ? platform.config().maxUploadBytes()
                : path.equals("admin") || path.startsWith("admin/") ? platform.config().adminMaxFormBytes()
                : platform.config().maxFormBytes();
        if (request.getLength() > max) {
            drain(request.getEntityStream());
            throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), max));
        }
    }

    /** Only staff uploads may be larger than a supporter's form; the admin filter still demands a session. */
    private static boolean isStaffUpload(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        String type = request.getHeaderString("Content-Type");
        return path.startsWith("admin/") && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                drain(in);
                throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
        }
    }

    static void drain(InputStream in) {
        byte[] buf = new byte[16384];
        long total = 0;
        try {
            int n;
            while (total < DRAIN_LIMIT && (n = in.read(buf)) > 0) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away: nothing left to answer
        }
    }
}
