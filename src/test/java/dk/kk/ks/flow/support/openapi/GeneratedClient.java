package dk.kk.ks.flow.support.openapi;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Java client generated from the API description by openapi-generator (the CLI, in its own JVM, as a client team
 * would run it), compiled with the JDK's compiler against the test classpath, loaded in a class loader of its own and
 * driven by reflection: nothing in it is edited or written by hand.
 */
final class GeneratedClient {

    static final String PACKAGE = "dk.kk.ks.flow.generated";
    private static final Duration GENERATION_TIMEOUT = Duration.ofMinutes(3);

    private final ClassLoader loader;

    private GeneratedClient(ClassLoader loader) {
        this.loader = loader;
    }

    /** Generates the client (library "native": java.net.http and Jackson) into the folder, compiles it and loads it. */
    static GeneratedClient generate(Path generatorJar, Path description, Path folder) throws Exception {
        Path sources = folder.resolve("sources");
        Path classes = folder.resolve("classes");
        deleteRecursively(folder);
        Files.createDirectories(classes);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", generatorJar.toString(), "generate",
                "--generator-name", "java", "--library", "native",
                "--input-spec", description.toString(), "--output", sources.toString(),
                "--api-package", PACKAGE + ".api", "--model-package", PACKAGE + ".model", "--invoker-package", PACKAGE,
                "--additional-properties", "useJakartaEe=true,hideGenerationTimestamp=true");
        Path log = folder.resolve("generator.log");
        Process generator = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!generator.waitFor(GENERATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            generator.destroyForcibly();
            throw new AssertionError("openapi-generator did not finish in " + GENERATION_TIMEOUT + "; see " + log);
        }
        if (generator.exitValue() != 0) {
            throw new AssertionError("openapi-generator failed (" + generator.exitValue() + "):\n" + Files.readString(log));
        }
        compile(sources.resolve("src/main/java"), classes);
        return new GeneratedClient(new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedClient.class.getClassLoader()));
    }

    private static void compile(Path sourceRoot, Path classes) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
            // Surefire puts the test classpath here when java.class.path is only its booter jar.
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> options = List.of("-d", classes.toString(), "-classpath", classpath, "-encoding", "UTF-8",
                    "-nowarn", "-Xlint:none", "-proc:none");
            Boolean compiled = compiler.getTask(diagnostics, fileManager, null, options, null, units).call();
            if (!Boolean.TRUE.equals(compiled)) {
                throw new AssertionError("The generated client does not compile:\n" + diagnostics);
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    Class<?> type(String simpleName, String subPackage) {
        try {
            return Class.forName(PACKAGE + subPackage + "." + simpleName, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("The generated client has no class " + simpleName, e);
        }
    }

    Class<?> model(String schemaName) {
        return type(schemaName, ".model");
    }

    /** An ApiClient for the base URI, sending HTTP Basic credentials (none when user is null). */
    Object apiClient(String baseUri, String user) throws ReflectiveOperationException {
        Object client = type("ApiClient", "").getConstructor().newInstance();
        client.getClass().getMethod("updateBaseUri", String.class).invoke(client, baseUri);
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            Consumer<java.net.http.HttpRequest.Builder> basic = request -> request.header("Authorization", "Basic " + token);
            client.getClass().getMethod("setRequestInterceptor", Consumer.class).invoke(client, basic);
        }
        return client;
    }

    /** The generated client's own ObjectMapper, configured as it reads answers. */
    ObjectMapper mapper(Object apiClient) throws ReflectiveOperationException {
        return (ObjectMapper) apiClient.getClass().getMethod("getObjectMapper").invoke(apiClient);
    }

    Object api(String tag, Object apiClient) throws ReflectiveOperationException {
        Class<?> api = type(tag + "Api", ".api");
        return api.getConstructor(apiClient.getClass()).newInstance(apiClient);
    }

    /** The result of a call: the generated ApiResponse, or the generated ApiException it threw. */
    record Call(int status, Object data, Object exception) {

        String responseBody() throws ReflectiveOperationException {
            return exception == null ? null : (String) exception.getClass().getMethod("getResponseBody").invoke(exception);
        }
    }

    /** Calls {@code operationId + "WithHttpInfo"} on the API object with the arguments. */
    Call call(Object api, String operationId, Object... arguments) throws Exception {
        Method method = Arrays.stream(api.getClass().getMethods())
                .filter(m -> m.getName().equals(operationId + "WithHttpInfo") && m.getParameterCount() == arguments.length)
                .findFirst().orElseThrow(() -> new AssertionError("The generated " + api.getClass().getSimpleName()
                        + " has no " + operationId + " with " + arguments.length + " argument(s)"));
        try {
            Object response = method.invoke(api, arguments);
            int status = (Integer) response.getClass().getMethod("getStatusCode").invoke(response);
            return new Call(status, response.getClass().getMethod("getData").invoke(response), null);
        } catch (InvocationTargetException thrown) {
            Throwable cause = thrown.getCause();
            if (cause.getClass().getName().equals(PACKAGE + ".ApiException")) {
                int status = (Integer) cause.getClass().getMethod("getCode").invoke(cause);
                return new Call(status, null, cause);
            }
            throw thrown;
        }
    }

    /** A property of a generated model, through its getter; an enum is given as its JSON value. */
    static Object get(Object model, String property) throws ReflectiveOperationException {
        Object value = model.getClass().getMethod("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1)).invoke(model);
        return value instanceof Enum<?> ? value.toString() : value;
    }

    /** The schema name of a oneOf's instance (the generated CaseView holds one of the case schemas). */
    static Object actualInstance(Object oneOf) throws ReflectiveOperationException {
        return oneOf.getClass().getMethod("getActualInstance").invoke(oneOf);
    }

    static List<Object> list(Object value) {
        return new ArrayList<>((List<?>) value);
    }

    static JsonNode json(ObjectMapper mapper, Object model) {
        return mapper.valueToTree(model);
    }
}
