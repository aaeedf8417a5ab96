package org.pana.calendar;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import org.pana.platform.CallerIdentity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The calendar page: a year's days off in a jurisdiction, and a form that adds working days to a date.
 * The form works as a plain GET without JavaScript (the whole page comes back with the result); with
 * htmx ({@code HX-Request}) only its fragment comes back.
 */
@Controller
class CalendarController {

    static final String PAGE = "calendar/holidays";
    static final String FORM_FRAGMENT = PAGE + " :: addWorkingDays";

    private final WorkingCalendar calendar;
    private final String defaultJurisdiction;

    CalendarController(WorkingCalendar calendar, @Value("${pana.jurisdiction.default:KAZ}") String defaultJurisdiction) {
        this.calendar = calendar;
        this.defaultJurisdiction = defaultJurisdiction;
    }

    /** The signed-in caller's jurisdiction, or the installation's default one. */
    @GetMapping("/calendar")
    String ownCalendar(@RequestParam(required = false) Integer year, Principal principal, Locale locale, Model model,
            HttpServletResponse response) {
        return show(jurisdictionOf(principal), year, locale, model, response);
    }

    @GetMapping("/calendar/{jurisdiction}")
    String show(@PathVariable String jurisdiction, @RequestParam(required = false) Integer year, Locale locale,
            Model model, HttpServletResponse response) {
        String code = calendar.jurisdiction(jurisdiction).code();
        int shown = year != null ? year : calendar.today(code).getYear();
        model.addAttribute("form", AddWorkingDaysForm.empty(shown));
        model.addAttribute("errors", Map.of());
        showYear(code, shown, locale, model, response);
        return PAGE;
    }

    @GetMapping("/calendar/{jurisdiction}/add-working-days")
    String addWorkingDays(@PathVariable String jurisdiction, AddWorkingDaysForm form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
            HttpServletResponse response) {
        String code = calendar.jurisdiction(jurisdiction).code();
        int shown = form.tableYear() != null ? form.tableYear() : calendar.today(code).getYear();
        Map<String, String> problems = form.problems();
        model.addAttribute("form", form);
        model.addAttribute("errors", problems);
        model.addAttribute("jurisdiction", code);
        model.addAttribute("year", shown);
        if (problems.isEmpty()) {
            try {
                LocalDate date = calendar.addWorkingDays(code, form.fromDate(), form.dayCount());
                model.addAttribute("result", new Result(fullDate(form.fromDate(), locale), form.dayCount(),
                        fullDate(date, locale), date.toString()));
            } catch (HolidayDataMissing e) {
                SortedSet<Integer> years = calendar.years(code);
                model.addAttribute("beyondData", new RecordedYears(years.first(), years.last()));
            }
        }
        if ("true".equals(htmx)) {
            return FORM_FRAGMENT;
        }
        showYear(code, shown, locale, model, response);
        return PAGE;
    }

    private void showYear(String code, int year, Locale locale, Model model, HttpServletResponse response) {
        SortedSet<Integer> years = calendar.years(code);
        model.addAttribute("jurisdiction", code);
        model.addAttribute("jurisdictionName", calendar.nameOf(code).in(locale));
        model.addAttribute("year", year);
        model.addAttribute("years", years);
        model.addAttribute("previousYear", years.headSet(year).isEmpty() ? null : years.headSet(year).last());
        model.addAttribute("nextYear", years.tailSet(year + 1).isEmpty() ? null : years.tailSet(year + 1).first());
        if (years.contains(year)) {
            model.addAttribute("daysOff", rows(calendar.daysOff(code, year), locale));
        } else {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("daysOff", List.of());
            model.addAttribute("noData", true);
        }
    }

    private String jurisdictionOf(Principal principal) {
        if (principal instanceof Authentication authentication
                && authentication.getPrincipal() instanceof CallerIdentity caller && caller.jurisdiction() != null) {
            return caller.jurisdiction();
        }
        return defaultJurisdiction;
    }

    private static List<DayOffRow> rows(List<DayOff> daysOff, Locale locale) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        DateTimeFormatter weekday = DateTimeFormatter.ofPattern("cccc", locale);
        return daysOff.stream()
                .map(day -> new DayOffRow(day.date().toString(), date.format(day.date()), weekday.format(day.date()),
                        day.name().in(locale), day.kind().name(),
                        day.movedFrom() == null ? null : date.format(day.movedFrom())))
                .toList();
    }

    private static String fullDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
    }

    /** One line of the days-off table, formatted in the page's language. */
    record DayOffRow(String iso, String date, String weekday, String name, String kind, String movedFrom) {}

    /** The form's answer, formatted in the page's language; {@code iso} is the date for machines. */
    record Result(String from, int days, String date, String iso) {}

    record RecordedYears(int first, int last) {}
}
