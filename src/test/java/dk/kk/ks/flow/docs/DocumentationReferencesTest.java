package dk.kk.ks.flow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every file, folder and README section that the code, the configuration and the Markdown name exists inside the
 * repository, so a newcomer who follows a reference finds it. Paths are tried from the repository's root, from the
 * referring file's folder, and from the application's source roots (where docs write {@code platform/Groups.java}).
 */
class DocumentationReferencesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<Path> BASES = List.of(ROOT, ROOT.resolve("src/main/java/dk/kk/ks/flow"),
            ROOT.resolve("src/test/java/dk/kk/ks/flow"), ROOT.resolve("src/main/resources"), ROOT.resolve("src/test/resources"),
            ROOT.resolve("src/main/resources/META-INF/resources/webjars/camunda"),
            ROOT.resolve("src/main/resources/META-INF/resources/webjars/camunda/app/tasklist"));
    private static final Set<String> SCANNED = Set.of("java", "md", "yml", "yaml", "bpmn", "dmn", "form", "json", "sql", "properties", "txt");
    private static final Set<String> FILE_ENDINGS = Set.of("md", "java", "bpmn", "dmn", "form", "yml", "yaml", "json", "sql", "png", "svg",
            "txt", "html", "css", "js", "xml", "properties");

    /** A path-like token: folders separated by slashes, ending in a file ending or a slash. */
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w/.{<*$:@|~#+-])((?:\\.{1,2}/)?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*(?:\\.(?:" + String.join("|", FILE_ENDINGS) + ")|/))(?![\\w/{<*])");
    /** A Markdown link to a relative target: [text](target). */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(?:#[^)]*)?\\)");
    /**
     * A named section of the README or of a file in docs/: README "Section", README section "Section",
     * (README, "Section"), docs/operations.md, "Section".
     */
    private static final Pattern SECTION = Pattern.compile("(README|docs/[\\w-]+\\.md)(?:'s)?(?: section|,)? \"([^\"]+)\"");
    private static final Pattern OUTSIDE = Pattern.compile("\\b(DOMAIN|CONTRACT|DESIGN)\\.md\\b|\\.\\./shared");

    @Test
    void everyReferencedFileAndFolderExists() {
        List<String> missing = new ArrayList<>();
        for (Path file : scannedFiles()) {
            String text = read(file);
            Matcher paths = PATH.matcher(text);
            while (paths.find()) {
                String reference = paths.group(1);
                if (isFileReference(reference, file.toString().endsWith(".md")) && !exists(file, reference)) {
                    missing.add(ROOT.relativize(file) + ": " + reference);
                }
            }
            if (file.toString().endsWith(".md")) {
                Matcher links = LINK.matcher(text);
                while (links.find()) {
                    String target = links.group(1);
                    if (!target.contains("://") && !target.startsWith("mailto:") && !exists(file, target)) {
                        missing.add(ROOT.relativize(file) + ": link " + target);
                    }
                }
            }
        }
        assertThat(missing).as("references to files that are not in the repository").isEmpty();
    }

    @Test
    void nothingPointsOutsideTheRepository() {
        List<String> outside = new ArrayList<>();
        for (Path file : scannedFiles()) {
            if (file.endsWith("DocumentationReferencesTest.java")) {
                continue;
            }
            Matcher matcher = OUTSIDE.matcher(read(file));
            while (matcher.find()) {
                outside.add(ROOT.relativize(file) + ": " + matcher.group());
            }
        }
        assertThat(outside).as("references to notes outside the repository").isEmpty();
    }

    @Test
    void everyReadmeSectionThatIsNamedExists() {
        assertThat(headings("README.md")).isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (Path file : scannedFiles()) {
            if (file.endsWith("DocumentationReferencesTest.java")) {
                continue;
            }
            Matcher matcher = SECTION.matcher(read(file));
            while (matcher.find()) {
                String document = matcher.group(1).equals("README") ? "README.md" : matcher.group(1);
                String section = matcher.group(2);
                if (headings(document).stream().noneMatch(heading -> heading.contains(section))) {
                    missing.add(ROOT.relativize(file) + ": " + document + " \"" + section + "\"");
                }
            }
        }
        assertThat(missing).as("README and docs/ sections that do not exist").isEmpty();
    }

    /** The headings of a Markdown file of the repository; none when it does not exist (the path check reports that). */
    private static List<String> headings(String document) {
        Path file = ROOT.resolve(document);
        if (!Files.exists(file)) {
            return List.of();
        }
        return read(file).lines().filter(line -> line.startsWith("#")).map(line -> line.replaceFirst("^#+\\s*", "")).toList();
    }

    private static boolean isFileReference(String token, boolean markdown) {
        if (!markdown && token.endsWith("/")) {
            return false; // in code and configuration "decisions/" is mostly a piece of a URL path; files are checked
        }
        String first = token.contains("/") ? token.substring(0, token.indexOf('/')) : token;
        if (token.matches("(?:.*/)?\\.{3,}(?:/.*)?")) {
            return false; // ".../login/" elides the start of a URL path; it names no file
        }
        if (Set.of("application", "text", "multipart", "image", "target").contains(first)) {
            return false;
        }
        if (token.endsWith("/") && !token.substring(0, token.length() - 1).contains("/") && !token.matches("[a-z][a-z0-9_-]+/")) {
            return false; // "6Aob/" in an encoded value, not a folder
        }
        // A bare file name (no folder) is a reference only when it is Markdown; "x.java" alone is often a class mention.
        return token.contains("/") || token.endsWith(".md");
    }

    private static boolean exists(Path referrer, String reference) {
        String clean = reference.replaceFirst("^\\./", "");
        if (Files.exists(referrer.getParent().resolve(clean))) {
            return true;
        }
        return BASES.stream().anyMatch(base -> Files.exists(base.resolve(clean)));
    }

    private static List<Path> scannedFiles() {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("src", "docs", "processes", "forms", "docker", ".ci")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
                walk.filter(Files::isRegularFile).filter(DocumentationReferencesTest::scanned).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String file : List.of("README.md", "CONTRIBUTING.md", "CHANGELOG.md")) {
            files.add(ROOT.resolve(file));
        }
        return files;
    }

    private static boolean scanned(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && SCANNED.contains(name.substring(dot + 1)) || file.startsWith(ROOT.resolve(".ci"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
