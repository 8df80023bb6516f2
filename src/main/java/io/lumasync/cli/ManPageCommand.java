package io.lumasync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Prints the manual page (troff), made from the same command tree as {@code --help}, so the two never disagree. */
@Command(name = "manpage", description = "Print the manual page (troff): lumasync manpage | man -l -")
final class ManPageCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    ManPageCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.out().print(ManPage.of(spec.root().commandLine()));
        ctx.out().flush();
        return Cli.OK;
    }
}
