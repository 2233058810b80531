package dev.policywatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the OpenAPI documents that the services' builds put on the classpath:
 * {@code META-INF/swagger/policywatch-*.yml} (micronaut-openapi; each module names its own in its
 * {@code openapi.properties}). Directories and jars are listed; the services' known names are also looked
 * up directly, in case a repackaged jar has no directory entries.
 */
public final class OpenApiDocuments {

    /** Where micronaut-openapi writes the documents. */
    public static final String FOLDER = "META-INF/swagger";

    /** The documents the policywatch services generate. */
    public static final List<String> KNOWN = List.of("policywatch-crawler.yml", "policywatch-diff.yml",
            "policywatch-notifier.yml");

    private static final String PREFIX = "policywatch-";

    private OpenApiDocuments() {
    }

    /**
     * Reads every {@code META-INF/swagger/policywatch-*.yml} visible to the class loader, sorted by file
     * name; when two classpath entries hold the same name, the first one wins.
     *
     * @param loader the class loader to look in
     * @return the documents (none when no service is on the classpath)
     */
    public static List<OpenApiMerger.Source> find(ClassLoader loader) {
        Set<String> names = new TreeSet<>(KNOWN);
        try {
            Enumeration<URL> folders = loader.getResources(FOLDER);
            while (folders.hasMoreElements()) {
                names.addAll(list(folders.nextElement()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FOLDER + " on the classpath", e);
        }
        TreeMap<String, OpenApiMerger.Source> found = new TreeMap<>();
        for (String name : names) {
            if (!name.startsWith(PREFIX) || !name.endsWith(".yml")) {
                continue;
            }
            URL url = loader.getResource(FOLDER + "/" + name);
            if (url != null) {
                found.put(name, new OpenApiMerger.Source(name, read(url)));
            }
        }
        return new ArrayList<>(found.values());
    }

    private static List<String> list(URL folder) throws IOException {
        List<String> names = new ArrayList<>();
        if ("file".equals(folder.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(folder.toURI());
            } catch (URISyntaxException e) {
                return names;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
            }
        } else if ("jar".equals(folder.getProtocol())) {
            URLConnection connection = folder.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                try (JarFile file = jar.getJarFile()) {
                    for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(FOLDER + "/") && entry.indexOf('/', FOLDER.length() + 1) < 0) {
                            names.add(entry.substring(FOLDER.length() + 1));
                        }
                    }
                }
            }
        }
        return names;
    }

    private static String read(URL url) {
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
