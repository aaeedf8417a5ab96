package org.pana.platform.web;

import org.pana.platform.Problems;
import org.pana.platform.RequestBodyAllowance;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the limit (1 MiB by default) with 413, whether the client
 * announces the length or streams the body in chunks. Uploads that need more (photos, documents) get
 * their own, explicitly configured limit in the module that accepts them: a {@link RequestBodyAllowance}
 * bean for the exact method and path of the upload.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final List<RequestBodyAllowance> allowances;

    RequestBodyLimitFilter(@Value("${pana.http.max-request-body:1MB}") DataSize max, ObjectProvider<RequestBodyAllowance> allowances) {
        this.defaultMaxBytes = max.toBytes();
        this.allowances = allowances.orderedStream().toList();
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (RequestBodyAllowance allowance : allowances) {
            if (allowance.appliesTo(request.getMethod(), path)) return allowance.max().toBytes();
        }
        return defaultMaxBytes;
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
