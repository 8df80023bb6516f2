package io.lumasync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "logout", description = "Forget a source's sign-in (its tokens are deleted from the keychain).")
final class LogoutCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "SOURCE|PROVIDER")
    String target;

    LogoutCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        String source = LoginCommand.resolve(ctx, target);
        ctx.service().logout(source);
        ctx.out().println("Signed out '" + source + "': its tokens are deleted. Sign in again with: lumasync login " + source);
        return Cli.OK;
    }
}
