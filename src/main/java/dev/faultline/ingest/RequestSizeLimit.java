package dev.faultline.ingest;

import dev.faultline.error.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@code faultline.ingest.max-request-bytes} on JSON bodies under {@code /api}: by Content-Length when
 * sent, and by counting bytes for chunked bodies. File uploads have their own, larger limit.
 */
public class RequestSizeLimit {

    private final IngestConfig config;

    RequestSizeLimit(IngestConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (!request.getUriInfo().getPath().startsWith("/api/") || type == null || !type.contains("json")) {
            return;
        }
        long max = config.maxRequestBytes().asLongValue();
        if (request.getLength() > max) {
            throw ProblemException.tooLarge("The request body", max, "faultline.ingest.max-request-bytes");
        }
        request.setEntityStream(new Limited(request.getEntityStream(), max));
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
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw ProblemException.tooLarge("The request body", max, "faultline.ingest.max-request-bytes");
            }
        }
    }
}
