package org.pana.registration.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import pages: the jurisdiction's imports with an upload form; one import with its mapping form, the
 * dry-run report and the run's progress bar (polled with htmx while the run goes on).
 */
@Controller
@RequestMapping("/imports")
@PreAuthorize("hasRole('REGISTRATION_OFFICER')")
class ImportController {

    static final int MAX_NAME_SETS = 3;
    private static final int REPORT_PAGE = 50;

    private final Importer importer;

    ImportController(Importer importer) {
        this.importer = importer;
    }

    @GetMapping
    String imports(@AuthenticationPrincipal PanaUser officer, Model model) {
        model.addAttribute("imports", importer.imports(officer));
        return "registration/imports";
    }

    @PostMapping
    String upload(@AuthenticationPrincipal PanaUser officer, @RequestParam(value = "file", required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(officer, model, "import.refused.file-empty");
        }
        try (InputStream content = file.getInputStream()) {
            Importer.Upload upload = importer.upload(officer, content, file.getOriginalFilename());
            if (!upload.created()) redirect.addFlashAttribute("reused", true);
            return "redirect:/imports/" + upload.view().id();
        } catch (FileRefused e) {
            return refused(officer, model, "import.refused." + e.reason().slug());
        }
    }

    private String refused(PanaUser officer, Model model, String messageKey) {
        model.addAttribute("imports", importer.imports(officer));
        model.addAttribute("uploadError", messageKey);
        return "registration/imports";
    }

    @GetMapping("/{id}")
    String importFile(@AuthenticationPrincipal PanaUser officer, @PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            Model model) {
        fill(officer, id, page, model, null);
        return "registration/import";
    }

    @GetMapping("/{id}/progress")
    String progress(@AuthenticationPrincipal PanaUser officer, @PathVariable UUID id, Model model) {
        model.addAttribute("importId", id);
        model.addAttribute("status", importer.status(officer, id));
        model.addAttribute("progress", importer.progress(officer, id));
        return "registration/import :: progress";
    }

    @PostMapping("/{id}/mapping")
    String map(@AuthenticationPrincipal PanaUser officer, @PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        try {
            importer.map(officer, id, mappingFrom(form));
            redirect.addFlashAttribute("saved", "import.mapping.saved");
            return "redirect:/imports/" + id;
        } catch (RuleViolation | StateConflict e) {
            List<String> errors = new ArrayList<>();
            if (e instanceof RuleViolation rule && !rule.errors().isEmpty()) rule.errors().forEach(f -> errors.add(f.message()));
            else errors.add(e.getMessage());
            fill(officer, id, 0, model, errors);
            return "registration/import";
        }
    }

    @PostMapping("/{id}/dry-run")
    String dryRun(@AuthenticationPrincipal PanaUser officer, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            importer.check(officer, id);
        } catch (StateConflict e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/imports/" + id + "#report";
    }

    @PostMapping("/{id}/run")
    String run(@AuthenticationPrincipal PanaUser officer, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            importer.run(officer, id);
        } catch (StateConflict e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/imports/" + id;
    }

    private void fill(PanaUser officer, UUID id, int page, Model model, List<String> mappingErrors) {
        ImportView view = importer.view(officer, id);
        Importer.ProblemPage problems = importer.problems(officer, id, null, page, REPORT_PAGE);
        ImportMapping shown = view.mapping() != null ? view.mapping() : view.suggestedMapping();
        List<ColumnRow> columns = new ArrayList<>();
        for (int c = 0; c < view.columns().size(); c++) {
            final int column = c;
            ImportMapping.Column mapped = shown.columns().stream().filter(m -> m.column() == column).findFirst().orElse(null);
            columns.add(new ColumnRow(c, view.columns().get(c), mapped == null ? "" : mapped.field().name(),
                    mapped == null || mapped.nameSet() == null ? 0 : mapped.nameSet(),
                    mapped == null || mapped.dateFormat() == null ? "" : mapped.dateFormat().name()));
        }
        List<ImportMapping.NameSet> sets = new ArrayList<>(shown.nameSets());
        while (sets.size() < MAX_NAME_SETS) sets.add(new ImportMapping.NameSet("", "DOCUMENT"));
        model.addAttribute("importFile", view);
        model.addAttribute("columns", columns);
        model.addAttribute("nameSets", sets);
        model.addAttribute("fields", PersonField.values());
        model.addAttribute("dateFormats", DateFormat.values());
        model.addAttribute("kinds", List.of("DOCUMENT", "DECLARED", "ALIAS"));
        model.addAttribute("suggested", view.mapping() == null);
        model.addAttribute("mappingErrors", mappingErrors == null ? List.of() : mappingErrors);
        model.addAttribute("problems", problems);
        model.addAttribute("pages", (int) Math.ceil(problems.total() / (double) REPORT_PAGE));
        model.addAttribute("importId", id);
        model.addAttribute("status", view.status());
        model.addAttribute("progress", view.progress());
    }

    /** One row of the mapping form: a column of the file and what it is mapped to. */
    record ColumnRow(int index, String header, String field, int nameSet, String dateFormat) {}

    /**
     * Reads the mapping form: {@code field-N}, {@code set-N} and {@code format-N} for column N, and
     * {@code script-S}, {@code kind-S} for name set S. Name sets no column uses are dropped.
     */
    static ImportMapping mappingFrom(Map<String, String> form) {
        List<ImportMapping.Column> columns = new ArrayList<>();
        Map<Integer, Integer> setIndex = new LinkedHashMap<>();
        List<ImportMapping.NameSet> sets = new ArrayList<>();
        for (int c = 0; c < 1000 && form.containsKey("field-" + c); c++) {
            String field = form.get("field-" + c);
            if (field == null || field.isBlank()) continue;
            PersonField personField;
            try {
                personField = PersonField.valueOf(field);
            } catch (IllegalArgumentException e) {
                throw RuleViolation.onField("field-" + c, "Unknown person field.");
            }
            Integer set = null;
            if (personField.isName()) {
                int formSet = parse(form.get("set-" + c));
                set = setIndex.computeIfAbsent(formSet, s -> {
                    sets.add(new ImportMapping.NameSet(blankToNull(form.get("script-" + s)), blankToNull(form.get("kind-" + s))));
                    return sets.size() - 1;
                });
            }
            DateFormat format = null;
            if (personField.isDate()) {
                String value = form.get("format-" + c);
                try {
                    format = value == null || value.isBlank() ? null : DateFormat.valueOf(value);
                } catch (IllegalArgumentException e) {
                    throw RuleViolation.onField("format-" + c, "Unknown date format.");
                }
            }
            columns.add(new ImportMapping.Column(c, personField, set, format));
        }
        return new ImportMapping(columns, sets);
    }

    private static int parse(String value) {
        try {
            int set = Integer.parseInt(value == null ? "0" : value.strip());
            return set >= 0 && set < MAX_NAME_SETS ? set : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
