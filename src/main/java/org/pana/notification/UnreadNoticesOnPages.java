package org.pana.notification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pana.access.PanaUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every page a signed-in user sees carries their unread notice count (the layout links it to
 * {@code /notifications}), so a referral sent to a unit is seen on whatever page its officers are on. Only
 * rendered pages pay for the count: JSON answers and redirects have no view to show it.
 */
@Configuration(proxyBeanMethods = false)
class UnreadNoticesOnPages implements WebMvcConfigurer, HandlerInterceptor {

    static final String ATTRIBUTE = "unreadNotices";

    private static final Logger log = LoggerFactory.getLogger(UnreadNoticesOnPages.class);

    private final Notifications notifications;

    UnreadNoticesOnPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) return;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof PanaUser user)) return;
        try {
            page.addObject(ATTRIBUTE, notifications.unreadCount(user));
        } catch (RuntimeException e) {
            log.warn("Unread notices could not be counted for the page", e); // the page still shows, without the count
        }
    }
}
