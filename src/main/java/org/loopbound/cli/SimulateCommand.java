package org.loopbound.cli;

import picocli.CommandLine.Command;

/** {@code loopbound simulate}: under construction in this session; registered so that Main's command list is fixed. */
@Command(name = "simulate", description = "Not implemented yet.")
public final class SimulateCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageError("'simulate' is not implemented yet");
    }
}
