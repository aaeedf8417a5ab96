package org.pana.registration.review;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.StateConflict;
import org.pana.registration.PersonMerges;
import org.pana.registration.Registry;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A merged record redirects to the record it was merged into, for callers who may see it (anyone else gets
 * what they would have got: 404): {@code GET /api/v1/persons/{merged}} answers 308 Permanent Redirect with the
 * survivor's {@code Location}, and the page {@code /persons/{merged}} redirects to {@code /persons/{survivor}}
 * with the flash attribute {@value #MERGED_FROM} (the merged record's id) for the "this record was merged"
 * banner ({@code registration/duplicate-banner :: merged}). A merged record cannot be changed: {@code PATCH}
 * answers 409. Its history stays readable at {@code /api/v1/persons/{merged}/history}.
 */
@Configuration(proxyBeanMethods = false)
class MergedRecordRedirects implements WebMvcConfigurer, HandlerInterceptor {

    static final String MERGED_FROM = "mergedFrom";

    private final PersonMerges merges;
    private final Registry registry;

    MergedRecordRedirects(PersonMerges merges, Registry registry) {
        this.merges = merges;
        this.registry = registry;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/persons/*", "/persons/*");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        boolean get = HttpMethod.GET.matches(request.getMethod());
        boolean patch = HttpMethod.PATCH.matches(request.getMethod());
        if (!get && !patch) return true;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");
        Optional<UUID> id = idIn(path);
        Optional<PanaUser> caller = caller();
        if (id.isEmpty() || caller.isEmpty()) return true;
        Optional<UUID> survivor = merges.mergedInto(id.get());
        if (survivor.isEmpty() || !registry.isVisible(caller.get(), id.get())) return true;
        if (patch) {
            if (api) throw new StateConflict("record-merged", "This record was merged into another record; change that one.");
            return true;
        }
        String target = request.getContextPath() + (api ? "/api/v1/persons/" : "/persons/") + survivor.get();
        if (api) {
            response.setStatus(HttpStatus.PERMANENT_REDIRECT.value());
            response.setHeader(HttpHeaders.LOCATION, target);
            return false;
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(MERGED_FROM, id.get());
        RequestContextUtils.saveOutputFlashMap(target, request, response);
        response.sendRedirect(target);
        return false;
    }

    private static Optional<UUID> idIn(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.length() != 36) return Optional.empty();
        try {
            return Optional.of(UUID.fromString(last));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static Optional<PanaUser> caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof PanaUser user ? Optional.of(user) : Optional.empty();
    }
}
