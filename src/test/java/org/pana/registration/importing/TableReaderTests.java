package org.pana.registration.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class TableReaderTests {

    static final TableReader.Limits LIMITS = new TableReader.Limits(1000, 50, 1000);

    record Read(ReceivedFile file, List<String> header, List<TableRow> rows) {}

    static Read read(byte[] bytes, String name, TableReader.Limits limits) {
        try (ReceivedFile file = FileReception.receive(new ByteArrayInputStream(bytes), name, 1_000_000)) {
            List<TableRow> rows = new ArrayList<>();
            List<String> header = TableReader.read(file.path(), file.format(), limits, rows::add);
            return new Read(file, header, rows);
        }
    }

    @Test
    void readsACommaSeparatedCsvWithQuotedFields() {
        Read read = read(ImportFiles.csv("Family name,Given name,Note\n\"Karimi, Jr\",Mohammad,\"said \"\"hello\"\"\"\n\nAhmadi,Zahra,\n"),
                "people.csv", LIMITS);
        assertThat(read.file().format()).isEqualTo(ImportFormat.CSV);
        assertThat(read.header()).containsExactly("Family name", "Given name", "Note");
        assertThat(read.rows()).hasSize(2);
        assertThat(read.rows().get(0).cells()).containsExactly("Karimi, Jr", "Mohammad", "said \"hello\"");
        assertThat(read.rows().get(0).number()).isEqualTo(2);
        assertThat(read.rows().get(1).cell(1)).isEqualTo("Zahra");
    }

    @Test
    void readsASemicolonSeparatedCsvWithAByteOrderMark() {
        Read read = read(ImportFiles.csvWithBom("Фамилия;Имя;Дата рождения\nКарими;Мухаммад;01.02.1990\nАхмади;\"Захра; младшая\";1985\n"),
                "люди.csv", LIMITS);
        assertThat(read.header()).containsExactly("Фамилия", "Имя", "Дата рождения");
        assertThat(read.header().get(0)).doesNotStartWith("\uFEFF");
        assertThat(read.rows()).extracting(TableRow::cells)
                .containsExactly(List.of("Карими", "Мухаммад", "01.02.1990"), List.of("Ахмади", "Захра; младшая", "1985"));
    }

    @Test
    void refusesACsvThatIsNotUtf8() {
        byte[] windows1251 = "Фамилия;Имя\nКарими;Мухаммад\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        assertThatThrownBy(() -> read(windows1251, "people.csv", LIMITS)).isInstanceOf(FileRefused.class)
                .extracting(e -> ((FileRefused) e).reason()).isEqualTo(FileRefused.Reason.NOT_UTF8);
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWithDateCellsAsIsoDates() throws IOException {
        byte[] xlsx = ImportFiles.xlsx(List.of(List.of("Surname", "Given name", "Date of birth", "Phone"),
                List.of("Karimi", "Mohammad", LocalDate.of(1990, 2, 1), 77011234567L),
                List.of(),
                java.util.Arrays.asList("Ahmadi", null, "1985", "")));
        Read read = read(xlsx, "people.xlsx", LIMITS);
        assertThat(read.file().format()).isEqualTo(ImportFormat.XLSX);
        assertThat(read.header()).containsExactly("Surname", "Given name", "Date of birth", "Phone");
        assertThat(read.rows()).hasSize(2);
        assertThat(read.rows().get(0).cells()).containsExactly("Karimi", "Mohammad", "1990-02-01", "77011234567");
        assertThat(read.rows().get(1).number()).isEqualTo(4);
        assertThat(read.rows().get(1).cell(0)).isEqualTo("Ahmadi");
        assertThat(read.rows().get(1).cell(1)).isEmpty();
        assertThat(read.rows().get(1).cell(2)).isEqualTo("1985");
    }

    @Test
    void refusesALegacyExcelFileByItsBytesWhateverItsName() {
        assertThatThrownBy(() -> read(ImportFiles.xls(), "people.xlsx", LIMITS)).isInstanceOf(FileRefused.class)
                .extracting(e -> ((FileRefused) e).reason()).isEqualTo(FileRefused.Reason.UNSUPPORTED_FORMAT);
    }

    @Test
    void refusesAZipThatIsNotAWorkbookAndBinaryFiles() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("people.csv"));
            out.write("a,b\n1,2\n".getBytes());
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        for (byte[] bytes : List.of(zip.toByteArray(), png, "%PDF-1.7\n\0\0".getBytes())) {
            assertThatThrownBy(() -> read(bytes, "people.csv", LIMITS)).isInstanceOf(FileRefused.class)
                    .extracting(e -> ((FileRefused) e).reason()).isEqualTo(FileRefused.Reason.UNSUPPORTED_FORMAT);
        }
    }

    @Test
    void refusesAFileOverTheSizeLimitWithoutKeepingIt() {
        byte[] big = ImportFiles.csv("a,b\n" + "x,y\n".repeat(1000));
        assertThatThrownBy(() -> FileReception.receive(new ByteArrayInputStream(big), "big.csv", 1000)).isInstanceOf(FileRefused.class)
                .extracting(e -> ((FileRefused) e).reason()).isEqualTo(FileRefused.Reason.TOO_LARGE);
    }

    @Test
    void refusesMoreRowsThanTheLimitInCsvAndXlsx() throws IOException {
        TableReader.Limits three = new TableReader.Limits(3, 50, 1000);
        assertThatThrownBy(() -> read(ImportFiles.csv("a\n1\n2\n3\n4\n"), "rows.csv", three))
                .extracting(e -> ((FileRefused) e).reason()).isEqualTo(FileRefused.Reason.TOO_MANY_ROWS);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) rows.add(List.of("v" + i));
        byte[] xlsx = ImportFiles.xlsx(rows);
        assertThatThrownBy(() -> read(xlsx, "rows.xlsx", three))
                .extracting(e -> ((FileRefused) e).reason()).isEqualTo(FileRefused.Reason.TOO_MANY_ROWS);
        assertThat(read(ImportFiles.csv("a\n1\n2\n3\n"), "rows.csv", three).rows()).hasSize(3);
    }

    @Test
    void refusesAZipBombWorkbook() throws IOException {
        // A workbook whose sheet inflates a thousand times: POI's inflate-ratio guard stops it.
        byte[] normal = ImportFiles.xlsx(List.of(List.of("a"), List.of("b")));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(normal)); ZipOutputStream out = new ZipOutputStream(bomb)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    content = xml.replace("</worksheet>", "<!--" + " ".repeat(5_000_000) + "--></worksheet>").getBytes();
                }
                out.write(content);
            }
        }
        assertThatThrownBy(() -> read(bomb.toByteArray(), "bomb.xlsx", LIMITS)).isInstanceOf(FileRefused.class)
                .extracting(e -> ((FileRefused) e).reason()).isEqualTo(FileRefused.Reason.UNREADABLE);
    }

    @Test
    void refusesAFileWithAHeaderButNoRowsAndAnEmptyFile() {
        assertThatThrownBy(() -> FileReception.receive(new ByteArrayInputStream(new byte[0]), "e.csv", 100))
                .extracting(e -> ((FileRefused) e).reason()).isEqualTo(FileRefused.Reason.EMPTY);
        assertThatThrownBy(() -> read(ImportFiles.csv("\n\n"), "e.csv", LIMITS))
                .extracting(e -> ((FileRefused) e).reason()).isEqualTo(FileRefused.Reason.EMPTY);
    }

    @Test
    void keepsOnlyTheLastPartOfAClientFileNameWithoutControlCharacters() {
        assertThat(FileReception.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileReception.safeName("C:\\Users\\x\\list\u202E.csv")).isEqualTo("list.csv");
        assertThat(FileReception.safeName("..")).isEqualTo("upload");
    }
}
