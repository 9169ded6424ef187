package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The published artifacts, used the way another project uses them. The jars and poms this build just
 * packaged (the parent pom, jgrad-core, jgrad-nn, jgrad-optim) are laid out in a temporary local
 * repository exactly as {@code mvn install} lays them out; a separate project whose pom has only the
 * dependency README tells users to add is built there with the Maven wrapper and its main trains a
 * {@code Linear} with {@code SGD}. Maven 3.9's chained local repository ({@code maven.repo.local.tail})
 * puts the temporary repository in front of the real one, which is only read (for the third-party jars
 * this build already resolved), so nothing of jgrad is installed anywhere. The outside build goes
 * offline only when this one does (surefire passes {@code settings.offline} and the real repository's
 * path; see examples/pom.xml).
 */
class OutsideProjectTest {
    /** The library modules' folders and the module names README promises for their jars. */
    private static final Map<String, String> LIBRARY_MODULES = new LinkedHashMap<>();

    static {
        LIBRARY_MODULES.put("core", "io.jgrad.core");
        LIBRARY_MODULES.put("nn", "io.jgrad.nn");
        LIBRARY_MODULES.put("optim", "io.jgrad.optim");
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");

    @Test
    void aSeparateProjectWithReadmesOneDependencyBuildsAndTrains(@TempDir Path tmp) throws Exception {
        Path root = root();
        Element parent = pom(root.resolve("pom.xml"));
        String groupId = text(parent, "groupId"), version = text(parent, "version");

        // The "installed" artifacts.
        Path repo = tmp.resolve("repository");
        LocalRepository.install(repo, groupId, text(parent, "artifactId"), version, root.resolve("pom.xml"), null);
        List<String> libraries = new ArrayList<>();
        for (String module : LIBRARY_MODULES.keySet()) {
            Path dir = root.resolve(module);
            String artifactId = text(pom(dir.resolve("pom.xml")), "artifactId");
            Path jar = LocalRepository.builtJar(dir, artifactId, version);
            LocalRepository.install(repo, groupId, artifactId, version, dir.resolve("pom.xml"), jar);
            libraries.add(artifactId);
        }

        // The outside project: README's dependency block, verbatim.
        String dependency = readmeDependency(root);
        assertEquals(groupId, element(dependency, "groupId"), "README's dependency's groupId");
        assertEquals(version, element(dependency, "version"), "README's dependency's version (this build's)");
        assertTrue(libraries.contains(element(dependency, "artifactId")),
                "README's dependency " + element(dependency, "artifactId") + " is none of " + libraries);
        Path project = tmp.resolve("outside");
        Files.createDirectories(project.resolve("src/main/java/demo"));
        Files.writeString(project.resolve("pom.xml"), outsidePom(parent, dependency));
        Files.writeString(project.resolve("src/main/java/demo/Main.java"), MAIN);

        // Compile it and write its runtime class path, with the wrapper users run.
        String realRepo = Optional.ofNullable(System.getProperty("maven.repo.local"))
                .filter(p -> !p.isBlank() && !p.contains("${"))
                .orElse(Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path classPathFile = tmp.resolve("classpath.txt");
        List<String> maven = new ArrayList<>(WINDOWS
                ? List.of("cmd", "/c", root.resolve("mvnw.cmd").toString())
                : List.of(root.resolve("mvnw").toString()));
        maven.addAll(List.of("-B", "-ntp"));
        if (Boolean.getBoolean("jgrad.offline")) maven.add("-o");
        maven.addAll(List.of(
                "-Dmaven.repo.local=" + repo,
                "-Dmaven.repo.local.tail=" + realRepo,
                "compile",
                "org.apache.maven.plugins:maven-dependency-plugin:" + pluginVersion(parent, "maven-dependency-plugin")
                        + ":build-classpath",
                "-Dmdep.includeScope=runtime",
                "-Dmdep.outputFile=" + classPathFile));
        String built = run(maven, project, tmp.resolve("maven.log"), "the outside project's Maven build");

        // The one dependency brought all three libraries, from the temporary repository.
        String classPath = Files.readString(classPathFile).trim();
        List<Path> entries = Arrays.stream(classPath.split(Pattern.quote(File.pathSeparator))).map(Path::of).toList();
        for (String artifactId : libraries) {
            String jar = artifactId + "-" + version + ".jar";
            Path entry = entries.stream().filter(e -> e.getFileName().toString().equals(jar)).findFirst()
                    .orElseThrow(() -> new AssertionError(jar + " is not on the outside project's class path "
                            + entries + "\n" + built));
            assertTrue(entry.startsWith(repo), jar + " came from " + entry + ", not from " + repo);
        }

        // Run its main.
        String java = Path.of(System.getProperty("java.home"), "bin", WINDOWS ? "java.exe" : "java").toString();
        String output = run(List.of(java, "-cp", project.resolve("target/classes") + File.pathSeparator + classPath,
                "demo.Main"), project, tmp.resolve("run.log"), "demo.Main");
        double initial = loss(output, "initial"), last = loss(output, "final");
        assertTrue(last < initial, "the loss should fall: " + initial + " -> " + last + "\n" + output);
    }

    @Test
    void jarsCarryTheModuleNamesReadmePromises() throws Exception {
        Path root = root();
        String version = text(pom(root.resolve("pom.xml")), "version");
        List<Path> jars = new ArrayList<>();
        for (Map.Entry<String, String> module : LIBRARY_MODULES.entrySet()) {
            Path dir = root.resolve(module.getKey());
            Path jar = LocalRepository.builtJar(dir, text(pom(dir.resolve("pom.xml")), "artifactId"), version);
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                assertNotNull(manifest, jar + " has no manifest");
                assertEquals(module.getValue(), manifest.getMainAttributes().getValue("Automatic-Module-Name"),
                        jar + "'s Automatic-Module-Name");
            }
            jars.add(jar);
        }
        // What the module system makes of them together: these names, and no package in two of them.
        var finder = ModuleFinder.of(jars.toArray(Path[]::new));
        assertEquals(List.copyOf(LIBRARY_MODULES.values()), finder.findAll().stream()
                .map(ModuleReference::descriptor).map(d -> d.name()).sorted().toList());
        ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), LIBRARY_MODULES.values());
    }

    private static final String MAIN = """
            package demo;

            import io.jgrad.core.Tensor;
            import io.jgrad.nn.Linear;
            import io.jgrad.nn.loss.MSELoss;
            import io.jgrad.optim.SGD;

            /** Fits y = x·(1.5, -2, 0.5) + 0.3 with a Linear(3, 1) and a few SGD steps. */
            public class Main {
                public static void main(String[] args) {
                    Tensor.manualSeed(0);
                    Tensor x = Tensor.randn(64, 3);
                    Tensor y = x.matmul(Tensor.of(1.5, -2, 0.5).unsqueeze(1)).add(0.3);
                    Linear model = new Linear(3, 1);
                    SGD optimizer = new SGD(model.parameters(), 0.1);
                    MSELoss mse = new MSELoss();
                    System.out.println("initial loss: " + mse.apply(model.apply(x), y).item());
                    for (int step = 0; step < 20; step++) {
                        optimizer.zeroGrad();
                        mse.apply(model.apply(x), y).backward();
                        optimizer.step();
                    }
                    System.out.println("final loss: " + mse.apply(model.apply(x), y).item());
                }
            }
            """;

    /** A user's minimal pom; the plugins at the versions jgrad builds with, so an offline build has them. */
    private static String outsidePom(Element parent, String dependency) {
        String plugins = Stream.of("maven-resources-plugin", "maven-compiler-plugin", "maven-dependency-plugin")
                .map(a -> """
                                <plugin>
                                  <groupId>org.apache.maven.plugins</groupId>
                                  <artifactId>%s</artifactId>
                                  <version>%s</version>
                                </plugin>
                        """.formatted(a, pluginVersion(parent, a)))
                .collect(Collectors.joining());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>outside</artifactId>
                  <version>1.0</version>

                  <properties>
                    <maven.compiler.release>%s</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>

                  <dependencies>
                %s
                  </dependencies>

                  <build>
                    <pluginManagement>
                      <plugins>
                %s      </plugins>
                    </pluginManagement>
                  </build>
                </project>
                """.formatted(text(child(parent, "properties"), "maven.compiler.release"),
                dependency.indent(4).stripTrailing(), plugins);
    }

    /** The first dependency block in README's "Using jgrad in your project". */
    private static String readmeDependency(Path root) throws IOException {
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf("\n## Using jgrad in your project");
        assertTrue(start >= 0, "README has no \"## Using jgrad in your project\" section");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher block = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL)
                .matcher(readme.substring(start, end < 0 ? readme.length() : end));
        assertTrue(block.find(), "README's \"Using jgrad in your project\" shows no <dependency>");
        return block.group();
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
        assertTrue(m.find(), "no <" + name + "> in " + xml);
        return m.group(1);
    }

    /** Runs a command with its output in {@code log}; fails with that output on a non-zero exit or timeout. */
    private static String run(List<String> command, Path dir, Path log, String what) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));  // the JDK running this build
        env.remove("MAVEN_ARGS");  // this build's arguments (-pl ...) are not the outside project's
        env.remove("MAVEN_BASEDIR");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            List<ProcessHandle> children = process.descendants().toList();
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail(what + " did not finish within " + TIMEOUT.toMinutes() + " min and was killed: "
                    + String.join(" ", command) + "\n" + read(log));
        }
        String output = read(log);
        if (process.exitValue() != 0) {
            fail(what + " exited with " + process.exitValue() + ": " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }

    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), Charset.defaultCharset());
    }

    private static double loss(String output, String which) {
        Matcher m = Pattern.compile("^" + which + " loss: (\\S+)\\s*$", Pattern.MULTILINE).matcher(output);
        assertTrue(m.find(), "demo.Main printed no \"" + which + " loss: \" line:\n" + output);
        double loss = Double.parseDouble(m.group(1));
        assertTrue(Double.isFinite(loss), which + " loss " + loss + "\n" + output);
        return loss;
    }

    /** The reactor's root: the first folder up from here with mvnw beside jgrad-parent's pom.xml. */
    private static Path root() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && "jgrad-parent".equals(text(pom(dir.resolve("pom.xml")), "artifactId"))) {
                return dir;
            }
        }
        throw new AssertionError("no jgrad-parent pom.xml with mvnw beside it in " + here + " or above");
    }

    private static Element pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        assertNotNull(e, "no <" + name + "> in <" + parent.getTagName() + ">");
        return e.getTextContent().trim();
    }

    /** A plugin's version in the parent pom's pluginManagement. */
    private static String pluginVersion(Element parent, String artifactId) {
        Element plugins = child(child(child(parent, "build"), "pluginManagement"), "plugins");
        for (Node n = plugins.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && artifactId.equals(text(e, "artifactId"))) return text(e, "version");
        }
        throw new AssertionError("the parent pom's pluginManagement has no " + artifactId);
    }
}
