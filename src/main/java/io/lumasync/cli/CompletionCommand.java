package io.lumasync.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Prints the shell completion script for the whole command tree (bash; zsh loads it through bashcompinit). */
@Command(name = "completion", description = "Print the shell completion script: "
        + "source <(lumasync completion) in bash, or autoload bashcompinit && bashcompinit first in zsh. "
        + "Installed packages put it where the shell finds it.")
final class CompletionCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    CompletionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.out().print(AutoComplete.bash("lumasync", spec.root().commandLine()));
        ctx.out().flush();
        return Cli.OK;
    }
}
