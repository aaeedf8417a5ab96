package org.pana.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie (security.md #19): {@code __Host-} prefixed, Secure, HttpOnly, SameSite=Lax, path
 * {@code /}, no domain. Declared here rather than through {@code server.servlet.session.cookie.*} so
 * that it is the same in every environment, tests included.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    @Bean
    CookieSerializer cookieSerializer(@Value("${pana.session.cookie-name:__Host-PANA_SESSION}") String name) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        serializer.setCookiePath("/");
        serializer.setUseSecureCookie(true);
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        return serializer;
    }
}
