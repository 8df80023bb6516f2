package io.lumasync.cli;

import io.lumasync.auth.Doctor;
import io.lumasync.auth.KeychainSecretVault;
import io.lumasync.auth.SecretVaults;
import io.lumasync.core.LogFile;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "doctor", description = "Check the set-up: where secrets are kept, sign-ins, the image engine, data folder.")
final class DoctorCommand implements Callable<Integer> {
    private final CliContext ctx;

    DoctorCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path data = ctx.service().dataDir();
        SecretVaults.Selection vault = SecretVaults.select(data, ctx.env(), KeychainSecretVault::open);
        ctx.out().println("Data:     " + data);
        ctx.out().println("Log:      " + LogFile.of(data));
        ctx.out().println("Images:   " + ctx.service().engineName());
        ctx.out().print(Doctor.report(vault, ctx.service().oauthAccounts()));
        ctx.service().tokenHealth().forEach((name, problem) -> ctx.out().println("Source: " + name + ": "
                + problem.map(p -> "needs attention - " + p).orElse("connected (token accepted)")));
        ctx.service().destinations().forEach(d -> ctx.out().println("Destination: " + d.name() + " (" + d.typeId()
                + "): " + d.status() + d.lastError().map(e -> " - " + e).orElse("")));
        ctx.out().flush();
        return Cli.OK;
    }
}
