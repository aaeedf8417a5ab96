package org.pana.platform.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Pages speak English, Russian or Kazakh; the choice ({@code ?lang=ru}) is kept in a cookie. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static final java.util.List<Locale> SUPPORTED = java.util.List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"), Locale.forLanguageTag("kk"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("PANA_LANG");
        resolver.setDefaultLocale(Locale.ENGLISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                SUPPORTED.stream().filter(l -> l.getLanguage().equals(lang)).findFirst()
                        .ifPresent(locale -> localeResolver().setLocale(request, response, locale));
                return true;
            }
        });
    }
}
