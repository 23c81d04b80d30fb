package pulse.esnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import org.elasticsearch.common.logging.LogConfigurator;
import org.junit.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.RunWith;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.MockNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Starts one bare Elasticsearch node inside this JVM for the contract and fault tests.
 *
 * <p>Only the server core and the netty4 HTTP transport are on the classpath (they are what Maven
 * Central publishes), so there is no analysis-common, painless or reindex: the application folds
 * accents itself and never uses scripts or by-query APIs.
 *
 * <p>Environment: ES_TEST_PORT (HTTP port, default 9250), ES_TEST_HOME (data/home dir, required
 * to be writable; default a fresh temp dir), ES_TEST_TRANSPORT_PORT (default HTTP port + 100),
 * ES_TEST_SETTINGS (extra node settings, {@code key=value} pairs separated by {@code ;}, e.g.
 * {@code indices.memory.index_buffer_size=30%}; later pairs override the defaults below).
 */
@RunWith(RandomizedRunner.class)
public class TestNode {
    /**
     * The test framework's Randomness insists on a randomized-testing context once that library is
     * on the classpath (MockNode needs it), so the node runs as the single "test" of this class.
     */
    public static void main(String[] args) {
        Result result = JUnitCore.runClasses(TestNode.class);
        result.getFailures().forEach(failure -> {
            System.err.println(failure.getTestHeader());
            System.err.println(failure.getTrace());
        });
        System.exit(result.wasSuccessful() ? 0 : 1);
    }

    @Test
    public void runNodeUntilStopped() throws Exception {
        String httpPort = envOr("ES_TEST_PORT", "9250");
        String transportPort = envOr("ES_TEST_TRANSPORT_PORT", String.valueOf(Integer.parseInt(httpPort) + 100));
        Path home = Path.of(envOr("ES_TEST_HOME", Files.createTempDirectory("pulse-es-").toString()));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));

        // Without this the node logs nothing and a failed start is silent.
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(Settings.EMPTY);

        Settings settings = Settings.builder()
            .put("cluster.name", "pulse-test")
            .put("node.name", "pulse-test-node")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            .put("discovery.type", "single-node")
            // Tests run on shared CI disks that are often > 90 % full; watermarks would block writes.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // A test creates many short-lived indices; the default 1000 shard cap is reachable.
            .put("cluster.max_shards_per_node", 10000)
            .put("action.destructive_requires_name", false)
            .put(extraSettings(envOr("ES_TEST_SETTINGS", "")))
            .build();

        Node node = new MockNode(settings, List.of(Netty4Plugin.class), false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "pulse-node-shutdown"));
        node.start();
        System.out.println("pulse-test-node started: http://127.0.0.1:" + httpPort + " home=" + home);
        stopped.await();
    }

    /** Parses {@code key=value;key=value}; a pair without '=' is a mistake worth failing on. */
    static Settings extraSettings(String spec) {
        Settings.Builder builder = Settings.builder();
        for (String pair : spec.split(";")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("ES_TEST_SETTINGS: expected key=value, got '" + pair + "'");
            builder.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return builder.build();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
