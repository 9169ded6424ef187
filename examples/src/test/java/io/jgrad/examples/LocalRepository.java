package io.jgrad.examples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Lays out built jars and poms as {@code mvn install} would, for {@link OutsideProjectTest}'s temporary repository. */
final class LocalRepository {
    private LocalRepository() {}

    /**
     * Copies an artifact into {@code repo} as maven-install-plugin does: the pom as it is, the jar and
     * the jars attached beside it (sources, tests, javadoc), {@code _remote.repositories} marking them
     * locally installed, and {@code maven-metadata-local.xml} for the version and for the artifact.
     */
    static void install(Path repo, String groupId, String artifactId, String version, Path pom, Path jar)
            throws IOException {
        Path artifactDir = repo.resolve(groupId.replace('.', '/')).resolve(artifactId), dir = artifactDir.resolve(version);
        Files.createDirectories(dir);
        String base = artifactId + "-" + version;
        String stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        List<String> files = new ArrayList<>(List.of(base + ".pom"));
        StringBuilder snapshotVersions = new StringBuilder(snapshotVersion(null, "pom", version, stamp));
        Files.copy(pom, dir.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            List<Path> jars;
            try (Stream<Path> target = Files.list(jar.getParent())) {
                jars = target.filter(p -> p.getFileName().toString().matches(Pattern.quote(base) + "(-[^.]+)?\\.jar"))
                        .sorted(Comparator.comparing((Path p) -> !p.equals(jar)).thenComparing(Path::toString))
                        .toList();  // the jar, then its attached ones
            }
            for (Path j : jars) {
                String name = j.getFileName().toString();
                String classifier = name.equals(base + ".jar") ? null : name.substring(base.length() + 1, name.length() - 4);
                Files.copy(j, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                files.add(name);
                snapshotVersions.append(snapshotVersion(classifier, "jar", version, stamp));
            }
        }
        Files.writeString(dir.resolve("_remote.repositories"),
                "#NOTE: This is a Maven Resolver internal implementation file, its format can be changed without prior notice.\n"
                        + files.stream().map(f -> f + ">=\n").collect(Collectors.joining()));
        if (version.endsWith("-SNAPSHOT")) {
            Files.writeString(dir.resolve("maven-metadata-local.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <metadata modelVersion="1.1.0">
                      <groupId>%s</groupId>
                      <artifactId>%s</artifactId>
                      <versioning>
                        <lastUpdated>%s</lastUpdated>
                        <snapshot>
                          <localCopy>true</localCopy>
                        </snapshot>
                        <snapshotVersions>
                    %s    </snapshotVersions>
                      </versioning>
                      <version>%s</version>
                    </metadata>
                    """.formatted(groupId, artifactId, stamp, snapshotVersions, version));
        }
        Files.writeString(artifactDir.resolve("maven-metadata-local.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <versioning>
                    <versions>
                      <version>%s</version>
                    </versions>
                    <lastUpdated>%s</lastUpdated>
                  </versioning>
                </metadata>
                """.formatted(groupId, artifactId, version, stamp));
    }

    static String snapshotVersion(String classifier, String extension, String version, String stamp) {
        return "      <snapshotVersion>\n"
                + (classifier == null ? "" : "        <classifier>" + classifier + "</classifier>\n")
                + "        <extension>" + extension + "</extension>\n"
                + "        <value>" + version + "</value>\n"
                + "        <updated>" + stamp + "</updated>\n"
                + "      </snapshotVersion>\n";
    }

    /**
     * A module's jar as this build packaged it. A plain {@code test} run stops before package, so the jar
     * is missing or older than the classes; the test is skipped then, rather than testing an old jar.
     */
    static Path builtJar(Path moduleDir, String artifactId, String version) throws IOException {
        Path jar = moduleDir.resolve("target").resolve(artifactId + "-" + version + ".jar");
        assumeTrue(Files.isRegularFile(jar), () -> jar + " is not built; `./mvnw verify` packages it before this"
                + " module's tests (`test` stops before package)");
        FileTime packaged = Files.getLastModifiedTime(jar);
        Path classes = moduleDir.resolve("target/classes");
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                Optional<Path> newer = files.filter(p -> p.toString().endsWith(".class"))
                        .filter(p -> lastModified(p).compareTo(packaged) > 0).findFirst();
                assumeTrue(newer.isEmpty(), () -> jar + " is older than " + newer.get()
                        + "; `./mvnw verify` packages it again");
            }
        }
        return jar;
    }

    static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
