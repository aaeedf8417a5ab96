package org.pana.registration.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of a CSV or XLSX file one at a time, never the whole file into memory. The first
 * non-blank row is the header; blank rows are skipped. A CSV is UTF-8 (a byte order mark is dropped;
 * any other encoding is refused rather than misread), its separator comma, semicolon or tab as the
 * header line says. An XLSX is read with POI's streaming (SAX) reader from its first sheet, behind
 * POI's zip-bomb guards; date cells become ISO dates ({@code 1990-01-31}).
 */
final class TableReader {

    /** How much a file may hold. */
    record Limits(int maxRows, int maxColumns, int maxCellLength) {}

    static {
        // Zip-bomb guards for every workbook read in this JVM: an entry may inflate at most 100 times its
        // compressed size, and no part to more than 100 MB.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(50L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(1000);
    }

    private TableReader() {}

    /** Reads the file; returns the header and gives each data row to {@code rows}. */
    static List<String> read(Path file, ImportFormat format, Limits limits, Consumer<TableRow> rows) {
        RowCounter counter = new RowCounter(limits, rows);
        try {
            switch (format) {
                case CSV -> readCsv(file, counter);
                case XLSX -> readXlsx(file, counter);
            }
        } catch (FileRefused | StopReading e) {
            if (e instanceof StopReading stop) throw stop.refusal;
            throw (FileRefused) e;
        } catch (CharacterCodingException e) {
            throw new FileRefused(FileRefused.Reason.NOT_UTF8, "The file is not UTF-8 text. Save it as CSV UTF-8 and upload again.");
        } catch (Exception e) {
            if (causedBy(e, CharacterCodingException.class)) {
                throw new FileRefused(FileRefused.Reason.NOT_UTF8, "The file is not UTF-8 text. Save it as CSV UTF-8 and upload again.");
            }
            if (causedBy(e, StopReading.class)) throw refusalIn(e);
            throw new FileRefused(FileRefused.Reason.UNREADABLE, "The file could not be read as " + format + ".");
        }
        if (counter.header == null) {
            throw new FileRefused(FileRefused.Reason.EMPTY, "The file has no header row.");
        }
        return counter.header;
    }

    // ---------------------------------------------------------------- CSV

    private static void readCsv(Path file, RowCounter counter) throws IOException {
        char separator = separatorOf(file);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        try (Reader reader = utf8Reader(Files.newInputStream(file)); CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            int recordNumber = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                recordNumber++;
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                counter.accept(recordNumber, cells);
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The separator the header line uses most, outside quotes: semicolon (Russian-locale Excel), tab or comma. */
    static char separatorOf(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(utf8Reader(Files.newInputStream(file)))) {
            int commas = 0;
            int semicolons = 0;
            int tabs = 0;
            boolean quoted = false;
            int c;
            int read = 0;
            while ((c = reader.read()) >= 0 && read++ < 1_000_000) {
                if (c == '"') quoted = !quoted;
                else if (!quoted && (c == '\n' || c == '\r')) {
                    if (commas + semicolons + tabs > 0) break;
                } else if (!quoted && c == ',') commas++;
                else if (!quoted && c == ';') semicolons++;
                else if (!quoted && c == '\t') tabs++;
            }
            if (semicolons > commas && semicolons >= tabs) return ';';
            if (tabs > commas && tabs > semicolons) return '\t';
            return ',';
        }
    }

    /** Strict UTF-8 (malformed bytes fail instead of becoming U+FFFD), without a leading byte order mark. */
    private static Reader utf8Reader(InputStream in) throws IOException {
        InputStream buffered = new java.io.BufferedInputStream(in);
        buffered.mark(3);
        byte[] bom = buffered.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(buffered, decoder);
    }

    // ---------------------------------------------------------------- XLSX

    private static void readXlsx(Path file, RowCounter counter) throws Exception {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) return;
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new SheetRows(counter), new IsoDates(), false));
                xml.parse(new InputSource(sheet));
            }
        }
    }

    /** Collects a sheet's cells row by row; missing cells between present ones become empty strings. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowCounter counter;
        private List<String> cells;
        private int rowNumber;

        SheetRows(RowCounter counter) {
            this.counter = counter;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            counter.accept(rowNumber, cells);
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= counter.limits.maxColumns()) {
                throw new StopReading(new FileRefused(FileRefused.Reason.TOO_MANY_COLUMNS,
                        "The file has more than " + counter.limits.maxColumns() + " columns."));
            }
            while (cells.size() < column) cells.add("");
            cells.add(formattedValue == null ? "" : formattedValue.strip());
        }
    }

    /** Formats date cells as ISO dates whatever the workbook's display format, so no locale decides the day order. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(java.util.Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
                return date.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    // ---------------------------------------------------------------- limits

    /** Takes the header, skips blank rows, enforces the limits and passes data rows on. */
    private static final class RowCounter {
        private final Limits limits;
        private final Consumer<TableRow> rows;
        private List<String> header;
        private int count;

        RowCounter(Limits limits, Consumer<TableRow> rows) {
            this.limits = limits;
            this.rows = rows;
        }

        void accept(int number, List<String> cells) {
            if (cells.size() > limits.maxColumns()) {
                throw new StopReading(new FileRefused(FileRefused.Reason.TOO_MANY_COLUMNS,
                        "The file has more than " + limits.maxColumns() + " columns."));
            }
            TableRow row = new TableRow(number, cells.stream().map(c -> c == null ? "" : c).toList());
            if (row.blank()) return;
            if (header == null) {
                header = row.cells();
                return;
            }
            if (++count > limits.maxRows()) {
                throw new StopReading(new FileRefused(FileRefused.Reason.TOO_MANY_ROWS,
                        "The file has more than " + limits.maxRows() + " rows."));
            }
            for (String cell : row.cells()) {
                if (cell.length() > limits.maxCellLength()) {
                    throw new StopReading(new FileRefused(FileRefused.Reason.UNREADABLE, "Row " + number + " has a cell longer than "
                            + limits.maxCellLength() + " characters."));
                }
            }
            rows.accept(row);
        }
    }

    /** Carries a refusal out of a parser's callback (SAX wraps what handlers throw). */
    private static final class StopReading extends RuntimeException {
        final FileRefused refusal;

        StopReading(FileRefused refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }

    private static FileRefused refusalIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof StopReading stop) return stop.refusal;
        throw new IllegalStateException(e);
    }
}
