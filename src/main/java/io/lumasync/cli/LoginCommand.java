package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.sync.SourceInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "login", description = "Sign a source in to its provider in your browser (Dropbox, Google Drive). "
        + "Give the source's name, or the provider when you have one source of it.")
final class LoginCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "SOURCE|PROVIDER")
    String target;

    LoginCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        String source = resolve(ctx, target);
        VaultGuard.requireDurable(ctx, "the sign-in of '" + source + "'");
        ctx.out().println("Opening your browser to sign in '" + source + "'. Waiting up to 5 minutes…");
        ctx.out().flush();
        ctx.service().login(source, browser(ctx));
        ctx.out().println("Signed in: '" + source + "' is connected. Try it: lumasync sync " + source + " --dry-run");
        return Cli.OK;
    }

    /** A source name, or a provider id that names exactly one configured source. */
    static String resolve(CliContext ctx, String target) throws Exception {
        List<SourceInfo> sources = ctx.service().sources();
        if (sources.stream().anyMatch(s -> s.name().equals(target))) {
            return target;
        }
        String id = target.toLowerCase(Locale.ROOT).equals("google") ? "gdrive" : target.toLowerCase(Locale.ROOT);
        List<String> ofType = sources.stream().filter(s -> s.typeId().equals(id)).map(SourceInfo::name).toList();
        if (ofType.size() == 1) {
            return ofType.getFirst();
        }
        if (ofType.isEmpty()) {
            throw new ConfigurationException("No source called or of type '" + target + "'. Add one first, e.g.: "
                    + "lumasync sources add " + id + " NAME --to DEST");
        }
        throw new ConfigurationException("Several " + target + " sources (" + String.join(", ", ofType)
                + "): name the one to sign in.");
    }

    /** Opens a sign-in page in the system browser, and prints it for machines without one. */
    static java.util.function.Consumer<URI> browser(CliContext ctx) {
        return url -> {
            ctx.out().println("If no browser opened, open this address yourself:\n  " + url);
            ctx.out().flush();
            openBrowser(url);
        };
    }

    private static void openBrowser(URI url) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        List<String> cmd = os.contains("mac") ? List.of("open", url.toString())
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url.toString())
                : List.of("xdg-open", url.toString());
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // headless machine: the printed address is the way
        }
    }
}
