package org.pana.platform.web;

import org.pana.platform.Problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies larger than the limit (1 MiB by default) with 413, whether the client
 * announces the length or streams the body in chunks. Uploads that need more (photos, documents) are
 * listed by path pattern in {@code pana.http.upload-paths} and get {@code pana.http.max-upload-body}
 * instead; the module that accepts them checks its own, tighter limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final long uploadMaxBytes;
    private final List<PathPattern> uploadPaths;

    RequestBodyLimitFilter(@Value("${pana.http.max-request-body:1MB}") DataSize max,
            @Value("${pana.http.upload-paths:}") List<String> uploadPaths,
            @Value("${pana.http.max-upload-body:6MB}") DataSize uploadMax) {
        this.defaultMaxBytes = max.toBytes();
        this.uploadMaxBytes = uploadMax.toBytes();
        this.uploadPaths = uploadPaths.stream().filter(p -> !p.isBlank()).map(p -> PathPatternParser.defaultInstance.parse(p.strip())).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                    "The request body is larger than " + maxBytes + " bytes.");
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private long limitFor(HttpServletRequest request) {
        if (uploadPaths.isEmpty()) return defaultMaxBytes;
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        for (PathPattern pattern : uploadPaths) {
            if (pattern.matches(path)) return uploadMaxBytes;
        }
        return defaultMaxBytes;
    }

    /** Thrown when a streamed body passes the limit; mapped to 413 by the error handling. */
    static class BodyTooLarge extends IOException {
        BodyTooLarge(long max) {
            super("Request body larger than " + max + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) count(1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) count(n);
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) throw new BodyTooLarge(max);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
